import type { ErrorCode } from '@hdld/spec';

/** Where an item of the batch ended up in this run. */
export type ItemOutcome =
  /** Already done in an earlier run (per the journal): nothing sent. */
  | 'skipped'
  /** Acknowledged by the Platform (its outcome not awaited, or not final yet). */
  | 'acknowledged'
  | 'succeeded'
  /** SUCCEEDED as a replay: the document already had its ID (F9), maybe under another reference. */
  | 'duplicate'
  | 'failed'
  /** Refused at intake (4xx): fix it and rerun with `retryFailed`. */
  | 'rejected'
  /** No answer, a 5xx, or cancelled: the next run resumes it with the same key. */
  | 'interrupted';

export type BatchError = { providerReference: string; code?: ErrorCode; message: string };

export type BatchCounts = Record<ItemOutcome, number> & {
  /** Items taken from the source so far. */
  read: number;
  /** Acknowledged items whose outcome is still awaited. */
  awaitingOutcome: number;
};

export type BatchProgress = {
  counts: BatchCounts;
  elapsedMs: number;
  /** Items finished (any outcome) per second since the start. */
  itemsPerSecond: number;
  /** Estimated time left, when the caller gave the batch's `total`. */
  etaMs?: number;
  /** The most recent errors, newest last (at most 10). */
  latestErrors: BatchError[];
};

export type BatchSummary = BatchProgress & { cancelled: boolean };

const LATEST_ERRORS = 10;
const FINISHED: ItemOutcome[] = ['skipped', 'succeeded', 'duplicate', 'failed', 'rejected', 'interrupted'];

/** The batch's counters: constant memory whatever the number of items. */
export class BatchCounters {
  readonly counts: BatchCounts = {
    read: 0,
    awaitingOutcome: 0,
    skipped: 0,
    acknowledged: 0,
    succeeded: 0,
    duplicate: 0,
    failed: 0,
    rejected: 0,
    interrupted: 0,
  };
  readonly #latestErrors: BatchError[] = [];
  readonly #started = performance.now();

  constructor(
    private readonly total: number | undefined,
    private readonly waitsForOutcomes: boolean,
  ) {}

  error(error: BatchError): void {
    this.#latestErrors.push(error);
    if (this.#latestErrors.length > LATEST_ERRORS) this.#latestErrors.shift();
  }

  /** Finished: a final state, or acknowledged when outcomes are not awaited. */
  finished(): number {
    const done = FINISHED.reduce((sum, state) => sum + this.counts[state], 0);
    return this.waitsForOutcomes ? done : done + this.counts.acknowledged;
  }

  snapshot(): BatchProgress {
    const elapsedMs = performance.now() - this.#started;
    const finished = this.finished();
    const itemsPerSecond = elapsedMs > 0 ? (finished * 1000) / elapsedMs : 0;
    const left = this.total === undefined ? undefined : Math.max(0, this.total - finished);
    return {
      counts: { ...this.counts },
      elapsedMs,
      itemsPerSecond,
      ...(left !== undefined && itemsPerSecond > 0 ? { etaMs: (left / itemsPerSecond) * 1000 } : {}),
      latestErrors: [...this.#latestErrors],
    };
  }
}
