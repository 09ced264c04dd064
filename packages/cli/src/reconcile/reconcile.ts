import type { HdldClient } from '@hdld/sdk';
import { compareFigures, type FiguresComparison, journalFigures } from './figures.js';
import { inPeriod, readJournals } from './journal.js';
import { MISMATCH, matchRecords, type Outcome, type ReconcileRow } from './match.js';

export type ReconcileReport = {
  period: { from: string; to: string };
  rows: ReconcileRow[];
  counts: Record<Outcome, number>;
  mismatches: number;
  /** The journal's count against the Platform's reconciliation figures for the same period (F35). */
  figures: FiguresComparison;
};

/** Margin before the journal's first entry: the journal writes after the Platform received. */
const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * The journal's last word on each contract against the Platform's transactions of the period, and
 * its count against the Platform's own reconciliation figures (F35). Both sides take the same
 * period and the same entries (see `inPeriod`).
 */
export async function reconcile(
  client: HdldClient,
  options: {
    journals: readonly string[];
    since?: Date;
    until?: Date;
    /** `--since DAY` alone: the period reaches at least to the end of that day. */
    minimumUntil?: Date;
    signal?: AbortSignal;
  },
): Promise<ReconcileReport> {
  const journal = await readJournals(options.journals);
  const first = journal
    .map((r) => r.at)
    .filter((at): at is string => Boolean(at))
    .sort()[0];
  const from = options.since ?? new Date((first ? Date.parse(first) : Date.now()) - CLOCK_MARGIN_MS);
  const fallback = Math.max(Date.now() + CLOCK_MARGIN_MS, options.minimumUntil?.getTime() ?? 0);
  const to = options.until ?? new Date(fallback);
  const local = journal.filter((r) => inPeriod(r, { from, to }));
  const period = { from: from.toISOString(), to: to.toISOString() };
  const [platform, report] = await Promise.all([
    client.transactions
      .list(
        { kind: 'CONTRACT', receivedFrom: period.from, receivedTo: period.to, limit: 500 },
        { signal: options.signal },
      )
      .toArray({ limit: 1_000_000 }),
    client.reconciliation.get(period, { signal: options.signal }),
  ]);
  const rows = matchRecords(local, platform);
  const counts: Record<Outcome, number> = {
    matched: 0,
    duplicate: 0,
    failed: 0,
    pending: 0,
    rejected: 0,
    missing: 0,
    unknown: 0,
    conflict: 0,
  };
  for (const row of rows) counts[row.outcome]++;
  return {
    period,
    rows,
    counts,
    mismatches: rows.filter((r) => MISMATCH.has(r.outcome)).length,
    // A provider's report holds itself only, so the totals are its own figures.
    figures: compareFigures(
      journalFigures(local),
      report.totals,
      report.providers.reduce((n, p) => n + p.apiCalls, 0),
    ),
  };
}
