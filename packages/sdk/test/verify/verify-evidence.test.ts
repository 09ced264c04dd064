import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/documents/cms/bytes.js';
import { buildCertificationEvidence } from '../../src/documents/evidence/build-certification-evidence.js';
import type { CertificationEvidence } from '../../src/documents/evidence/certification-evidence.js';
import { verifyEvidence } from '../../src/documents/verify/index.js';
import { verifyFixture } from './contract-fixtures.js';

const sha256Hex = async (bytes: Uint8Array) =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes))));

describe('verifyEvidence: provider certification evidence (N2, F8, T8)', async () => {
  const f = await verifyFixture();
  const contract = await f.twoPartyContract();
  const content: CertificationEvidence = {
    version: 1,
    provider: { id: 'prov-econtract-demo', name: 'Công ty Cổ phần Hợp Đồng Số Việt' },
    providerReference: 'HD-2026-000123',
    issuedAt: '2026-03-02T08:10:00+07:00',
    documents: [
      {
        name: 'HD-123-2026.pdf',
        role: 'CONTRACT',
        sha256: await sha256Hex(contract),
        size: contract.byteLength,
      },
    ],
    signers: [
      {
        party: 'EMPLOYEE',
        fullName: 'Nguyễn Thị Hương',
        certificateSha256: await sha256Hex(f.pki.employee.certificate),
        authenticationMethod: 'OTP_SMS',
        authenticatedAt: '2026-03-02T07:59:40+07:00',
        signedAt: '2026-03-02T08:01:12+07:00',
      },
    ],
    events: [{ at: '2026-03-02T08:01:12+07:00', type: 'SIGNED', actor: 'Nguyễn Thị Hương' }],
  };
  const evidence = await buildCertificationEvidence(content, f.pki.provider.signer, { tsa: f.tsa });
  const documents = [{ name: 'HD-123-2026.pdf', bytes: contract }];

  it('passes for the signed, timestamped evidence of the submitted contract', async () => {
    const report = await verifyEvidence(evidence, {
      ...f.options,
      documents,
      requireTimestamp: true,
      lang: 'vi',
    });
    expect(report.findings).toEqual([]);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signer?.subjectCommonName).toBe('Công ty Cổ phần Hợp Đồng Số Việt');
    expect(report.documents).toEqual([
      { name: 'HD-123-2026.pdf', sha256: content.documents[0]!.sha256, listed: true },
    ]);
    expect(report.signingTime).toBeInstanceOf(Date);
    expect(report.summary).toContain('Chữ ký hợp lệ');
  });

  it('leaves a Node Buffer input untouched, so it verifies again (servers pass Buffers)', async () => {
    const buffer = Buffer.from(evidence);
    const options = { ...f.options, documents: [{ name: 'HD-123-2026.pdf', bytes: Buffer.from(contract) }] };
    expect((await verifyEvidence(buffer, options)).indication).toBe('TOTAL_PASSED');
    expect(buffer.equals(evidence)).toBe(true);
    expect((await verifyEvidence(buffer, options)).indication).toBe('TOTAL_PASSED');
  });

  it('EVIDENCE_DOCUMENT_MISMATCH when a different document is submitted', async () => {
    const other = contract.slice();
    other[200]! ^= 1;
    const report = await verifyEvidence(evidence, {
      ...f.options,
      documents: [{ name: 'HD-123-2026.pdf', bytes: other }],
    });
    expect(report).toMatchObject({ indication: 'TOTAL_FAILED', code: 'EVIDENCE_DOCUMENT_MISMATCH' });
    expect(report.findings).toHaveLength(2); // the listed one is missing and the submitted one is unlisted
  });

  it("takes a document's SHA-256 computed by the caller instead of hashing it again", async () => {
    const sha256 = content.documents[0]!.sha256;
    const known = await verifyEvidence(evidence, {
      ...f.options,
      documents: [{ ...documents[0]!, sha256: sha256.toUpperCase() }],
    });
    expect(known.indication).toBe('TOTAL_PASSED');
    expect(known.documents).toEqual([{ name: 'HD-123-2026.pdf', sha256, listed: true }]);
    // The digest given is the one compared: another document's digest does not match the listing.
    const other = await verifyEvidence(evidence, {
      ...f.options,
      documents: [{ ...documents[0]!, sha256: await sha256Hex(evidence) }],
    });
    expect(other).toMatchObject({ indication: 'TOTAL_FAILED', code: 'EVIDENCE_DOCUMENT_MISMATCH' });
  });

  it('EVIDENCE_INVALID when the signed JSON is altered, CERTIFICATE_UNTRUSTED without the certification anchor', async () => {
    const tampered = evidence.slice();
    const at = new TextDecoder('latin1').decode(evidence).indexOf('HD-2026-000123');
    tampered[at]! ^= 1;
    const altered = await verifyEvidence(tampered, { ...f.options, documents });
    expect(altered).toMatchObject({
      indication: 'TOTAL_FAILED',
      code: 'EVIDENCE_INVALID',
      subIndication: 'HASH_FAILURE',
    });
    const untrusted = await verifyEvidence(evidence, {
      ...f.options,
      trust: { ...f.options.trust, certification: [] },
      documents,
    });
    expect(untrusted).toMatchObject({ indication: 'INDETERMINATE', code: 'CERTIFICATE_UNTRUSTED' });
  });
});
