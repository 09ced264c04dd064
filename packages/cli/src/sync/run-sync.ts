import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { type HdldClient, type Journal, syncBatch } from '@hdld/sdk';
import { openFileJournal } from '@hdld/sdk/node';
import { UsageError } from '../output/errors.js';
import type { SyncReporter } from './reporters.js';
import type { SyncItem } from './source.js';

export type SyncResult = {
  total: number;
  succeeded: number;
  failed: number;
  rejected: number;
  skipped: number;
  interrupted: number;
  seconds: number;
  throughput: number;
  cancelled: boolean;
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
      total: items.length,
    });
    options.reporter.finish(summary);
    const c = summary.counts;
    return {
      total: items.length,
      succeeded: c.succeeded,
      failed: c.failed,
      rejected: c.rejected,
      skipped: c.skipped,
      interrupted: c.interrupted,
      seconds: summary.elapsedMs / 1000,
      throughput: summary.itemsPerSecond,
      cancelled: summary.cancelled,
    };
  } finally {
    await journal.close();
  }
}
