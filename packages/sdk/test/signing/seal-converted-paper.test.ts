import { ConversionLogSchema } from '@hdld/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, toHex } from '../../src/documents/cms/bytes.js';
import { sealConvertedPaper } from '../../src/documents/conversion/seal-converted-paper.js';
import { createSamplePdf, createTestPki, createTestTsa } from '../../src/testing/index.js';
import { createNssTrustStore, runTool, scratchDir } from '../testing/external-tools.js';

const files = scratchDir();
afterAll(files.cleanup);

describe('sealConvertedPaper (core flow step 3, Decree Art. 9.2)', async () => {
  const pki = await createTestPki();
  const timestampedAt = new Date('2026-03-05T03:20:02Z');
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    key: pki.tsa.privateKey,
    clock: () => timestampedAt,
  });
  const scan = await createSamplePdf({ pages: 3, title: 'Scanned paper contract' });
  const converter = {
    system: 'ScanSeal 3.0',
    personName: 'Lê Văn Bình',
    personTitle: 'Chuyên viên hành chính',
    organisationName: 'Trung tâm Số hoá Tài liệu Đà Nẵng',
  };

  it('seals the scan with a B-T signature pdfsig trusts and logs what was sealed', async () => {
    const completedAt = new Date('2026-03-05T03:20:00Z');
    const { pdf, conversionLog } = await sealConvertedPaper(scan, pki.organisation.signer, {
      tsa,
      converter,
      checkedMatchesOriginal: true,
      clock: () => completedAt,
    });
    const report = runTool('pdfsig', [
      '-nssdir',
      createNssTrustStore(files.path('.'), pki.rootPem),
      files.write('sealed.pdf', pdf),
    ]);
    expect(report.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(report.stdout).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report.stdout).toContain('Total document signed');
    expect(report.stdout).toContain('Signer Certificate Common Name: Trung tâm Số hoá Tài liệu Đà Nẵng');

    expect(ConversionLogSchema.parse(conversionLog)).toEqual(conversionLog);
    expect(conversionLog).toMatchObject({
      ...converter,
      completedAt: completedAt.toISOString(),
      fileFormat: 'application/pdf',
      fileSize: pdf.byteLength,
      pageCount: 3,
      sha256: toHex(await sha256(pdf)),
      sealSignature: {
        signerCertificateSha256: toHex(await sha256(pki.organisation.certificate)),
        timestampedAt: timestampedAt.toISOString(),
      },
      matchesOriginal: true,
    });
  });

  it('requires the match confirmation and a person or organisation name', async () => {
    await expect(
      sealConvertedPaper(scan, pki.organisation.signer, {
        tsa,
        converter,
        checkedMatchesOriginal: false as unknown as true,
      }),
    ).rejects.toThrow(/checked against the paper original .* đối chiếu/);
    await expect(
      sealConvertedPaper(scan, pki.organisation.signer, {
        tsa,
        converter: { system: 'ScanSeal 3.0' },
        checkedMatchesOriginal: true,
      }),
    ).rejects.toThrow(/person or the organisation/);
    await expect(
      sealConvertedPaper(new TextEncoder().encode('not a pdf'), pki.organisation.signer, {
        tsa,
        converter,
        checkedMatchesOriginal: true,
      }),
    ).rejects.toThrow(/Tệp quét không phải PDF hợp lệ/);
  });
});
