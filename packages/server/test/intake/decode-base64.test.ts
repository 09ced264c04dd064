import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/intake/decode-documents.js';

// The definition decodeBase64 must match exactly (RFC 4648 base64, padded; the spec's `format: byte`).
const RFC4648 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Characters Node's decoder treats specially: the URL-safe alphabet, white space, '=', and
// characters above U+007F that it would truncate to a byte of the alphabet ('ł' is U+0142 -> 'B').
const TRICKY = ['=', '-', '_', ' ', '\n', '\r', '\t', '\0', '.', 'ł', 'Ł', 'ａ', 'é', '\u{1f600}'];
const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];

const anyText = fc
  .array(fc.constantFrom(...ALPHABET, ...ALPHABET, ...TRICKY), { maxLength: 40 })
  .map((chars) => chars.join(''));
/** Valid encodings with a few characters replaced or inserted: mostly near-misses. */
const damagedEncoding = fc
  .tuple(
    fc.uint8Array({ maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ALPHABET, ...TRICKY), fc.boolean()), { maxLength: 3 }),
  )
  .map(([bytes, edits]) => {
    const chars = [...Buffer.from(bytes).toString('base64')];
    for (const [at, char, insert] of edits) chars.splice(at % (chars.length + 1), insert ? 0 : 1, char);
    return chars.join('');
  });

/** The base64 text as the JSON parser leaves a large file: its bytes, a view inside the body. */
const asBodyBytes = (text: string) => {
  const body = Buffer.from(`{"contentBase64":"${text}"}`);
  return body.subarray(18, body.length - 2);
};

/**
 * Long encodings (several 8 KB decoding pieces) with a few corruptions anywhere, piece boundaries
 * included: characters outside the alphabet, an inner '=', URL-safe characters, non-ASCII, a
 * padding character added or removed.
 */
const longDamagedEncoding = fc
  .tuple(
    fc.integer({ min: 0, max: 20_000 }),
    fc.array(
      fc.tuple(
        fc.oneof(fc.nat(), fc.constantFrom(8191, 8192, 8193, 16_383, 16_384)),
        fc.constantFrom(...ALPHABET, ...TRICKY, '=='),
        fc.constantFrom('replace', 'insert', 'delete', 'trim-end'),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([size, edits]) => {
    let text = Buffer.from(Uint8Array.from({ length: size }, (_, i) => (i * 7 + size) % 256)).toString(
      'base64',
    );
    for (const [at, char, edit] of edits) {
      const i = at % (text.length + 1);
      if (edit === 'trim-end') text = text.slice(0, -1);
      else
        text = text.slice(0, i) + (edit === 'delete' ? '' : char) + text.slice(edit === 'insert' ? i : i + 1);
    }
    return text;
  });

describe('decodeBase64 (intake, T9)', () => {
  it('accepts exactly what the RFC 4648 expression accepts, and decodes it (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, damagedEncoding), (text) => {
        const decoded = decodeBase64(text);
        expect(decoded !== undefined).toBe(RFC4648.test(text));
        if (decoded) expect(decoded).toEqual(Buffer.from(text, 'base64'));
      }),
      { numRuns: 10_000 },
    );
  });

  it('decides and decodes the same from bytes as from a string (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, damagedEncoding, longDamagedEncoding), (text) => {
        const fromString = decodeBase64(text);
        const fromBytes = decodeBase64(asBodyBytes(text));
        expect(fromBytes !== undefined).toBe(RFC4648.test(text));
        expect(fromString !== undefined).toBe(fromBytes !== undefined);
        if (fromBytes) {
          // Buffer#equals: a deep comparison of 15 kB buffers would take most of the run.
          expect(fromBytes.equals(fromString!) && fromBytes.equals(Buffer.from(text, 'base64'))).toBe(true);
          // Its own memory, so the blob store's thread can take it without a copy.
          expect(fromBytes.buffer.byteLength).toBe(fromBytes.length);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives back any bytes it is given encoded (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(new Uint8Array(decodeBase64(text)!)).toEqual(bytes);
        expect(new Uint8Array(decodeBase64(new TextEncoder().encode(text))!)).toEqual(bytes);
      }),
    );
  });
});
