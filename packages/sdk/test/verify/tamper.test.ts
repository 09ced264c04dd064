import { createSamplePdf } from '@hdld/sdk/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PdfVerificationResult, verifyPdf } from '../../src/documents/verify/index.js';
import { type VerifyFixture, verifyFixture } from './contract-fixtures.js';
import { runPdfsig } from './pdfsig.js';
import {
  append,
  flipByte,
  lastSignature,
  replaceLastCms,
  rewriteByteRange,
  timestampToken,
} from './tamper.js';

/**
 * Each attack must be caught by our verifier AND by poppler's pdfsig where pdfsig checks that property
 * (N2, F8: signatures, timestamps and integrity are checked before an ID is issued).
 */
let f: VerifyFixture;
let clean: Uint8Array;
const codes = (r: PdfVerificationResult) => r.signatures.flatMap((s) => s.findings.map((x) => x.code));
const pdfsig = (pdf: Uint8Array) => runPdfsig(pdf, { rootDer: f.pki.root.certificate, crls: [f.pki.crl] });

beforeAll(async () => {
  f = await verifyFixture();
  clean = await f.twoPartyContract();
});

describe('tamper detection, ours and pdfsig', () => {
  it('the clean two-party B-T contract passes both', async () => {
    const report = await verifyPdf(clean, { ...f.options, requireTimestamp: true, crls: [f.pki.crl] });
    expect(report.indication).toBe('TOTAL_PASSED');
    // The leaf is covered by the CRL; the issuing CA's own status (root CRL) is not supplied, hence the note.
    expect(report.signatures[0]!.notes).toEqual(['REVOCATION_NOT_CHECKED']);
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    const theirs = pdfsig(clean);
    expect(theirs.signaturesValid).toBe(true);
    // NSS answers "Unknown issue with Certificate" for the test PKI's certificates (reported to the lead), so
    // only pdfsig's signature and coverage verdicts are compared on the clean file.
    expect(theirs.certificates).toHaveLength(2);
  });

  it('one byte changed inside a covered range', async () => {
    const tampered = flipByte(clean, 300);
    const report = await verifyPdf(tampered, f.options);
    expect(report.indication).toBe('TOTAL_FAILED');
    expect(report.signatures.map((s) => s.code)).toEqual([
      'SIGNATURE_DIGEST_MISMATCH',
      'SIGNATURE_DIGEST_MISMATCH',
    ]);
    expect(report.signatures[0]!.subIndication).toBe('HASH_FAILURE');
    const theirs = pdfsig(tampered);
    expect(theirs.signaturesValid).toBe(false);
    expect(theirs.output).toContain('Digest Mismatch');
  });

  it('content appended after the last signature', async () => {
    const tampered = append(clean, '\n% appended by someone else\n');
    const report = await verifyPdf(tampered, f.options);
    expect(report.signatures[1]!.code).toBe('SIGNATURE_MODIFIED_AFTER_SIGNING');
    expect(report.signatures[1]!.changesAfterSigning).toEqual([
      { objectNumber: 0, kind: 'unparsable-update' },
    ]);
    expect(report.signatures[1]!.coverage.wholeDocument).toBe(false);
    const theirs = pdfsig(tampered);
    expect(theirs.signaturesValid).toBe(false);
    expect(theirs.output).toContain('Not total document signed');
  });

  it('an incremental update that replaces page content after signing', async () => {
    const text = new TextDecoder('latin1').decode(clean);
    // The page content stream: the only stream of the sample without a /Type (fonts, xref and object streams have one).
    const contentObject = [...text.matchAll(/(\d+) 0 obj\s*(<<(?:(?!>>).)*>>)\s*stream/gs)].find(
      (m) => !m[2]!.includes('/Type'),
    )!;
    const body = 'BT /F1 24 Tf 50 700 Td (SALARY: 1 VND) Tj ET';
    const objectNumber = Number(contentObject[1]);
    const previousXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
    const trailer = [...text.matchAll(/\/Size (\d+)[\s\S]*?\/Root (\d+ \d+ R)/g)].pop()!;
    const object = `\n${objectNumber} 0 obj\n<< /Length ${body.length} >>\nstream\n${body}\nendstream\nendobj\n`;
    const xrefAt = clean.byteLength + object.length;
    const entry = `${String(clean.byteLength + 1).padStart(10, '0')} 00000 n \n`;
    const update = `${object}xref\n${objectNumber} 1\n${entry}trailer\n<< /Size ${trailer[1]} /Root ${trailer[2]} /Prev ${previousXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const report = await verifyPdf(append(clean, update), f.options);
    expect(report.signatures.map((s) => s.code)).toEqual([
      'SIGNATURE_MODIFIED_AFTER_SIGNING',
      'SIGNATURE_MODIFIED_AFTER_SIGNING',
    ]);
    expect(report.signatures[1]!.changesAfterSigning).toContainEqual({
      objectNumber: Number(contentObject[1]),
      kind: 'page-content',
    });
    expect(pdfsig(append(clean, update)).output).toContain('Not total document signed');
  });

  it('signature wrapping: the ByteRange gap moved away from /Contents', async () => {
    const [start, firstLength, gapEnd, secondLength] = lastSignature(clean).byteRange;
    const tampered = rewriteByteRange(clean, [start, firstLength + 10, gapEnd, secondLength]);
    const report = await verifyPdf(tampered, f.options);
    expect(report.signatures[1]!.code).toBe('SIGNATURE_BYTERANGE_INVALID');
    expect(report.indication).toBe('TOTAL_FAILED');
    expect(pdfsig(tampered).signaturesValid).toBe(false);
  });

  it('an expired signer certificate (B-T: the timestamp proves signing after expiry)', async () => {
    const pdf = await f.sign(await createSamplePdf(), f.pki.expired);
    const report = await verifyPdf(pdf, f.options);
    expect(report.signatures[0]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'EXPIRED',
      code: 'CERTIFICATE_EXPIRED',
    });
    expect(pdfsig(pdf).output).toContain('Certificate has Expired');
  });

  it('a revoked certificate with the CRL supplied', async () => {
    const pdf = await f.sign(await createSamplePdf(), f.pki.revoked);
    const report = await verifyPdf(pdf, { ...f.options, crls: [f.pki.crl] });
    expect(report.signatures[0]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'REVOKED',
      code: 'CERTIFICATE_REVOKED',
    });
    const withoutCrl = await verifyPdf(pdf, f.options);
    expect(withoutCrl.signatures[0]!.notes).toContain('REVOCATION_NOT_CHECKED');
    const required = await verifyPdf(pdf, { ...f.options, requireRevocation: true });
    expect(required.signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'TRY_LATER',
      code: 'REVOCATION_UNAVAILABLE',
    });
    expect(pdfsig(pdf).output).toContain('Certificate has been Revoked');
  });

  it('a timestamp taken over a different signature', async () => {
    const base = await createSamplePdf();
    const victim = await f.sign(base, f.pki.employer);
    const victimCms = lastSignature(victim).cms;
    const victimToken = timestampToken(victimCms);
    // Token lengths vary with the nonce, serial and genTime fraction (DER drops trailing zeros): retry until
    // one fits. A match comes every few attempts; 200 makes a miss practically impossible.
    for (let attempt = 0; attempt < 200; attempt++) {
      const donorToken = timestampToken(lastSignature(await f.sign(base, f.pki.employee)).cms);
      if (donorToken.der.byteLength !== victimToken.der.byteLength) continue;
      const forgedCms = victimCms.slice();
      forgedCms.set(donorToken.der, victimToken.offset);
      const tampered = replaceLastCms(victim, forgedCms);
      const report = await verifyPdf(tampered, f.options);
      expect(report.signatures[0]).toMatchObject({
        indication: 'TOTAL_FAILED',
        subIndication: 'HASH_FAILURE',
        code: 'TIMESTAMP_INVALID',
      });
      expect(report.signatures[0]!.signingTime).toBeUndefined();
      // pdfsig does not validate signature timestamps at all: only our verifier catches this one.
      expect(pdfsig(tampered).signaturesValid).toBe(true);
      return;
    }
    throw new Error('no same-length donor timestamp found');
  });

  it('an untrusted root', async () => {
    const other = await (await import('@hdld/sdk/testing')).createTestPki({ keyType: 'ECDSA-P256' });
    const report = await verifyPdf(clean, {
      trust: { ca: [other.root.certificate], tsa: [other.root.certificate] },
    });
    expect(report.signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      code: 'CERTIFICATE_UNTRUSTED',
    });
    expect(report.signatures[0]!.findings.map((x) => x.code)).toContain('TIMESTAMP_UNTRUSTED');
    const theirs = runPdfsig(clean, {});
    expect(theirs.certificates).toEqual(['Certificate issuer is unknown.', 'Certificate issuer is unknown.']);
  });

  it('requireTimestamp turns a B-B signature into TIMESTAMP_MISSING', async () => {
    const pdf = await f.sign(await createSamplePdf(), f.pki.employer, false);
    const lenient = await verifyPdf(pdf, f.options);
    expect(lenient.indication).toBe('TOTAL_PASSED');
    expect(lenient.signatures[0]!.notes).toContain('SIGNING_TIME_UNPROVEN');
    const strict = await verifyPdf(pdf, { ...f.options, requireTimestamp: true });
    expect(codes(strict)).toEqual(['TIMESTAMP_MISSING']);
  });
});
