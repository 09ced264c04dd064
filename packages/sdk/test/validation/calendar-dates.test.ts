import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, vietnamDate } from '../../src/validation/calendar-dates.js';

const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe('calendar dates of the labor rules (T9)', () => {
  it('addMonths keeps the day, or clamps it to the last day of a shorter month (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -480, max: 480 }), (from, months) => {
        const to = addMonths(from, months);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(months);
        expect(td).toBe(Math.min(fd, daysInMonth(ty, tm)));
      }),
    );
  });

  it('clamps at the end of February, in leap and common years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 36)).toBe('2031-02-28');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('addDays and daysBetween are inverse, also for years before 100 (property)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (from, days) => {
        expect(daysBetween(from, addDays(from, days))).toBe(days);
      }),
    );
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
  });

  it('ageOn counts whole years; the birthday itself adds the year', () => {
    expect(ageOn('2011-03-02', '2026-03-01')).toBe(14);
    expect(ageOn('2011-03-02', '2026-03-02')).toBe(15);
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
  });

  it('vietnamDate is the date at UTC+7 all year: 17:00 UTC starts the next day (property)', () => {
    expect(vietnamDate(new Date('2026-06-30T16:59:59.999Z'))).toBe('2026-06-30');
    expect(vietnamDate(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1976-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (at) => {
          const formatted = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
          expect(vietnamDate(at)).toBe(formatted);
        },
      ),
    );
  });
});
