import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../src/documents/index.js';
import { MAX_PAGES, validateLocally, vietnamDate } from '../../src/index.js';
import { createSamplePdf } from '../../src/testing/index.js';
import { addDays } from '../../src/validation/calendar-dates.js';
import { type ContractFactory, contractFactory } from './support/signed-submissions.js';

let factory: ContractFactory;
beforeAll(async () => {
  factory = await contractFactory();
});

describe('validateLocally: the Platform checks offline (T9; N2, F8)', () => {
  it('passes a correctly signed contract with matching evidence and embedded data', async () => {
    const input = await factory.contract(11, 'HD-LOCAL-1');
    const result = await validateLocally({ ...input, fileName: 'HD-LOCAL-1.pdf', trust: factory.trust });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ ok: true });
    expect(result.signatures.signatures).toHaveLength(2);
  });

  it('reports a schema error as FORMAT with a JSON pointer', async () => {
    const input = await factory.contract(12, 'HD-LOCAL-2', { small: true });
    const mainData = {
      ...input.mainData,
      employee: { ...input.mainData.employee, dateOfBirth: 'yesterday' },
    };
    const result = await validateLocally({ ...input, mainData, trust: factory.trust });
    expect(result).toMatchObject({ ok: false, failureClass: 'FORMAT' });
    expect(result.errors[0]).toMatchObject({
      code: 'REQUEST_INVALID',
      pointer: '/mainData/employee/dateOfBirth',
    });
  });

  it('applies the Labor Code rules the server applies (BUSINESS), in Vietnamese on request', async () => {
    const input = await factory.contract(13, 'HD-LOCAL-3', { small: true });
    const mainData = {
      ...input.mainData,
      term: { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' },
    };
    const result = await validateLocally({ ...input, mainData, trust: factory.trust, lang: 'vi' });
    expect(result).toMatchObject({ ok: false, failureClass: 'BUSINESS' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'LABOR_TERM_INVALID',
        pointer: '/mainData/term/endDate',
        detail: expect.stringContaining('36 tháng'),
      }),
    ]);
  });

  it('applies the conclusion date rules: not after the check time, not after the last signature (Decree Art. 8)', async () => {
    const input = await factory.contract(19, 'HD-LOCAL-9', { small: true });
    const signedOn = vietnamDate(new Date());
    const concludedOn = addDays(signedOn, 1);
    const mainData = {
      ...input.mainData,
      concludedOn,
      term: { type: 'INDEFINITE' as const, startDate: concludedOn },
    };
    // Checked now, the day before the conclusion date: in the future, and after the signatures.
    const now = await validateLocally({ ...input, mainData, trust: factory.trust });
    expect(now).toMatchObject({ ok: false, failureClass: 'BUSINESS' });
    expect(now.errors.map((e) => [e.code, e.pointer, e.detail.includes('in the future')])).toEqual([
      ['MAIN_DATA_INVALID', '/mainData/concludedOn', true],
      ['MAIN_DATA_INVALID', '/mainData/concludedOn', false],
    ]);
    // Checked two days later: no longer in the future, but concluded after both parties had signed.
    const later = await validateLocally({
      ...input,
      mainData,
      trust: factory.trust,
      validationTime: new Date(Date.now() + 2 * 86_400_000),
      lang: 'vi',
    });
    expect(later).toMatchObject({ ok: false, failureClass: 'BUSINESS' });
    expect(later.errors).toEqual([
      expect.objectContaining({
        code: 'MAIN_DATA_INVALID',
        pointer: '/mainData/concludedOn',
        detail: expect.stringContaining('Điều 8 Nghị định 337/2025'),
      }),
    ]);
  });

  it('finds a missing party signature and data that differ from the signed PDF', async () => {
    const input = await factory.contract(14, 'HD-LOCAL-4');
    const employerOnly = await signPdf(await createSamplePdf(), factory.pki.employer.signer, {});
    const unsigned = await validateLocally({
      pdf: employerOnly,
      mainData: input.mainData,
      trust: factory.trust,
    });
    expect(unsigned).toMatchObject({ ok: false, failureClass: 'SIGNATURE' });
    expect(unsigned.errors.map((e) => e.code)).toContain('TIMESTAMP_MISSING');
    expect(unsigned.errors.map((e) => e.code)).toContain('SIGNATURE_PARTY_MISSING');

    const otherData = { ...input.mainData, contractNumber: '999/2026/HĐLĐ' };
    const mismatch = await validateLocally({ pdf: input.pdf, mainData: otherData, trust: factory.trust });
    expect(mismatch.errors.map((e) => e.code)).toEqual(['MAIN_DATA_MISMATCH']);
  });

  it('finds evidence that certifies another document', async () => {
    const input = await factory.contract(15, 'HD-LOCAL-5', { small: true });
    const other = await factory.contract(16, 'HD-LOCAL-6', { small: true });
    const result = await validateLocally({
      ...input,
      evidence: other.evidence,
      fileName: 'HD-LOCAL-5.pdf',
      trust: factory.trust,
    });
    expect(result).toMatchObject({ ok: false, failureClass: 'SIGNATURE' });
    expect(result.errors.map((e) => e.code)).toContain('EVIDENCE_DOCUMENT_MISMATCH');
  });

  // Issue 14: every stage runs whatever an earlier one found, with the server's own modules.
  it('verifies the signatures of a PDF without main data: intact and altered PDFs differ', async () => {
    const input = await factory.contract(17, 'HD-LOCAL-7', { small: true });
    const intact = await validateLocally({ pdf: input.pdf, mainData: undefined, trust: factory.trust });
    expect(intact).toMatchObject({ ok: false, failureClass: 'FORMAT' });
    expect(intact.errors.map((e) => [e.code, e.pointer])).toEqual([['MAIN_DATA_INVALID', '/mainData']]);
    const altered = new Uint8Array(input.pdf);
    altered[10]! ^= 0x01;
    const broken = await validateLocally({ pdf: altered, mainData: undefined, trust: factory.trust });
    expect(broken.errors.map((e) => e.code)).toEqual([
      'MAIN_DATA_INVALID',
      'SIGNATURE_DIGEST_MISMATCH',
      'SIGNATURE_DIGEST_MISMATCH',
    ]);
  });

  it('binds the evidence to the submission reference (T8), as the Platform does', async () => {
    const input = await factory.contract(18, 'HD-LOCAL-8', { small: true });
    const result = await validateLocally({
      ...input,
      providerReference: 'HD-LOCAL-OTHER',
      fileName: 'HD-LOCAL-8.pdf',
      trust: factory.trust,
    });
    expect(result).toMatchObject({ ok: false, failureClass: 'SIGNATURE' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'EVIDENCE_INVALID',
        pointer: '/evidence',
        detail: expect.stringContaining('HD-LOCAL-8'),
      }),
    ]);
  });

  it('warns SUBMISSION_LATE past 24 h after the last signature, and still passes (F38)', async () => {
    const input = await factory.contract(19, 'HD-LOCAL-9', { small: true });
    const options = { ...input, fileName: 'HD-LOCAL-9.pdf', trust: factory.trust };
    const signedAt = lastSigned((await validateLocally(options)).signatures);
    const inTime = await validateLocally({ ...options, submittedAt: new Date(signedAt + 24 * 3_600_000) });
    expect(inTime.errors).toEqual([]);
    const late = await validateLocally({ ...options, submittedAt: new Date(signedAt + 24 * 3_600_000 + 1) });
    expect(late.ok).toBe(true);
    expect(late.errors).toEqual([expect.objectContaining({ code: 'SUBMISSION_LATE', severity: 'WARNING' })]);
  });

  it('refuses a PDF over the page limit with the file checks the server runs', async () => {
    const input = await factory.contract(20, 'HD-LOCAL-10', { small: true });
    const pages = await createSamplePdf({ pages: MAX_PAGES + 1 });
    const result = await validateLocally({ pdf: pages, mainData: input.mainData, trust: factory.trust });
    expect(result.errors.map((e) => e.code)).toContain('PDF_TOO_MANY_PAGES');
    expect(result.failureClass).toBe('FILE');
  });
});

const lastSigned = (report: { signatures: { signingTime?: Date }[] }) =>
  Math.max(...report.signatures.map((s) => s.signingTime!.getTime()));
