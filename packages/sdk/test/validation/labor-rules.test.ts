import type { ContractMainData } from '@hdld/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import { addDays, addMonths, daysBetween, vietnamDate } from '../../src/validation/calendar-dates.js';
import { checkLaborRules } from '../../src/validation/labor-rules.js';
import { checkConclusionDate } from '../../src/validation/signing-dates.js';
import { contractMainData } from '../pdf/main-data-arbitrary.js';

const base = sampleContractMainData(1);
const SENT = new Date('2026-12-02T03:00:00Z'); // 10:00 on 2 December 2026 in Vietnam
const context = { submittedAt: SENT };

const date = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const withTerm = (term: ContractMainData['term']): ContractMainData => ({ ...base, term });
const codes = (data: ContractMainData, at = context) => checkLaborRules(data, at).map((f) => f.code);

describe('labor rules (Labor Code 2019 Art. 20, 25; T9)', () => {
  it('a fixed term ends after its start and within 36 months, clamped at month end (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 1200 }), (startDate, length) => {
        const endDate = addDays(startDate, length);
        const allowed = endDate > startDate && endDate < addMonths(startDate, 36);
        const found = checkLaborRules(withTerm({ type: 'FIXED_TERM', startDate, endDate }), context);
        expect(found.map((f) => f.code)).toEqual(allowed ? [] : ['LABOR_TERM_INVALID']);
        if (!allowed) expect(found[0]!.pointer).toBe('/mainData/term/endDate');
      }),
    );
  });

  it('36 months is the last day before the same day 36 months later; the start itself is refused', () => {
    const fixed = (startDate: string, endDate: string) =>
      codes(withTerm({ type: 'FIXED_TERM', startDate, endDate }));
    expect(fixed('2026-03-02', '2029-03-01')).toEqual([]);
    expect(fixed('2026-03-02', '2029-03-02')).toEqual(['LABOR_TERM_INVALID']);
    // From 29 February the limit falls on 28 February three years later (clamped, not 1 March).
    expect(fixed('2028-02-29', '2031-02-27')).toEqual([]);
    expect(fixed('2028-02-29', '2031-02-28')).toEqual(['LABOR_TERM_INVALID']);
    expect(fixed('2026-03-02', '2026-03-02')).toEqual(['LABOR_TERM_INVALID']);
    expect(fixed('2026-03-02', '2026-03-03')).toEqual([]);
    const [finding] = checkLaborRules(
      withTerm({ type: 'FIXED_TERM', startDate: '2026-03-02', endDate: '2026-03-02' }),
      context,
    );
    expect(finding!.detail.en).toContain('not after the start date');
    expect(finding!.detail.vi).toContain('không sau ngày bắt đầu');
  });

  it('an under-one-month contract ends before a month has passed, in every month (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 40 }), (startDate, length) => {
        const endDate = addDays(startDate, length);
        const allowed = addDays(endDate, 1) < addMonths(startDate, 1);
        expect(codes(withTerm({ type: 'UNDER_ONE_MONTH', startDate, endDate }))).toEqual(
          allowed ? [] : ['LABOR_TERM_INVALID'],
        );
      }),
    );
    expect(
      codes(withTerm({ type: 'UNDER_ONE_MONTH', startDate: '2026-02-01', endDate: '2026-02-27' })),
    ).toEqual([]);
    expect(
      codes(withTerm({ type: 'UNDER_ONE_MONTH', startDate: '2026-02-01', endDate: '2026-02-28' })),
    ).toEqual(['LABOR_TERM_INVALID']);
  });

  it('probation lasts at most 180 days, its first and last day included (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -5, max: 400 }), (startDate, length) => {
        const endDate = addDays(startDate, length);
        const days = daysBetween(startDate, endDate) + 1;
        expect(codes(withTerm({ type: 'PROBATION', startDate, endDate }))).toEqual(
          days >= 1 && days <= 180 ? [] : ['LABOR_TERM_INVALID'],
        );
      }),
    );
  });

  it('an indefinite term has no end date; the others need one', () => {
    expect(codes(withTerm({ type: 'INDEFINITE', startDate: '2026-03-02', endDate: '2027-03-01' }))).toEqual([
      'LABOR_TERM_INVALID',
    ]);
    expect(codes(withTerm({ type: 'PROBATION', startDate: '2026-03-02' }))).toEqual(['LABOR_TERM_INVALID']);
  });
});

describe('the conclusion date (Decree 337/2025 Art. 8, 13.1.c)', () => {
  it('may not be after the Vietnamese date of the submission (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -3, max: 3 }),
        (submittedAt, offset) => {
          const concludedOn = addDays(vietnamDate(submittedAt), offset);
          const data = { ...base, concludedOn, employee: { ...base.employee, dateOfBirth: '1990-01-01' } };
          const found = checkLaborRules(
            { ...data, term: { type: 'INDEFINITE', startDate: concludedOn } },
            { submittedAt },
          );
          expect(found.map((f) => f.code)).toEqual(offset > 0 ? ['MAIN_DATA_INVALID'] : []);
          if (offset > 0) expect(found[0]!.pointer).toBe('/mainData/concludedOn');
        },
      ),
    );
  });

  it('uses Vietnam time: concluded on 2 December is in the future at 16:59 UTC on 1 December, not at 17:00', () => {
    const data = {
      ...base,
      concludedOn: '2026-12-02',
      term: { type: 'INDEFINITE' as const, startDate: '2026-12-02' },
    };
    expect(codes(data, { submittedAt: new Date('2026-12-01T16:59:59Z') })).toEqual(['MAIN_DATA_INVALID']);
    expect(codes(data, { submittedAt: new Date('2026-12-01T17:00:00Z') })).toEqual([]);
    const [finding] = checkLaborRules(data, { submittedAt: new Date('2026-12-01T10:00:00Z') });
    expect(finding!.detail).toEqual({
      en: expect.stringContaining('in the future'),
      vi: expect.stringContaining('ở tương lai'),
    });
  });

  it('may not be after the last proven signature, Vietnam date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2030-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -3, max: 3 }),
        (signedAt, offset) => {
          const concludedOn = addDays(vietnamDate(signedAt), offset);
          const found = checkConclusionDate({ ...base, concludedOn }, signedAt);
          expect(found.map((f) => [f.code, f.pointer])).toEqual(
            offset > 0 ? [['MAIN_DATA_INVALID', '/mainData/concludedOn']] : [],
          );
        },
      ),
    );
    expect(checkConclusionDate({ ...base, concludedOn: '2099-01-01' }, undefined)).toEqual([]);
  });
});

describe('the employee age (Labor Code 2019 Art. 145)', () => {
  it('refuses an employee under 15 on the conclusion date, with the article, in both languages', () => {
    const on = (dateOfBirth: string) =>
      checkLaborRules(
        { ...base, concludedOn: '2026-03-02', employee: { ...base.employee, dateOfBirth } },
        context,
      );
    expect(on('2011-03-02')).toEqual([]);
    const [finding] = on('2011-03-03');
    expect(finding).toMatchObject({ code: 'EMPLOYEE_UNDERAGE', pointer: '/mainData/employee/dateOfBirth' });
    expect(finding!.detail.en).toContain('Art. 145');
    expect(finding!.detail.vi).toContain('Điều 145');
  });
});

describe('any main data the schema accepts', () => {
  it('gets findings with a catalog code, a pointer into the main data and both languages, never a throw (property)', () => {
    fc.assert(
      fc.property(
        contractMainData,
        // The Platform's clock (not client input): any instant of these centuries.
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (data, submittedAt) => {
          for (const finding of checkLaborRules(data, { submittedAt })) {
            expect(['LABOR_TERM_INVALID', 'MAIN_DATA_INVALID', 'EMPLOYEE_UNDERAGE']).toContain(finding.code);
            expect(finding.pointer).toMatch(/^\/mainData\//);
            expect(finding.detail.en.length).toBeGreaterThan(0);
            expect(finding.detail.vi.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
