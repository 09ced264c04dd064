import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBytes, fromHex, toHex } from '../../src/documents/cms/bytes.js';
import { integerFromUnsigned, octetString, parseAsn1, setOf } from '../../src/documents/cms/der.js';
import { decodePem, encodePem } from '../../src/documents/cms/pem.js';
import { ecdsaRawToDer } from '../../src/documents/signing/ecdsa-signature.js';
import { pdfDate, pdfTextString } from '../../src/documents/signing/pdf-signature-dictionary.js';
import { encodeTimestampRequest } from '../../src/documents/signing/timestamp-request.js';
import { runTool, scratchDir } from '../testing/external-tools.js';

const bigintOf = (bytes: Uint8Array) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

describe('DER helpers (property-based)', () => {
  it('octet strings of any length round-trip through asn1js', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (value) => {
        const parsed = parseAsn1(octetString(value), 'octet string') as asn1js.OctetString;
        expect(new Uint8Array(parsed.valueBlock.valueHexView)).toEqual(value);
      }),
      { numRuns: 50 },
    );
  });

  it('integerFromUnsigned is the minimal positive DER INTEGER of the magnitude', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (magnitude) => {
        const der = integerFromUnsigned(magnitude);
        expect(der).toEqual(new Uint8Array(asn1js.Integer.fromBigInt(bigintOf(magnitude)).toBER()));
        expect((parseAsn1(der, 'integer') as asn1js.Integer).toBigInt()).toBe(bigintOf(magnitude));
      }),
    );
  });

  it('setOf sorts its elements (X.690 11.6) whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 20 }), { maxLength: 8 }), (values) => {
        const elements = values.map(octetString);
        const set = setOf(elements);
        expect(set).toEqual(setOf([...elements].reverse()));
        const children = (parseAsn1(set, 'set') as asn1js.Set).valueBlock.value.map(
          (v) => new Uint8Array(v.valueBeforeDecodeView),
        );
        for (let i = 1; i < children.length; i++)
          expect(compareBytes(children[i - 1]!, children[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('hex and PEM encodings round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        const [block] = decodePem(encodePem('CERTIFICATE', bytes));
        expect(block).toEqual({ label: 'CERTIFICATE', der: bytes });
      }),
    );
    expect(() => fromHex('abc')).toThrow();
    expect(() => fromHex('zz')).toThrow();
  });

  it('ECDSA r||s converts to a DER SEQUENCE of two positive INTEGERs with the same values', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (raw) => {
        const seq = parseAsn1(ecdsaRawToDer(raw), 'signature') as asn1js.Sequence;
        const [r, s] = seq.valueBlock.value as asn1js.Integer[];
        expect(r!.toBigInt()).toBe(bigintOf(raw.subarray(0, 32)));
        expect(s!.toBigInt()).toBe(bigintOf(raw.subarray(32)));
      }),
    );
  });

  it('timestamp requests always carry a positive non-zero nonce and parse in openssl', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        (imprint, random) => {
          const { der, nonce } = encodeTimestampRequest(imprint, random);
          expect(nonce).toBeGreaterThan(0n);
          expect(nonce).toBeLessThan(2n ** 63n);
          const seq = parseAsn1(der, 'request') as asn1js.Sequence;
          expect((seq.valueBlock.value[2] as asn1js.Integer).toBigInt()).toBe(nonce);
        },
      ),
    );
    const files = scratchDir();
    const request = encodeTimestampRequest(new Uint8Array(32).fill(9), new Uint8Array(8).fill(0xff)).der;
    const text = runTool('openssl', ['ts', '-query', '-in', files.write('req.tsq', request), '-text']).stdout;
    files.cleanup();
    expect(text).toContain('Certificate required: yes');
    expect(text).toContain('Nonce: 0x7FFFFFFFFFFFFFFF');
  });

  it('PDF dates and text strings are well-formed for any date and any text', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01Z'), max: new Date('9999-12-31Z'), noInvalidDate: true }),
        (date) => {
          const expected = `D:${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}+00'00'`;
          expect(pdfDate(date)).toBe(expected);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const hex = pdfTextString(text);
        expect(hex).toMatch(/^<FEFF([0-9A-F]{4})*>$/);
        const units = hex.slice(5, -1).match(/.{4}/g) ?? [];
        expect(String.fromCharCode(...units.map((u) => Number.parseInt(u, 16)))).toBe(text);
      }),
    );
  });
});
