import { issueCrl } from '@hdld/sdk/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/documents/verify/asn1/certificate.js';
import { BytesCache } from '../../src/documents/verify/crypto/bounded-cache.js';
import { verifyPdf } from '../../src/documents/verify/index.js';
import { type VerifyFixture, verifyFixture } from './contract-fixtures.js';
import { lastSignature, replaceLastCms } from './tamper.js';

/**
 * The verifier caches certificates, imported keys and chain links across files (issue 3 performance goal).
 * These attacks come right after a good verification has filled those caches: none may reuse a cached
 * result (N2, F8: every signature, certificate chain and revocation status is checked per contract).
 */
let f: VerifyFixture;
let clean: Uint8Array;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await verifyFixture();
  clean = await f.twoPartyContract();
});

/** The last signature's CMS with one byte of the n-th embedded copy of the issuing CA's signature value flipped. */
function corruptIssuingCa(pdf: Uint8Array, occurrence: number): Uint8Array {
  const cms = lastSignature(pdf).cms.slice();
  const ca = f.pki.intermediate.certificate;
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) at = indexOf(cms, ca, at + 1);
  expect(at).toBeGreaterThan(-1);
  cms[at + ca.byteLength - 1]! ^= 0x01; // the last byte belongs to the signature BIT STRING
  return replaceLastCms(pdf, cms);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = from; i + needle.byteLength <= haystack.byteLength; i++) {
    let j = 0;
    while (j < needle.byteLength && haystack[i + j] === needle[j]) j++;
    if (j === needle.byteLength) return i;
  }
  return -1;
}

describe('caches never let a tampered file pass', () => {
  it('a CA certificate with the same names but a corrupted signature breaks the signer chain', async () => {
    const options = { ...f.options, requireTimestamp: true };
    expect((await verifyPdf(clean, options)).indication).toBe('TOTAL_PASSED');
    const tampered = corruptIssuingCa(clean, 0);
    const report = await verifyPdf(tampered, options);
    expect(report.signatures[1]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      code: 'CERTIFICATE_UNTRUSTED',
    });
    expect(report.signatures[0]!.indication).toBe('TOTAL_PASSED');
    // And the good file still passes afterwards: the forged certificate did not poison the caches.
    expect((await verifyPdf(clean, options)).indication).toBe('TOTAL_PASSED');
  });

  it('the same forgery inside the timestamp token breaks the TSA chain', async () => {
    const options = { ...f.options, requireTimestamp: true };
    expect((await verifyPdf(clean, options)).indication).toBe('TOTAL_PASSED');
    const report = await verifyPdf(corruptIssuingCa(clean, 1), options);
    expect(report.signatures[1]!.findings).toContainEqual(
      expect.objectContaining({ code: 'TIMESTAMP_UNTRUSTED', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' }),
    );
    expect(report.signatures[1]!.indication).not.toBe('TOTAL_PASSED');
    expect(report.signatures[1]!.signingTime).toBeUndefined();
  });

  it('a new CRL revoking the signer fails a file that passed with the previous CRL', async () => {
    const ca = f.pki.intermediate.authority;
    const now = Date.now();
    const crl = (revoked: { serialNumber: bigint; revokedAt: Date }[], crlNumber: bigint) =>
      issueCrl({
        issuer: ca,
        revoked,
        thisUpdate: new Date(now),
        nextUpdate: new Date(now + 7 * DAY),
        crlNumber,
      });
    const employee = BigInt(`0x${parseCertificate(f.pki.employee.certificate).serialNumberHex}`);
    const before = await verifyPdf(clean, { ...f.options, crls: [await crl([], 10n)] });
    expect(before.indication).toBe('TOTAL_PASSED');
    const revokedAt = new Date(now - DAY); // before the timestamp-proven signing time
    const after = await verifyPdf(clean, {
      ...f.options,
      crls: [await crl([{ serialNumber: employee, revokedAt }], 11n)],
    });
    expect(after.signatures[1]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'REVOKED',
      code: 'CERTIFICATE_REVOKED',
    });
    expect(after.signatures[0]!.indication).toBe('TOTAL_PASSED');
  });
});

describe('BytesCache', () => {
  it('treats different bytes with the same length and ending as different keys', () => {
    const cache = new BytesCache<string>(4);
    const a = new Uint8Array(64).fill(7);
    const b = a.slice();
    b[0] = 8;
    expect(cache.getOrCreate(a, () => 'a')).toBe('a');
    expect(cache.getOrCreate(b, () => 'b')).toBe('b');
    expect(cache.getOrCreate(a.slice(), () => 'a again')).toBe('a again');
    expect(cache.getOrCreate(a, () => 'not reused')).toBe('a again');
  });

  it('keeps at most its capacity, evicting the least recently used entry', () => {
    const cache = new BytesCache<number>(2);
    const key = (n: number) => new Uint8Array([n]);
    let created = 0;
    const get = (n: number) => cache.getOrCreate(key(n), () => ++created);
    get(1);
    get(2);
    get(1); // 1 is now the most recently used
    get(3); // evicts 2
    expect(created).toBe(3);
    get(1);
    expect(created).toBe(3);
    get(2);
    expect(created).toBe(4);
  });
});
