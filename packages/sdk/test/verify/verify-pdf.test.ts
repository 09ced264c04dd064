import { describe, expect, it } from 'vitest';
import { formatVerificationReport, verifyPdf } from '../../src/documents/verify/index.js';
import { verifyFixture } from './contract-fixtures.js';

describe('verifyPdf: clean two-party PAdES B-T contract (N2, F8)', () => {
  it('reports TOTAL_PASSED for both signatures with signer, proven time and coverage', async () => {
    const f = await verifyFixture();
    const pdf = await f.twoPartyContract();
    const report = await verifyPdf(pdf, { ...f.options, requireTimestamp: true });
    expect(report.signatures.map((s) => s.findings)).toEqual([[], []]);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signatures).toHaveLength(2);
    const [employer, employee] = report.signatures;
    expect(employer!.signer?.subjectCommonName).toBe('Công ty TNHH Dệt May Sài Gòn');
    expect(employee!.signer?.subjectCommonName).toBe('Nguyễn Thị Hương');
    expect(employer!.coverage.wholeDocument).toBe(false);
    expect(employee!.coverage.wholeDocument).toBe(true);
    expect(employee!.timestamp?.tsa?.subjectCommonName).toBe('HĐLĐ Test TSA');
    expect(employee!.signingTime).toBeInstanceOf(Date);
    expect(employee!.chain.map((c) => c.subjectCommonName)).toEqual([
      'Nguyễn Thị Hương',
      'HĐLĐ Test Issuing CA',
      'HĐLĐ Test Root CA',
    ]);
    expect(employee!.notes).toEqual(['REVOCATION_NOT_CHECKED']);
    console.log(formatVerificationReport(report, 'vi'));
  });
});
