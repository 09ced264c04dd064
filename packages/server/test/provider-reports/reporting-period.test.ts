import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPeriod,
  nextPeriod,
  periodEnd,
  periodOf,
  periodStart,
  previousPeriod,
  reportDeadline,
} from '../../src/provider-reports/reporting-period.js';
import { connectedDuring, reportTimeliness } from '../../src/provider-reports/timeliness.js';

/**
 * F33, F38 (Decree 337/2025 Art. 25.6): months and deadlines in Vietnam time. The oracle is the
 * platform's own time zone database (Intl, Asia/Ho_Chi_Minh), not the +7 h arithmetic under test.
 */
const vietnam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function local(instant: Date) {
  const parts = Object.fromEntries(vietnam.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    period: `${parts.year}-${parts.month}`,
    day: Number(parts.day),
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    ms: instant.getUTCMilliseconds(),
  };
}
const DAY = 86_400_000;
// Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 13 June 1975 (tz database).
const instant = fc.date({
  min: new Date('1976-01-01T00:00:00Z'),
  max: new Date('2199-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const period = fc
  .record({ year: fc.integer({ min: 1976, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('reporting periods in Vietnam time (UTC+7)', () => {
  it('puts every instant in the month Vietnam calls it, between its start and end', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const p = periodOf(t);
        expect(p).toBe(local(t).period);
        expect(periodStart(p).getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(periodEnd(p).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('starts a month at 00:00 on its 1st and ends it where the next one starts', () => {
    fc.assert(
      fc.property(period, (p) => {
        const start = periodStart(p);
        expect(local(start)).toEqual({ period: p, day: 1, time: '00:00:00', ms: 0 });
        expect(periodOf(new Date(start.getTime() - 1))).toBe(previousPeriod(p));
        expect(periodOf(new Date(periodEnd(p).getTime() - 1))).toBe(p);
        expect(periodEnd(p)).toEqual(periodStart(nextPeriod(p)));
        expect(previousPeriod(nextPeriod(p))).toBe(p);
        expect(nextPeriod(previousPeriod(p))).toBe(p);
        expect(isPeriod(p)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('makes a report due before the 30th of the next month, or by its end when that is February', () => {
    fc.assert(
      fc.property(period, (p) => {
        const deadline = reportDeadline(p);
        const due = nextPeriod(p);
        const at = local(deadline);
        const lastMoment = local(new Date(deadline.getTime() - 1));
        if (due.endsWith('-02')) {
          // No 30th in February: every day of it is "before the 30th".
          expect(deadline).toEqual(periodEnd(due));
          expect(at).toMatchObject({ period: nextPeriod(due), day: 1, time: '00:00:00' });
        } else {
          expect(at).toMatchObject({ period: due, day: 30, time: '00:00:00', ms: 0 });
          expect(lastMoment).toMatchObject({ period: due, day: 29, time: '23:59:59' });
        }
        // Always after the month reported on, and 28 or 29 days (February) or exactly 29 days later.
        const days = (deadline.getTime() - periodEnd(p).getTime()) / DAY;
        expect(due.endsWith('-02') ? [28, 29] : [29]).toContain(days);
      }),
      { numRuns: 1000 },
    );
  });

  it('judges a report by its first version against the deadline, as of any instant', () => {
    fc.assert(
      fc.property(
        period,
        fc.integer({ min: -40 * DAY, max: 40 * DAY }),
        fc.integer({ min: -40 * DAY, max: 40 * DAY }),
        (p, sent, asked) => {
          const deadline = reportDeadline(p).getTime();
          const submittedAt = new Date(deadline + sent);
          const asOf = new Date(deadline + asked);
          const timeliness = reportTimeliness(p, submittedAt, asOf);
          if (submittedAt < asOf) expect(timeliness).toBe(sent < 0 ? 'ON_TIME' : 'LATE');
          else expect(timeliness).toBe(asked >= 0 ? 'MISSING' : 'DUE');
          expect(reportTimeliness(p, undefined, asOf)).toBe(asked >= 0 ? 'MISSING' : 'DUE');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('knows the deadlines of the examples in the brief', () => {
    expect(periodStart('2026-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    // Report on January 2026: due before 30 February, which does not exist: 1 March 00:00 ICT.
    expect(reportDeadline('2026-01').toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(reportDeadline('2028-01').toISOString()).toBe('2028-02-29T17:00:00.000Z');
    expect(reportDeadline('2026-03').toISOString()).toBe('2026-04-29T17:00:00.000Z');
    expect(reportDeadline('2026-12').toISOString()).toBe('2027-01-29T17:00:00.000Z');
    expect(periodOf(new Date('2026-03-31T16:59:59.999Z'))).toBe('2026-03');
    expect(periodOf(new Date('2026-03-31T17:00:00.000Z'))).toBe('2026-04');
  });

  it('refuses what is not a YYYY-MM month', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '']) {
      expect(isPeriod(bad)).toBe(false);
      expect(() => periodStart(bad)).toThrow(RangeError);
    }
  });
});

describe('who owes the monthly report (connected during the month)', () => {
  const march = '2026-03';
  const at = (iso: string) => new Date(iso);
  it('counts providers registered before the month ended and not disconnected before it began', () => {
    expect(connectedDuring({ createdAt: at('2026-03-31T16:59:59Z'), status: 'ACTIVE' }, march)).toBe(true);
    expect(connectedDuring({ createdAt: at('2026-03-31T17:00:00Z'), status: 'ACTIVE' }, march)).toBe(false);
    const suspended = {
      createdAt: at('2026-01-01T00:00:00Z'),
      status: 'SUSPENDED',
      statusChangedAt: at('2026-02-01T00:00:00Z'),
    };
    expect(connectedDuring(suspended, march)).toBe(true);
    const cut = (iso: string) => ({
      createdAt: at('2026-01-01T00:00:00Z'),
      status: 'DISCONNECTED',
      statusChangedAt: at(iso),
    });
    expect(connectedDuring(cut('2026-02-28T16:59:59Z'), march)).toBe(false);
    expect(connectedDuring(cut('2026-02-28T17:00:00Z'), march)).toBe(true);
  });
});
