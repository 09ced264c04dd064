import { type Period, periodEnd, periodStart, previousPeriod } from '../provider-reports/reporting-period.js';
import { connectedDuring, periodNotEnded, reportTimeliness } from '../provider-reports/timeliness.js';
import type { Storage } from '../storage/index.js';
import type { JsonObject } from '../storage/json.js';
import type { Provider } from '../storage/providers-repo.js';
import type { NewViolationReport, StoredViolationReport } from '../storage/violation-reports-repo.js';
import { type MonthFigures, violationsOf } from './rules.js';
import type { ViolationThresholds } from './thresholds.js';

const DAY_MS = 86_400_000;

export type GenerateRequest = {
  period: Period;
  /** A new version even when the month has a report (operators only). */
  regenerate: boolean;
  /** 'scheduler' or the operator's id. */
  by: string;
  now: Date;
};

export type GenerateResult = { report: StoredViolationReport; created: boolean };

/** failed / decided in percent, two decimals. */
export function failureRatePercent(failed: number, decided: number): number {
  return decided === 0 ? 0 : Math.round((failed * 10_000) / decided) / 100;
}

/**
 * Each provider connected during the month, with its figures; the line of those that broke a rule.
 * The monthly report checked is the one that fell due during the month: on the month before
 * (Art. 25.6: due before the 30th of the next month), as it stood at the month's end.
 */
async function linesOf(
  storage: Storage,
  period: Period,
  thresholds: ViolationThresholds,
): Promise<{ evaluated: Provider[]; lines: NewViolationReport['lines'] }> {
  const end = periodEnd(period);
  const reported = previousPeriod(period);
  const providers = (await storage.providers.list()).filter((p) => connectedDuring(p, period));
  const figures = await storage.violationReports.transactionFigures({
    from: periodStart(period),
    to: end,
    unexplainedUpTo: new Date(end.getTime() - thresholds.unexplainedAfterDays * DAY_MS),
  });
  const reports = await storage.providerReports.latestVersions(reported);
  const lines: NewViolationReport['lines'] = [];
  for (const provider of providers) {
    const counts = figures.get(provider.id) ?? {
      decided: 0,
      failed: 0,
      lateSubmissions: 0,
      unexplainedFailures: 0,
    };
    const month: MonthFigures = {
      ...counts,
      ...(connectedDuring(provider, reported)
        ? {
            monthlyReport: {
              period: reported,
              timeliness: reportTimeliness(reported, reports.get(provider.id)?.firstSubmittedAt, end),
            },
          }
        : {}),
    };
    const violations = violationsOf(month, thresholds);
    if (violations.length === 0) continue;
    lines.push({
      providerId: provider.id,
      providerName: provider.name,
      providerStatus: provider.status,
      figures: {
        ...month,
        failureRatePercent: failureRatePercent(month.failed, month.decided),
      } as JsonObject,
      violations: violations as unknown as JsonObject[],
    });
  }
  return { evaluated: providers, lines };
}

/**
 * F38: the report of violating providers on a month that has ended. Idempotent: the month's
 * report is returned as it is unless `regenerate`; concurrent runs (several requests, workers or
 * processes) store one version, since (period, version) is unique and the loser reads the winner's.
 */
export async function generateViolationReport(
  storage: Storage,
  thresholds: ViolationThresholds,
  request: GenerateRequest,
): Promise<GenerateResult> {
  const { period, now } = request;
  if (now.getTime() < periodEnd(period).getTime()) throw periodNotEnded(period);
  const existing = await storage.violationReports.latest(period);
  if (existing && !request.regenerate) return { report: existing, created: false };
  const { evaluated, lines } = await linesOf(storage, period, thresholds);
  const stored = await storage.transaction((repos) =>
    repos.violationReports.insert({
      period,
      version: (existing?.version ?? 0) + 1,
      periodStart: periodStart(period),
      periodEnd: periodEnd(period),
      thresholds: { ...thresholds },
      providersEvaluated: evaluated.length,
      generatedAt: now,
      generatedBy: request.by,
      lines,
    }),
  );
  if (stored) return { report: stored, created: true };
  const winner = await storage.violationReports.latest(period);
  if (!winner) throw new Error(`violations report on ${period} vanished after a conflicting insert`);
  return { report: winner, created: false };
}
