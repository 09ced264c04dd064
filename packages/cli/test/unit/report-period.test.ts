import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/output/errors.js';
import { parsePeriod, previousPeriod } from '../../src/reports/report-file.js';

/** The month of `hdld report` (F33): `YYYY-MM`, and by default the one before now in Vietnam time. */
describe('report periods', () => {
  it('accepts exactly the YYYY-MM months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const period = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
        expect(parsePeriod(period, 'en')).toBe(period);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (text) => {
        fc.pre(!/^\d{4}-(0[1-9]|1[0-2])$/.test(text));
        expect(() => parsePeriod(text, 'en')).toThrow(UsageError);
      }),
    );
  });

  it('defaults to the month before the current one in Vietnam time (UTC+7)', () => {
    expect(previousPeriod(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    // 00:30 on 1 March in Hanoi is still February in UTC.
    expect(previousPeriod(new Date('2026-02-28T17:30:00Z'))).toBe('2026-02');
    expect(previousPeriod(new Date('2026-02-28T16:59:59Z'))).toBe('2026-01');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (now) => {
          expect(parsePeriod(previousPeriod(now), 'en')).toBe(previousPeriod(now));
        },
      ),
    );
  });
});
