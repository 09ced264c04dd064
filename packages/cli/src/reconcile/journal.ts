import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The sync journal's name in a folder `hdld sync` wrote (sync/run-sync.ts). */
const JOURNAL_NAME = '.hdld-sync.ndjson';

/**
 * The journals named: a file is a journal; a folder gives every `.hdld-sync.ndjson` (or other
 * `*.ndjson`) under it, so one day synced from three folders is reconciled at once (issue 14).
 */
export async function journalFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') await walk(path);
      else if (entry.isFile() && (entry.name === JOURNAL_NAME || entry.name.endsWith('.ndjson')))
        files.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${path}: no such journal`);
    if (info.isDirectory()) {
      const before = files.length;
      await walk(path);
      if (files.length === before)
        throw new UsageError(`${path}: no journal (${JOURNAL_NAME}) in this folder`);
    } else files.push(path);
  }
  return [...new Set(files)];
}

/**
 * Several journals as one: a reference in two of them (synced twice from two folders) keeps the
 * entry written last, as one journal keeps its last state.
 */
export async function readJournals(paths: readonly string[]): Promise<LocalRecord[]> {
  const latest = new Map<string, LocalRecord>();
  for (const file of await journalFiles(paths)) {
    for (const record of await readJournalRecords(file)) {
      const seen = latest.get(record.reference);
      if (!seen || (record.at ?? '') >= (seen.at ?? '')) latest.set(record.reference, record);
    }
  }
  return [...latest.values()];
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
