import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config/server-config.js';
import { failureRatePercent } from '../../src/violations/generate-violation-report.js';
import { failureRateExceeded, type MonthFigures, violationsOf } from '../../src/violations/rules.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from '../../src/violations/thresholds.js';
import { describeViolation } from '../../src/violations/violation-report-view.js';

/** F38: the rules of the monthly violations report, without a database. */
const thresholds = { failureRatePercent: 20, minimumVolume: 10, unexplainedAfterDays: 7, lateSubmissions: 2 };
const clean: MonthFigures = {
  decided: 100,
  failed: 20,
  lateSubmissions: 1,
  unexplainedFailures: 0,
  monthlyReport: { period: '2026-01', timeliness: 'ON_TIME' },
};

describe('violation rules (F38)', () => {
  it('finds nothing in a month at the thresholds', () => {
    expect(violationsOf(clean, thresholds)).toEqual([]);
    expect(
      violationsOf({ decided: 0, failed: 0, lateSubmissions: 0, unexplainedFailures: 0 }, thresholds),
    ).toEqual([]);
  });

  it('flags each rule just past its threshold, in a fixed order', () => {
    const month: MonthFigures = {
      decided: 100,
      failed: 21,
      lateSubmissions: 2,
      unexplainedFailures: 1,
      monthlyReport: { period: '2026-01', timeliness: 'MISSING' },
    };
    expect(violationsOf(month, thresholds)).toEqual([
      { rule: 'FAILURE_RATE', failed: 21, decided: 100 },
      { rule: 'UNEXPLAINED_FAILURES', count: 1 },
      { rule: 'LATE_SUBMISSIONS', count: 2 },
      { rule: 'MONTHLY_REPORT_MISSING', period: '2026-01' },
    ]);
    const late = { ...clean, monthlyReport: { period: '2026-01', timeliness: 'LATE' as const } };
    expect(violationsOf(late, thresholds)).toEqual([{ rule: 'MONTHLY_REPORT_LATE', period: '2026-01' }]);
  });

  it('judges the failure rate only from the minimum volume', () => {
    expect(failureRateExceeded({ decided: 9, failed: 9 }, thresholds)).toBe(false);
    expect(failureRateExceeded({ decided: 10, failed: 3 }, thresholds)).toBe(true);
    expect(failureRateExceeded({ decided: 10, failed: 2 }, thresholds)).toBe(false);
  });

  it('agrees with the rate computed as a fraction, for any counts and threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100 }),
        (decided, failedRaw, percent) => {
          const failed = Math.min(failedRaw, decided);
          const t = { ...thresholds, failureRatePercent: percent, minimumVolume: 1 };
          const exceeded = failureRateExceeded({ decided, failed }, t);
          // Exact rational comparison: failed/decided > percent/100.
          expect(exceeded).toBe(decided >= 1 && BigInt(failed) * 100n > BigInt(percent) * BigInt(decided));
          const rate = failureRatePercent(failed, decided);
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('describes every rule in English and Vietnamese', () => {
    const month: MonthFigures = {
      decided: 40,
      failed: 14,
      lateSubmissions: 3,
      unexplainedFailures: 6,
      monthlyReport: { period: '2026-01', timeliness: 'MISSING' },
    };
    const described = violationsOf(month, DEFAULT_VIOLATION_THRESHOLDS).map((v) =>
      describeViolation(v, DEFAULT_VIOLATION_THRESHOLDS),
    );
    expect(described[0]).toEqual({
      en: '14 of 40 decided transactions failed (35%), above 20%.',
      vi: '14/40 giao dịch đã xử lý bị lỗi (35%), vượt ngưỡng 20%.',
    });
    expect(described).toHaveLength(4);
    for (const text of described) expect(text.vi).not.toBe(text.en);
  });
});

const violationThresholdsFromEnv = (env: NodeJS.ProcessEnv) => configFromEnv(env).violationThresholds;

describe('violation thresholds from HDLD_VIOLATION_* (F38)', () => {
  it('keeps the documented defaults when unset or empty', () => {
    expect(violationThresholdsFromEnv({})).toEqual({
      failureRatePercent: 20,
      minimumVolume: 20,
      unexplainedAfterDays: 7,
      lateSubmissions: 1,
    });
    expect(violationThresholdsFromEnv({ HDLD_VIOLATION_MIN_VOLUME: '' })).toEqual(
      DEFAULT_VIOLATION_THRESHOLDS,
    );
  });

  it('reads valid values and refuses bad ones', () => {
    expect(
      violationThresholdsFromEnv({
        HDLD_VIOLATION_FAILURE_RATE_PERCENT: '12.5',
        HDLD_VIOLATION_MIN_VOLUME: '50',
        HDLD_VIOLATION_UNEXPLAINED_DAYS: '0',
        HDLD_VIOLATION_LATE_SUBMISSIONS: '3',
      }),
    ).toEqual({ failureRatePercent: 12.5, minimumVolume: 50, unexplainedAfterDays: 0, lateSubmissions: 3 });
    for (const [name, value] of [
      ['HDLD_VIOLATION_FAILURE_RATE_PERCENT', '101'],
      ['HDLD_VIOLATION_FAILURE_RATE_PERCENT', 'abc'],
      ['HDLD_VIOLATION_MIN_VOLUME', '0'],
      ['HDLD_VIOLATION_UNEXPLAINED_DAYS', '1.5'],
      ['HDLD_VIOLATION_LATE_SUBMISSIONS', '-1'],
    ] as const) {
      expect(() => violationThresholdsFromEnv({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});
