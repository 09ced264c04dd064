import type { Period } from '../provider-reports/reporting-period.js';
import type { Timeliness } from '../provider-reports/timeliness.js';
import type { ViolationThresholds } from './thresholds.js';

/** F38: the rules a provider's month is checked against. */
export type ViolationRule =
  | 'FAILURE_RATE'
  | 'UNEXPLAINED_FAILURES'
  | 'LATE_SUBMISSIONS'
  | 'MONTHLY_REPORT_MISSING'
  | 'MONTHLY_REPORT_LATE';

/** What the month's transactions and reports show for one provider. */
export type MonthFigures = {
  /** Transactions received in the month that were decided: succeeded, or failed at least once. */
  decided: number;
  /** Of those, failed at least once (a failure re-pushed since still counts: it happened). */
  failed: number;
  /** Received in the month and accepted more than 24 h after the last signature (Art. 8). */
  lateSubmissions: number;
  /** Failed transactions (of any month) still awaiting an explanation N days after they failed (F36). */
  unexplainedFailures: number;
  /**
   * The monthly report that fell due during the month: the one on the previous month (Art. 25.6),
   * as it stood at the month's end; absent when the provider did not owe it.
   */
  monthlyReport?: { period: Period; timeliness: Timeliness };
};

export type Violation =
  | { rule: 'FAILURE_RATE'; failed: number; decided: number }
  | { rule: 'UNEXPLAINED_FAILURES' | 'LATE_SUBMISSIONS'; count: number }
  | { rule: 'MONTHLY_REPORT_MISSING' | 'MONTHLY_REPORT_LATE'; period: Period };

/** Failure rate above the threshold, judged only from the minimum volume (few calls prove little). */
export function failureRateExceeded(
  figures: Pick<MonthFigures, 'decided' | 'failed'>,
  t: ViolationThresholds,
): boolean {
  return figures.decided >= t.minimumVolume && figures.failed * 100 > t.failureRatePercent * figures.decided;
}

/** The rules a provider broke in the month, in a fixed order; none for a clean month. */
export function violationsOf(figures: MonthFigures, thresholds: ViolationThresholds): Violation[] {
  const violations: Violation[] = [];
  if (failureRateExceeded(figures, thresholds)) {
    violations.push({ rule: 'FAILURE_RATE', failed: figures.failed, decided: figures.decided });
  }
  if (figures.unexplainedFailures > 0) {
    violations.push({ rule: 'UNEXPLAINED_FAILURES', count: figures.unexplainedFailures });
  }
  if (figures.lateSubmissions >= thresholds.lateSubmissions) {
    violations.push({ rule: 'LATE_SUBMISSIONS', count: figures.lateSubmissions });
  }
  const report = figures.monthlyReport;
  if (report?.timeliness === 'MISSING')
    violations.push({ rule: 'MONTHLY_REPORT_MISSING', period: report.period });
  if (report?.timeliness === 'LATE') violations.push({ rule: 'MONTHLY_REPORT_LATE', period: report.period });
  return violations;
}
