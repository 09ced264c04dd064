import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { type HdldClient, type ItemState, type Journal, loadJournalState, syncBatch } from '@hdld/sdk';
import { openFileJournal } from '@hdld/sdk/node';
import { UsageError } from '../output/errors.js';
import type { SyncReporter } from './reporters.js';
import type { SyncItem } from './source.js';

/**
 * Where the contracts of this run stand in the journal once it ended, whichever run sent them:
 * a rerun that sends nothing still ends with the failures of the earlier runs (exit 5).
 */
export type JournalVerdict = {
  /** SUCCEEDED with an ID of their own. */
  withId: number;
  /** SUCCEEDED as the duplicate of a contract already registered (F9). */
  duplicate: number;
  failed: number;
  rejected: number;
  /** Never acknowledged, or acknowledged with no outcome yet. */
  unfinished: number;
};

/** The journal's last state of each item, counted (one item, one state). */
export function journalVerdict(
  states: Map<string, ItemState>,
  references: readonly string[],
): JournalVerdict {
  const verdict: JournalVerdict = { withId: 0, duplicate: 0, failed: 0, rejected: 0, unfinished: 0 };
  for (const reference of references) {
    const state = states.get(reference);
    if (state?.outcome === 'FAILED') verdict.failed++;
    else if (state?.outcome === 'REJECTED') verdict.rejected++;
    else if (state?.outcome !== 'SUCCEEDED') verdict.unfinished++;
    else if (state.duplicate) verdict.duplicate++;
    else verdict.withId++;
  }
  return verdict;
}

/** Anything but an ID of its own needs the clerk: failed, refused, a duplicate, or not finished. */
export const needsAction = (v: JournalVerdict) => v.failed + v.rejected + v.duplicate + v.unfinished > 0;

export type SyncResult = {
  total: number;
  succeeded: number;
  duplicate: number;
  failed: number;
  rejected: number;
  skipped: number;
  interrupted: number;
  seconds: number;
  throughput: number;
  cancelled: boolean;
  /** Where this run's contracts stand in the journal at the end (earlier runs included). */
  final: JournalVerdict;
  /** The journal's state of each item after the run (the per-contract results). */
  states: Map<string, ItemState>;
};

/** The journal as the SDK writes it, with every record also shown to the reporter. */
function observed(journal: Journal, reporter: SyncReporter): Journal {
  return {
    read: () => journal.read(),
    async append(record) {
      await journal.append(record);
      reporter.record(record);
    },
    close: () => journal.close(),
  };
}

/** Redraws of the TTY view; plain and NDJSON progress lines are rarer. */
const INTERVAL_MS = { ink: 100, other: 1000 };

/**
 * One `hdld sync` run on the SDK's resumable batch (T5): the journal says what earlier runs did, so
 * a rerun skips what is settled and resubmits what was interrupted with its original key.
 */
export async function runSync(options: {
  client: HdldClient;
  items: SyncItem[];
  journal: string;
  fresh?: boolean;
  concurrency: number;
  retryFailed?: boolean;
  /** Awaits every outcome (default); `false` stops at the acknowledgements. */
  waitForOutcomes?: boolean;
  reporter: SyncReporter;
  interactive?: boolean;
  signal: AbortSignal;
}): Promise<SyncResult> {
  if (options.fresh && existsSync(options.journal)) {
    // Kept, not deleted: it is the only record of what was sent.
    await rename(options.journal, `${options.journal}.${new Date().toISOString().replace(/[:.]/g, '-')}.old`);
  }
  const journal = observed(await openFileJournal(options.journal), options.reporter);
  const items = options.items.map((item) => ({
    providerReference: item.reference,
    async load() {
      const submission = await item.load();
      if (submission.providerReference !== item.reference) {
        throw new UsageError(
          `${item.path}: providerReference ${submission.providerReference} differs from the file name`,
        );
      }
      return submission;
    },
  }));
  options.reporter.start(items.length);
  try {
    const summary = await syncBatch(options.client, items, {
      concurrency: options.concurrency,
      journal,
      onProgress: (p) => options.reporter.progress(p),
      progressIntervalMs: options.interactive ? INTERVAL_MS.ink : INTERVAL_MS.other,
      signal: options.signal,
      retryFailed: Boolean(options.retryFailed),
      waitForOutcomes: options.waitForOutcomes ?? true,
      total: items.length,
    });
    options.reporter.finish(summary);
    const c = summary.counts;
    const states = await loadJournalState(journal);
    return {
      total: items.length,
      succeeded: c.succeeded,
      duplicate: c.duplicate,
      failed: c.failed,
      rejected: c.rejected,
      skipped: c.skipped,
      interrupted: c.interrupted,
      seconds: summary.elapsedMs / 1000,
      throughput: summary.itemsPerSecond,
      cancelled: summary.cancelled,
      final: journalVerdict(
        states,
        items.map((i) => i.providerReference),
      ),
      states,
    };
  } finally {
    await journal.close();
  }
}
