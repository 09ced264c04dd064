import type { Schemas, Transaction } from '@hdld/spec';
import PQueue from 'p-queue';
import { HdldAbortError, HdldAuthError, HdldError, HdldNotFoundError } from '../client/errors.js';
import type { HdldResources } from '../client/hdld-client.js';
import { jsonBytes } from '../client/json-bytes.js';
import type { PageIterable } from '../client/pagination.js';
import { fromBase64 } from '../submissions/base64.js';
import { isFinal } from '../submissions/wait-for-result.js';
import { BatchCounters, type BatchProgress, type BatchSummary } from './batch-progress.js';
import { sha256Hex } from './digest.js';
import { type Journal, type JournalRecord, memoryJournal } from './journal.js';
import { type ItemState, loadJournalState } from './journal-state.js';
import { OutcomeTracker } from './outcome-tracker.js';

/** One contract of a batch; `load` reads its files only when its turn comes (bounded memory). */
export type BatchItem = {
  providerReference: string;
  load(): Promise<Schemas['ContractSubmission']>;
};

export type SyncBatchOptions = {
  /** Submissions in flight at once; default 4. */
  concurrency?: number;
  /** Where intents and results are recorded; without one, a rerun cannot resume. */
  journal?: Journal;
  onProgress?(progress: BatchProgress): void;
  /** Default 1 s. */
  progressIntervalMs?: number;
  /** Stops pulling items and aborts the requests in flight; the journal keeps what to resume. */
  signal?: AbortSignal;
  /** Resubmits (with a new key) items that failed or were rejected in an earlier run. */
  retryFailed?: boolean;
  /** Awaits every outcome (default); `false` stops at the acknowledgements. */
  waitForOutcomes?: boolean;
  /** Between two outcome polls; default 1 s. */
  pollIntervalMs?: number;
  /**
   * Seconds each submission waits for its outcome in the same call (`Prefer: wait`, at most 10),
   * so outcomes ready by then need no poll and the Platform's queue holds at most `concurrency` of
   * this batch. Default 0: submissions return at once and outcomes are polled, which keeps uploads
   * going when the Platform is slow.
   */
  waitSeconds?: number;
  /** Acknowledged items awaited at once before submissions wait; default 1,000. */
  maxPendingOutcomes?: number;
  /** Number of items, when known: enables the ETA. */
  total?: number;
};

type BatchClient = Pick<HdldResources, 'submissions'> & {
  transactions: Pick<HdldResources['transactions'], 'getByReference'> & {
    list(query: Parameters<HdldResources['transactions']['list']>[0]): PageIterable<Transaction>;
  };
};

const now = () => new Date().toISOString();

/** A journal state that needs nothing more from this run. */
function isDone(state: ItemState | undefined, retryFailed: boolean): boolean {
  if (!state?.outcome) return false;
  return state.outcome === 'SUCCEEDED' || !retryFailed;
}

/**
 * Submits every contract of `source` (T5, N1): bounded concurrency with backpressure on the source,
 * one Idempotency-Key per contract recorded in the journal BEFORE the request, so a crashed or
 * cancelled run resumes without duplicates; a 429 pauses the whole client (see RateLimitGate).
 * Resolves with the summary; per-item results are in the journal.
 */
export async function syncBatch(
  client: BatchClient,
  source: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  options: SyncBatchOptions = {},
): Promise<BatchSummary> {
  const concurrency = options.concurrency ?? 4;
  const retryFailed = options.retryFailed ?? false;
  const waitForOutcomes = options.waitForOutcomes ?? true;
  const journal = options.journal ?? memoryJournal();
  const prior = await loadJournalState(journal);
  const counters = new BatchCounters(options.total, waitForOutcomes);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let fatal: HdldError | undefined;

  const record = (entry: JournalRecord) => journal.append(entry);
  const settle = async (transaction: Transaction) => {
    counters.counts.awaitingOutcome--;
    counters.counts.acknowledged--;
    const errors = transaction.errors.filter((e) => e.severity !== 'WARNING').map((e) => e.code);
    const duplicate = transaction.status === 'SUCCEEDED' && transaction.replay;
    counters.counts[transaction.status === 'FAILED' ? 'failed' : duplicate ? 'duplicate' : 'succeeded']++;
    if (transaction.status === 'FAILED') {
      counters.error({
        providerReference: transaction.providerReference,
        code: errors[0],
        message: transaction.failureClass ?? 'FAILED',
      });
    }
    await record({
      type: 'settled',
      providerReference: transaction.providerReference,
      at: now(),
      transactionId: transaction.transactionId,
      status: transaction.status as 'SUCCEEDED' | 'FAILED',
      ...(transaction.contractId ? { contractId: transaction.contractId } : {}),
      errors,
      ...(duplicate ? { replay: true } : {}),
      ...(transaction.duplicateOfReference ? { duplicateOfReference: transaction.duplicateOfReference } : {}),
    });
  };
  const tracker = new OutcomeTracker(client, {
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    maxPending: options.maxPendingOutcomes ?? 1000,
    signal,
    onFinal: settle,
    onPollError: (error) =>
      counters.error({
        providerReference: '*',
        message: error instanceof Error ? error.message : String(error),
      }),
  });

  /** Acknowledged: await the outcome, unless the caller stops at acknowledgements. */
  const acknowledged = async (
    providerReference: string,
    transaction: { transactionId: string; receivedAt: string; status: Transaction['status'] },
  ) => {
    counters.counts.acknowledged++;
    if (!waitForOutcomes) return;
    counters.counts.awaitingOutcome++;
    if (isFinal(transaction) && 'errors' in transaction) return settle(transaction as Transaction);
    await tracker.add(transaction.transactionId, { providerReference, receivedAt: transaction.receivedAt });
  };

  /** An unfinished intent of an earlier run: did the Platform get it? Look it up before resending. */
  const findEarlierSubmission = async (
    providerReference: string,
    bodySha256: string,
    signal: AbortSignal,
  ) => {
    try {
      const transaction = await client.transactions.getByReference(providerReference, { signal });
      return transaction.payloadSha256 === bodySha256 ? transaction : undefined;
    } catch (error) {
      if (error instanceof HdldNotFoundError) return undefined;
      throw error;
    }
  };

  const submit = async (item: BatchItem, state: ItemState | undefined, signal: AbortSignal) => {
    const body = await item.load();
    const principal = body.documents[0];
    const documentSha256 = principal ? await sha256Hex(fromBase64(principal.contentBase64)) : '';
    const unfinished =
      state && !state.outcome && !state.transactionId && state.documentSha256 === documentSha256;
    if (unfinished) {
      // The exact bytes the client will send: the Platform hashes the raw body (payloadSha256).
      const earlier = await findEarlierSubmission(
        item.providerReference,
        await sha256Hex(jsonBytes(body)),
        signal,
      );
      if (earlier) {
        await record({
          type: 'acknowledged',
          providerReference: item.providerReference,
          at: now(),
          idempotencyKey: state.idempotencyKey,
          transactionId: earlier.transactionId,
          receivedAt: earlier.receivedAt,
        });
        return acknowledged(item.providerReference, earlier);
      }
    }
    const idempotencyKey = unfinished ? state.idempotencyKey : crypto.randomUUID();
    if (!unfinished) {
      await record({
        type: 'intent',
        providerReference: item.providerReference,
        at: now(),
        idempotencyKey,
        documentSha256,
      });
    }
    try {
      const ack = await client.submissions.submitContract(body, {
        idempotencyKey,
        signal,
        waitSeconds: waitForOutcomes ? options.waitSeconds : undefined,
      });
      await record({
        type: 'acknowledged',
        providerReference: item.providerReference,
        at: now(),
        idempotencyKey,
        transactionId: ack.transactionId,
        receivedAt: ack.receivedAt,
        ...(ack.supersedes ? { supersedes: ack.supersedes } : {}),
      });
      await acknowledged(item.providerReference, ack.outcome ?? ack);
    } catch (error) {
      if (!(error instanceof HdldError)) throw error;
      if (error instanceof HdldAuthError) {
        fatal ??= error;
        stop.abort(error);
      }
      const transient =
        error.status === undefined || error.status >= 500 || error.status === 429 || error.action === 'RETRY';
      const errors =
        error.errors.length > 0 ? error.errors.map((e) => e.code) : error.code ? [error.code] : [];
      counters.counts[transient ? 'interrupted' : 'rejected']++;
      counters.error({
        providerReference: item.providerReference,
        ...(error.code ? { code: error.code } : {}),
        message: error.message,
      });
      await record(
        transient
          ? {
              type: 'interrupted',
              providerReference: item.providerReference,
              at: now(),
              idempotencyKey,
              reason: error.name,
            }
          : {
              type: 'rejected',
              providerReference: item.providerReference,
              at: now(),
              idempotencyKey,
              ...(error.status ? { status: error.status } : {}),
              errors,
            },
      );
    }
  };

  const running = new Set<AbortController>();
  const abortRunning = () => {
    for (const item of running) item.abort(signal.reason);
  };
  signal.addEventListener('abort', abortRunning, { once: true });

  const processItem = async (item: BatchItem) => {
    const state = prior.get(item.providerReference);
    if (isDone(state, retryFailed)) {
      counters.counts.skipped++;
      return;
    }
    if (state?.transactionId && !state.outcome) {
      // Acknowledged in an earlier run, outcome unknown: never resend, just await it.
      return acknowledged(item.providerReference, {
        transactionId: state.transactionId,
        receivedAt: state.receivedAt ?? state.intentAt,
        status: 'PROCESSING',
      });
    }
    // Each running item has its own signal (its requests add their listeners there), and the batch
    // signal has one listener for them all: `concurrency` listeners on it would pass Node's
    // warning threshold of 10.
    const itemSignal = new AbortController();
    if (signal.aborted) itemSignal.abort(signal.reason);
    running.add(itemSignal);
    try {
      await submit(item, state, itemSignal.signal);
    } finally {
      running.delete(itemSignal);
    }
  };

  const queue = new PQueue({ concurrency });
  const ticker = options.onProgress
    ? setInterval(() => options.onProgress?.(counters.snapshot()), options.progressIntervalMs ?? 1000)
    : undefined;
  try {
    for await (const item of source) {
      if (signal.aborted) break;
      counters.counts.read++;
      queue
        .add(() => processItem(item))
        .catch((error: unknown) => {
          fatal ??=
            error instanceof HdldError ? error : new HdldError({ title: String(error), cause: error });
          stop.abort(error);
        });
      // Backpressure: never more than `concurrency` items waiting besides those running.
      await queue.onSizeLessThan(concurrency);
    }
    await queue.onIdle();
    await tracker.drain();
  } finally {
    if (ticker) clearInterval(ticker);
    signal.removeEventListener('abort', abortRunning);
  }
  // Items cancelled mid-request were counted as interrupted; unread ones are simply left for the rerun.
  if (fatal && !(fatal instanceof HdldAbortError)) throw fatal;
  const summary = { ...counters.snapshot(), cancelled: signal.aborted };
  options.onProgress?.(summary);
  return summary;
}
