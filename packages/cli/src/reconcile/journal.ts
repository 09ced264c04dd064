import { existsSync } from 'node:fs';
import { loadJournalState } from '@hdld/sdk';
import { openFileJournal } from '@hdld/sdk/node';
import { UsageError } from '../output/errors.js';
import type { LocalRecord } from './match.js';

/** What the sync journal last knows of each contract, for `hdld reconcile`. */
export async function readJournalRecords(path: string): Promise<LocalRecord[]> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such journal`);
  const journal = await openFileJournal(path);
  try {
    const states = await loadJournalState(journal);
    return [...states].map(([reference, s]) => ({
      reference,
      transactionId: s.transactionId,
      status: s.outcome,
      contractId: s.contractId,
      at: s.intentAt,
      receivedAt: s.receivedAt,
      errors: s.errors ?? [],
    }));
  } finally {
    await journal.close();
  }
}

/**
 * The period rule (README "Reconciliation rule"): an entry the Platform acknowledged counts when the
 * Platform's `receivedAt` is in `[from, to)`, the timestamp `getReconciliation` counts by; one it
 * never acknowledged (refused at intake, interrupted) when its intent was written in the period.
 */
export function inPeriod(record: LocalRecord, period: { from: Date; to: Date }): boolean {
  const at = Date.parse(record.receivedAt ?? record.at ?? '');
  return at >= period.from.getTime() && at < period.to.getTime();
}
