import { afterAll, describe, expect, it } from 'vitest';
import { OID } from '../../src/documents/cms/oids.js';
import { readSignedData } from '../../src/documents/cms/signed-data-reader.js';
import { signPdf, signPdfRevision } from '../../src/documents/signing/sign-pdf.js';
import { readTimestampToken } from '../../src/documents/signing/timestamp-token.js';
import { createSamplePdf, createTestPki, createTestTsa } from '../../src/testing/index.js';
import { createNssTrustStore, runTool, scratchDir } from '../testing/external-tools.js';
import { embeddedSignatures } from './pdf-signatures.js';

const files = scratchDir();
afterAll(files.cleanup);

describe('signPdf: two parties, PAdES B-T (N2, Decree Art. 7.1.a / 8)', async () => {
  const pki = await createTestPki();
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const rootFile = files.write('root.pem', pki.rootPem);
  const tsaChainFile = files.write('tsa-chain.pem', pki.tsa.chainPem);
  const nssDir = createNssTrustStore(files.path('.'), pki.rootPem);

  for (const useObjectStreams of [true, false]) {
    const xref = useObjectStreams ? 'cross-reference stream' : 'classic xref table';

    it(`pdfsig trusts both signatures and reports the last covers the file (${xref})`, async () => {
      const unsigned = await createSamplePdf({ useObjectStreams, pages: 2 });
      const byEmployer = await signPdf(unsigned, pki.employer.signer, {
        tsa,
        reason: 'Người sử dụng lao động ký',
      });
      const byBoth = await signPdf(byEmployer, pki.employee.signer, { tsa, signerName: 'Nguyễn Thị Hương' });

      expect(byBoth.subarray(0, byEmployer.byteLength)).toEqual(byEmployer); // incremental: prefix unchanged
      const report = runTool('pdfsig', [
        '-nssdir',
        nssDir,
        files.write(`two-${useObjectStreams}.pdf`, byBoth),
      ]);
      expect(report.status).toBe(0);
      expect(report.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(report.stdout.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
      expect(report.stdout).toMatch(/Signature #2:[\s\S]*Total document signed/);
      expect(report.stdout).toMatch(/Signature #1:[\s\S]*Not total document signed[\s\S]*Signature #2/);
      expect(report.stdout).toContain('Signer Certificate Common Name: Nguyễn Thị Hương');
      expect(report.stdout).toContain('Signature Type: ETSI.CAdES.detached');
      expect(runTool('qpdf', ['--check', files.path(`two-${useObjectStreams}.pdf`)]).status).toBe(0);
    });
  }

  it('each CMS verifies with openssl cms over its ByteRange, and each timestamp with openssl ts', async () => {
    const once = await signPdf(await createSamplePdf(), pki.employer.signer, { tsa });
    const twice = await signPdf(once, pki.employee.signer, { tsa });
    const signatures = embeddedSignatures(twice);
    expect(signatures).toHaveLength(2);
    for (const [i, signature] of signatures.entries()) {
      const cmsFile = files.write(`sig${i}.der`, signature.cms);
      const verified = runTool('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        cmsFile,
        '-content',
        files.write(`sig${i}.content`, signature.signedBytes),
        '-CAfile',
        rootFile,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ]);
      expect(verified.stderr).toContain('CMS Verification successful');

      const [signerInfo] = readSignedData(signature.cms).signerInfos;
      const [token] = signerInfo!.unsignedAttributeValues(OID.signatureTimeStampToken);
      const tokenCheck = runTool('openssl', [
        'ts',
        '-verify',
        '-in',
        files.write(`sig${i}.tst`, token!),
        '-token_in',
        '-data',
        files.write(`sig${i}.value`, signerInfo!.signatureValue),
        '-CAfile',
        rootFile,
        '-untrusted',
        tsaChainFile,
      ]);
      expect(tokenCheck.stdout + tokenCheck.stderr).toContain('Verification: OK');
    }
  });

  it('ByteRange excludes exactly the /Contents hex string and nothing else', async () => {
    const { pdf, byteRange } = await signPdfRevision(await createSamplePdf(), pki.employer.signer);
    const [a, b, c, d] = byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(pdf.byteLength);
    expect(pdf[b]).toBe(0x3c); // '<'
    expect(pdf[c - 1]).toBe(0x3e); // '>'
    expect(new TextDecoder().decode(pdf.subarray(b - 10, b))).toBe('/Contents ');
    expect(/^[0-9a-f]+$/.test(new TextDecoder().decode(pdf.subarray(b + 1, c - 1)))).toBe(true);
  });

  it('signed attributes: content-type, message-digest, signing-certificate-v2, DER order, no signing-time', async () => {
    const { cms } = await signPdfRevision(await createSamplePdf(), pki.employer.signer, { tsa });
    const [signerInfo] = readSignedData(cms).signerInfos;
    const asn1 = runTool('openssl', [
      'asn1parse',
      '-inform',
      'DER',
      '-in',
      files.write('attrs.der', signerInfo!.signedAttributes!),
    ]);
    const order = [...asn1.stdout.matchAll(/OBJECT\s+:(\S+)/g)].map((m) => m[1]).slice(0, 4);
    expect(order).toEqual(['contentType', 'pkcs7-data', 'messageDigest', 'id-smime-aa-signingCertificateV2']);
    expect(signerInfo!.signedAttributeValues(OID.signingTime)).toEqual([]);
    expect(signerInfo!.digestAlgorithm).toBe(OID.sha256);
  });

  it('B-B (no TSA) carries no timestamp and still validates', async () => {
    const { pdf, cms } = await signPdfRevision(await createSamplePdf(), pki.provider.signer);
    expect(readSignedData(cms).signerInfos[0]!.unsignedAttributeValues(OID.signatureTimeStampToken)).toEqual(
      [],
    );
    const report = runTool('pdfsig', ['-nssdir', nssDir, files.write('bb.pdf', pdf)]);
    expect(report.stdout).toContain('Signature Validation: Signature is Valid.');
  });

  it('is byte-for-byte reproducible with a fixed clock, nonce and TSA clock (RSA PKCS#1 v1.5)', async () => {
    const fixed = new Date('2026-05-04T03:02:01Z');
    const fixedTsa = createTestTsa({
      certificate: pki.tsa.certificate,
      key: pki.tsa.privateKey,
      clock: () => fixed,
    });
    const unsigned = await createSamplePdf();
    const sign = () =>
      signPdf(unsigned, pki.employer.signer, {
        tsa: fixedTsa,
        clock: () => fixed,
        timestamp: { randomBytes: (n) => new Uint8Array(n).fill(7) },
      });
    const [first, second] = [await sign(), await sign()];
    // Serial numbers advance per token, so only the TST serial differs between two calls to the same TSA.
    const otherTsa = createTestTsa({
      certificate: pki.tsa.certificate,
      key: pki.tsa.privateKey,
      clock: () => fixed,
    });
    const third = await signPdf(unsigned, pki.employer.signer, {
      tsa: otherTsa,
      clock: () => fixed,
      timestamp: { randomBytes: (n) => new Uint8Array(n).fill(7) },
    });
    expect(first.byteLength).toBe(second.byteLength);
    expect(third).toEqual(first);
  });

  it('refuses to overflow the placeholder and to reuse a field name', async () => {
    const unsigned = await createSamplePdf();
    await expect(signPdf(unsigned, pki.employer.signer, { placeholderSize: 512 })).rejects.toThrow(
      /raise placeholderSize/,
    );
    const signed = await signPdf(unsigned, pki.employer.signer, { fieldName: 'NSDLD' });
    await expect(signPdf(signed, pki.employee.signer, { fieldName: 'NSDLD' })).rejects.toThrow(
      /already has a field/,
    );
  });

  it('records the TSA genTime in the token of the signature', async () => {
    const { cms } = await signPdfRevision(await createSamplePdf(), pki.employer.signer, { tsa });
    const [token] = readSignedData(cms).signerInfos[0]!.unsignedAttributeValues(OID.signatureTimeStampToken);
    const info = readTimestampToken(token!);
    expect(info.hashAlgorithm).toBe(OID.sha256);
    expect(info.nonce).toBeGreaterThan(0n);
  });
});

describe('signPdf with ECDSA P-256 and with RSA-4096 chains', () => {
  it('two ECDSA parties validate in pdfsig', async () => {
    const pki = await createTestPki({ keyType: 'ECDSA-P256' });
    const tsa = createTestTsa({ certificate: pki.tsa.certificate, key: pki.tsa.privateKey });
    const once = await signPdf(await createSamplePdf(), pki.employer.signer, { tsa });
    const twice = await signPdf(once, pki.employee.signer, { tsa });
    const report = runTool('pdfsig', [files.write('ecdsa.pdf', twice)]);
    expect(report.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
  });

  it('an RSA-4096 chain plus timestamp fits the default placeholder with room to spare', async () => {
    const pki = await createTestPki({ rsaModulusLength: 4096 });
    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const { pdf } = await signPdfRevision(await createSamplePdf(), pki.employer.signer, { tsa });
    const [signature] = embeddedSignatures(pdf);
    expect(signature!.reserved).toBe(16 * 1024);
    expect(signature!.cms.byteLength).toBeLessThan(signature!.reserved / 2);
    expect(runTool('pdfsig', [files.write('rsa4096.pdf', pdf)]).stdout).toContain('Signature is Valid.');
  });
});
