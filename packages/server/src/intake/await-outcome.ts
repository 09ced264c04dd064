import type { Platform } from '../platform.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';

/**
 * How often a waiting request reads the transaction when this process is not told: another
 * process may be doing the work (they share the queue).
 */
const RECHECK_MS = 1000;

const isFinal = (t: StoredTransaction | undefined) => t?.status === 'SUCCEEDED' || t?.status === 'FAILED';

/**
 * `Prefer: wait` (issue 4: "single submissions may complete synchronously when fast"): the stored
 * transaction once final, read after this process's pipeline ends an attempt on it (or every
 * RECHECK_MS), or undefined when `ms` pass first or `signal` aborts (the client went away).
 */
export async function awaitFinalTransaction(
  platform: Pick<Platform, 'pipeline' | 'storage'>,
  transactionId: string,
  ms: number,
  signal?: AbortSignal,
): Promise<StoredTransaction | undefined> {
  const deadline = performance.now() + ms;
  for (;;) {
    const remaining = deadline - performance.now();
    if (remaining <= 0 || signal?.aborted) return undefined;
    await platform.pipeline.outcomes.wait(transactionId, Math.min(remaining, RECHECK_MS), signal);
    if (signal?.aborted) return undefined;
    const transaction = await platform.storage.transactions.findById(transactionId);
    if (isFinal(transaction)) return transaction;
  }
}
