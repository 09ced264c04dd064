import { afterAll, describe, expect, it } from 'vitest';
import { sha256, toHex } from '../../src/documents/cms/bytes.js';
import { buildCertificationEvidence } from '../../src/documents/evidence/build-certification-evidence.js';
import type { CertificationEvidence } from '../../src/documents/evidence/certification-evidence.js';
import { readCertificationEvidence } from '../../src/documents/evidence/read-certification-evidence.js';
import { signPdf } from '../../src/documents/signing/sign-pdf.js';
import { createSamplePdf, createTestPki, createTestTsa } from '../../src/testing/index.js';
import { runTool, scratchDir } from '../testing/external-tools.js';

const files = scratchDir();
afterAll(files.cleanup);

describe('certification evidence (N2, T8)', async () => {
  const pki = await createTestPki();
  const genTime = new Date('2026-03-02T01:10:05Z');
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
    clock: () => genTime,
  });
  const contract = await signPdf(
    await signPdf(await createSamplePdf(), pki.employer.signer, { tsa }),
    pki.employee.signer,
    { tsa },
  );
  const content: CertificationEvidence = {
    version: 1,
    provider: { id: 'prov-econtract-demo', name: 'Công ty Cổ phần Hợp Đồng Số Việt' },
    providerReference: 'HD-2026-000123',
    issuedAt: '2026-03-02T08:10:00+07:00',
    documents: [
      {
        name: 'HD-123-2026.pdf',
        role: 'CONTRACT',
        sha256: toHex(await sha256(contract)),
        size: contract.byteLength,
      },
    ],
    signers: [
      {
        party: 'EMPLOYER',
        fullName: 'Công ty TNHH Dệt May Sài Gòn',
        certificateSha256: toHex(await sha256(pki.employer.certificate)),
        authenticationMethod: 'VNEID',
        authenticatedAt: '2026-03-01T16:58:12+07:00',
        signedAt: '2026-03-01T17:00:05+07:00',
      },
      {
        party: 'EMPLOYEE',
        fullName: 'Nguyễn Thị Hương',
        certificateSha256: toHex(await sha256(pki.employee.certificate)),
        authenticationMethod: 'OTP_SMS',
        authenticatedAt: '2026-03-02T07:59:40+07:00',
        signedAt: '2026-03-02T08:01:12+07:00',
      },
    ],
    events: [
      { at: '2026-03-01T16:40:00+07:00', type: 'CREATED', actor: 'Công ty TNHH Dệt May Sài Gòn' },
      {
        at: '2026-03-02T08:01:12+07:00',
        type: 'SIGNED',
        actor: 'Nguyễn Thị Hương',
        detail: 'Bên cuối cùng ký',
      },
    ],
  };

  it('builds a timestamped CMS that parses back to the same content and provider certificate', async () => {
    const der = await buildCertificationEvidence(content, pki.provider.signer, { tsa });
    const evidence = readCertificationEvidence(der);
    expect(evidence.content).toEqual(content);
    expect(evidence.signerCertificate).toEqual(pki.provider.certificate);
    expect(evidence.certificates).toContainEqual(pki.intermediate.certificate);
    expect(evidence.timestamp?.genTime).toEqual(genTime);
    expect(evidence.timestamp?.hashedMessage).toEqual(await sha256(evidence.signerInfo.signatureValue));
    expect(JSON.parse(new TextDecoder().decode(evidence.contentBytes))).toEqual(content);
  });

  it('verifies with openssl cms (encapsulated content, provider chain to the root)', async () => {
    const der = await buildCertificationEvidence(content, pki.provider.signer, { tsa });
    const out = files.path('content.json');
    const verified = runTool('openssl', [
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      files.write('evidence.p7m', der),
      '-CAfile',
      files.write('root.pem', pki.rootPem),
      '-purpose',
      'any',
      '-out',
      out,
    ]);
    expect(verified.stderr).toContain('CMS Verification successful');
    expect(runTool('cat', [out]).stdout).toContain('"providerReference":"HD-2026-000123"');
  });

  it('writes keys in schema order, so equal content gives equal JSON whatever the input order', async () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as CertificationEvidence;
    const a = readCertificationEvidence(
      await buildCertificationEvidence(content, pki.provider.signer, { tsa }),
    );
    const b = readCertificationEvidence(
      await buildCertificationEvidence(reordered, pki.provider.signer, { tsa }),
    );
    expect(b.contentBytes).toEqual(a.contentBytes);
    expect(new TextDecoder().decode(a.contentBytes).startsWith('{"version":1,"provider":')).toBe(true);
  });

  it('refuses content that breaks the schema, in English and Vietnamese', async () => {
    const bad = { ...content, documents: [{ ...content.documents[0]!, sha256: 'NOT-HEX' }] };
    await expect(buildCertificationEvidence(bad, pki.provider.signer, { tsa })).rejects.toThrow(
      /Invalid certification evidence \/ Nội dung chứng thực không hợp lệ: documents\.0\.sha256/,
    );
  });

  it('rejects a CMS that is not evidence (a detached PDF signature)', async () => {
    const pdfSignature = (await import('./pdf-signatures.js')).embeddedSignatures(contract)[0]!.cms;
    expect(() => readCertificationEvidence(pdfSignature)).toThrow(/encapsulate its JSON content/);
  });
});
