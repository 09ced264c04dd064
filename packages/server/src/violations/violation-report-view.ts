import type { Lang, Schemas } from '@hdld/spec';
import type { Localized } from '../http/problem.js';
import { REPORTING_TIME_ZONE, reportDeadline } from '../provider-reports/reporting-period.js';
import type { StoredViolationReport, ViolationLine } from '../storage/violation-reports-repo.js';
import { failureRatePercent } from './generate-violation-report.js';
import type { Violation } from './rules.js';
import type { ViolationThresholds } from './thresholds.js';

/** One sentence per broken rule, in English and Vietnamese (the caller's language is picked). */
export function describeViolation(v: Violation, t: ViolationThresholds): Localized {
  switch (v.rule) {
    case 'FAILURE_RATE': {
      const rate = failureRatePercent(v.failed, v.decided);
      return {
        en: `${v.failed} of ${v.decided} decided transactions failed (${rate}%), above ${t.failureRatePercent}%.`,
        vi: `${v.failed}/${v.decided} giao dịch đã xử lý bị lỗi (${rate}%), vượt ngưỡng ${t.failureRatePercent}%.`,
      };
    }
    case 'UNEXPLAINED_FAILURES':
      return {
        en: `${v.count} failed transactions were still unexplained ${t.unexplainedAfterDays} days after they failed.`,
        vi: `${v.count} giao dịch lỗi vẫn chưa được giải trình sau ${t.unexplainedAfterDays} ngày kể từ khi lỗi.`,
      };
    case 'LATE_SUBMISSIONS':
      return {
        en: `${v.count} submissions came more than 24 hours after the last signature.`,
        vi: `${v.count} giao dịch được gửi sau hơn 24 giờ kể từ chữ ký cuối cùng.`,
      };
    case 'MONTHLY_REPORT_MISSING':
      return {
        en: `The monthly report on ${v.period} had not been sent when the month it was due in ended.`,
        vi: `Báo cáo tháng ${v.period} vẫn chưa được gửi khi tháng đến hạn nộp đã kết thúc.`,
      };
    case 'MONTHLY_REPORT_LATE': {
      const deadline = reportDeadline(v.period).toISOString();
      return {
        en: `The monthly report on ${v.period} was sent after its deadline (${deadline}).`,
        vi: `Báo cáo tháng ${v.period} được gửi sau hạn nộp (${deadline}).`,
      };
    }
  }
}

export function violationLineView(
  line: ViolationLine,
  thresholds: ViolationThresholds,
  lang: Lang,
): Schemas['ViolationLine'] {
  return {
    providerId: line.providerId,
    providerName: line.providerName,
    providerStatus: line.providerStatus,
    figures: line.figures as Schemas['ViolationFigures'],
    violations: (line.violations as unknown as Violation[]).map((v) => ({
      ...v,
      detail: describeViolation(v, thresholds)[lang],
    })),
    actions: line.actions.map((a) => ({
      status: a.status,
      reason: a.reason,
      takenBy: a.takenBy,
      takenAt: a.takenAt.toISOString(),
    })),
  };
}

/** The API representation of a report (schema `ViolationReport`) with the lines the caller may read. */
export function violationReportView(
  report: StoredViolationReport,
  lines: ViolationLine[],
  lang: Lang,
): Schemas['ViolationReport'] {
  const thresholds = report.thresholds as ViolationThresholds;
  return {
    reportId: report.id,
    period: report.period,
    version: report.version,
    latestVersion: report.latestVersion,
    timeZone: REPORTING_TIME_ZONE,
    periodStart: report.periodStart.toISOString(),
    periodEnd: report.periodEnd.toISOString(),
    generatedAt: report.generatedAt.toISOString(),
    generatedBy: report.generatedBy,
    thresholds,
    providersEvaluated: report.providersEvaluated,
    lines: lines.map((line) => violationLineView(line, thresholds, lang)),
  };
}
