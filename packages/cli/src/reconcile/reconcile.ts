import type { HdldClient } from '@hdld/sdk';
import { readJournalRecords } from '../sync/run-sync.js';
import { MISMATCH, matchRecords, type Outcome, type ReconcileRow } from './match.js';

export type ReconcileReport = {
  period: { from: string; to: string };
  rows: ReconcileRow[];
  counts: Record<Outcome, number>;
  mismatches: number;
};

/** Margin before the journal's first entry: the journal writes after the Platform received. */
const CLOCK_MARGIN_MS = 5 * 60_000;

/** The journal's last word on each contract against the Platform's transactions of the period (F35). */
export async function reconcile(
  client: HdldClient,
  options: { journal: string; since?: Date; until?: Date; signal?: AbortSignal },
): Promise<ReconcileReport> {
  const local = await readJournalRecords(options.journal);
  const first = local
    .map((r) => r.at)
    .filter((at): at is string => Boolean(at))
    .sort()[0];
  const from = options.since ?? new Date((first ? Date.parse(first) : Date.now()) - CLOCK_MARGIN_MS);
  const to = options.until ?? new Date(Date.now() + CLOCK_MARGIN_MS);
  const platform = await client.transactions
    .list(
      { kind: 'CONTRACT', receivedFrom: from.toISOString(), receivedTo: to.toISOString(), limit: 500 },
      { signal: options.signal },
    )
    .toArray({ limit: 1_000_000 });
  const rows = matchRecords(local, platform);
  const counts: Record<Outcome, number> = {
    matched: 0,
    failed: 0,
    pending: 0,
    missing: 0,
    unknown: 0,
    conflict: 0,
  };
  for (const row of rows) counts[row.outcome]++;
  return {
    period: { from: from.toISOString(), to: to.toISOString() },
    rows,
    counts,
    mismatches: rows.filter((r) => MISMATCH.has(r.outcome)).length,
  };
}
