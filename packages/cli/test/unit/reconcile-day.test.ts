import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISMATCH, type Outcome, type ReconcileRow } from '../../src/reconcile/match.js';
import { reconcilePeriod } from '../../src/reconcile/period.js';
import { verdictCounts, verdictLine } from '../../src/reconcile/verdict.js';
import { isCalendarDate, vietnamDate, vietnamDay, vietnamTime } from '../../src/reconcile/vietnam-time.js';

const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** A reconciliation day is a Vietnamese civil day, UTC+7 (issue 14, F35). */
describe('Vietnam days and times', () => {
  it('maps 2026-12-07 to [2026-12-06T17:00Z, 2026-12-07T17:00Z)', () => {
    expect(vietnamDay('2026-12-07')).toEqual({
      from: new Date('2026-12-06T17:00:00Z'),
      to: new Date('2026-12-07T17:00:00Z'),
    });
  });

  it('puts 23:30 +07:00 in the day and 00:30 +07:00 of the next day outside it', () => {
    const day = vietnamDay('2026-12-07')!;
    const inDay = (iso: string) => +new Date(iso) >= +day.from && +new Date(iso) < +day.to;
    expect(inDay('2026-12-07T23:30:00+07:00')).toBe(true);
    expect(inDay('2026-12-07T00:30:00+07:00')).toBe(true);
    expect(inDay('2026-12-08T00:30:00+07:00')).toBe(false);
    expect(inDay('2026-12-06T23:30:00+07:00')).toBe(false);
  });

  it('every instant lies in the Vietnamese day of its Vietnamese date, shown with +07:00 (property)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const day = vietnamDay(vietnamDate(at))!;
        expect(at.getTime()).toBeGreaterThanOrEqual(day.from.getTime());
        expect(at.getTime()).toBeLessThan(day.to.getTime());
        const shown = vietnamTime(at);
        expect(shown).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
        expect(Math.floor(new Date(shown).getTime() / 1000)).toBe(Math.floor(at.getTime() / 1000));
        expect(shown.slice(0, 10)).toBe(vietnamDate(at));
      }),
    );
  });

  it('accepts real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29'].every(isCalendarDate)).toBe(true);
    expect(
      ['2026-02-29', '2026-13-01', '2026-12-7', 'yesterday', '2026-12-07T00:00Z'].some(isCalendarDate),
    ).toBe(false);
  });
});

describe('reconcile period options', () => {
  it('--date is the Vietnamese day, refused with --since or a bad date (exit 2)', () => {
    expect(reconcilePeriod({ date: '2026-12-07' })).toEqual({
      since: new Date('2026-12-06T17:00:00Z'),
      until: new Date('2026-12-07T17:00:00Z'),
    });
    expect(() => reconcilePeriod({ date: '2026-12-07', since: '2026-12-01' })).toThrow('--date');
    expect(() => reconcilePeriod({ date: '07/12/2026' })).toThrow('--date 07/12/2026');
  });

  it('--since DAY alone reaches to the end of that day, never a reversed range', () => {
    expect(reconcilePeriod({ since: '2026-12-07' })).toEqual({
      since: new Date('2026-12-06T17:00:00Z'),
      until: undefined,
      minimumUntil: new Date('2026-12-07T17:00:00Z'),
    });
    expect(() => reconcilePeriod({ since: '2026-12-07', until: '2026-12-01' })).toThrow('must be after');
    expect(() => reconcilePeriod({ since: 'last week' })).toThrow('--since last week');
  });
});

const row = (outcome: ReconcileRow['outcome'], contractId?: string): ReconcileRow => ({
  reference: `HD-${Math.random()}`,
  outcome,
  contractId,
  errors: [],
});

describe('the one-line verdict', () => {
  it('says what was sent, what has an ID, what failed and what duplicates which ID, en and vi', () => {
    const rows = [
      ...Array.from({ length: 603 }, () => row('matched', '2026000000000001')),
      row('duplicate', '2026000000000042'),
      row('failed'),
      row('failed'),
      row('rejected'),
    ];
    const counts = verdictCounts(rows);
    const id = (s: string) => `HD-${s}`;
    expect(verdictLine(counts, 'en', id)).toBe(
      '607 sent, 604 have an ID, 3 failed, 1 duplicate of HD-2026000000000042',
    );
    expect(verdictLine(counts, 'vi', id)).toBe(
      '607 đã gửi, 604 đã có mã, 3 lỗi, 1 trùng với HD-2026000000000042',
    );
  });

  it('adds up: every journal row is counted once among ID, failed, pending, missing (property)', () => {
    // Every outcome the matcher can give: the one that is not a mismatch, and the mismatches.
    const outcomes: Outcome[] = ['matched', ...MISMATCH];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...outcomes)), (list) => {
        const c = verdictCounts(list.map((o) => row(o, '2026000000000001')));
        expect(c.haveId + c.failed + c.pending + c.missing).toBe(c.sent);
        expect(c.sent + c.unknown).toBe(list.length);
      }),
    );
  });
});
