import { vietnamDate } from '@hdld/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Item = { code: string; pointer?: string; detail: string; severity?: string };
type Final = { status: string; failureClass?: string; late: boolean; errors: Item[] };

const DAY_MS = 86_400_000;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The rules the error catalog promises (issue 15), as the Platform applies them to a submitted
 * contract: the conclusion date against the submission (Decree 337/2025 Art. 13.1.c) and against the
 * last signature (Art. 8), the fixed term (Labor Code 2019 Art. 20), the employee's age (Art. 145),
 * and the 24-hour rule's WARNING (SUBMISSION_LATE, F38). Each refusal carries its code, the field's
 * pointer and both languages. The rules are the SDK's (validateLocally runs the same functions).
 */
describe.each(engines)('rules the catalog promises, on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
  });
  afterAll(async () => kit?.close());

  /** Submits, waits for the outcome and reads it in English and in Vietnamese. */
  const submitAndRead = async (body: unknown): Promise<{ en: Final; vi: Final }> => {
    const response = await kit.api('/v1/contracts', { body });
    expect(response.status).toBe(202);
    const { transactionId } = (await response.json()) as { transactionId: string };
    await waitForFinal(kit, transactionId);
    const read = async (lang: string) =>
      (await (
        await kit.api(`/v1/transactions/${transactionId}`, { headers: { 'accept-language': lang } })
      ).json()) as Final;
    return { en: await read('en'), vi: await read('vi') };
  };

  const today = () => vietnamDate(kit.server.platform.now());

  /** Moves the sandbox clock (S2.4) `days` ahead of real time; 0 puts it back. */
  const clockAhead = async (days: number) => {
    const response = await kit.operator('/v1/sandbox/clock', { body: { offsetSeconds: days * 86_400 } });
    expect(response.status).toBe(200);
  };

  it('refuses a conclusion date in the future (Vietnam date of the submission) with MAIN_DATA_INVALID', async () => {
    const sample = await kit.sample(31);
    const concludedOn = addDays(today(), 2);
    const mainData = {
      ...sample.mainData,
      concludedOn,
      term: { type: 'INDEFINITE' as const, startDate: concludedOn },
    };
    const { en, vi } = await submitAndRead({ ...sample.submission, mainData });
    expect(en).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(en.errors).toEqual([
      expect.objectContaining({
        code: 'MAIN_DATA_INVALID',
        pointer: '/mainData/concludedOn',
        detail: expect.stringContaining('in the future'),
      }),
    ]);
    expect(vi.errors[0]!.detail).toContain('ở tương lai');
  });

  it('refuses a fixed term whose end date is its start date with LABOR_TERM_INVALID (Art. 20)', async () => {
    const sample = await kit.sample(32);
    const { startDate } = sample.mainData.term;
    const term = { type: 'FIXED_TERM' as const, startDate, endDate: startDate };
    const { en, vi } = await submitAndRead({ ...sample.submission, mainData: { ...sample.mainData, term } });
    expect(en).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(en.errors[0]).toMatchObject({ code: 'LABOR_TERM_INVALID', pointer: '/mainData/term/endDate' });
    expect(en.errors[0]!.detail).toContain('not after the start date');
    expect(vi.errors[0]!.detail).toContain('không sau ngày bắt đầu');
  });

  it('refuses an employee under 15 on the conclusion date with EMPLOYEE_UNDERAGE (Art. 145)', async () => {
    const sample = await kit.sample(33);
    const dateOfBirth = addDays(
      `${Number(sample.mainData.concludedOn.slice(0, 4)) - 15}${sample.mainData.concludedOn.slice(4)}`,
      1,
    );
    const employee = { ...sample.mainData.employee, dateOfBirth };
    const { en, vi } = await submitAndRead({
      ...sample.submission,
      mainData: { ...sample.mainData, employee },
    });
    expect(en).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(en.errors[0]).toMatchObject({
      code: 'EMPLOYEE_UNDERAGE',
      pointer: '/mainData/employee/dateOfBirth',
    });
    expect(en.errors[0]!.detail).toContain('is 14 on the conclusion date');
    expect(vi.errors[0]!.detail).toContain('Điều 145');
  });

  it('on the sandbox clock days later: a conclusion date after the last signature is refused (Art. 8); a good contract is late', async () => {
    // Signed now, with the conclusion dated two days ahead (embedded in the PDF as submitted) ...
    const concludedOn = addDays(today(), 2);
    const base = (await kit.sample(34)).mainData;
    const mainData = { ...base, concludedOn, term: { type: 'INDEFINITE' as const, startDate: concludedOn } };
    const afterSigning = await kit.sample(34, { providerReference: 'HD-ART8-34', mainData });
    const onTime = await kit.sample(35);
    // ... and sent three days later, when that date is no longer in the future.
    await clockAhead(3);
    try {
      const refused = await submitAndRead(afterSigning.submission);
      expect(refused.en).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
      expect(refused.en.errors).toEqual([
        expect.objectContaining({
          code: 'MAIN_DATA_INVALID',
          pointer: '/mainData/concludedOn',
          detail: expect.stringContaining('after the last signature'),
        }),
      ]);
      expect(refused.vi.errors[0]!.detail).toContain('Điều 8 Nghị định 337/2025');

      const late = await submitAndRead(onTime.submission);
      expect(late.en).toMatchObject({ status: 'SUCCEEDED', late: true });
      expect(late.en.errors).toEqual([
        expect.objectContaining({
          code: 'SUBMISSION_LATE',
          severity: 'WARNING',
          detail: expect.stringContaining('the deadline is 24 h'),
        }),
      ]);
      expect(late.vi.errors[0]!.detail).toContain('24 giờ');
    } finally {
      await clockAhead(0);
    }
  });
});
