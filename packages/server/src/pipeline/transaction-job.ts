import { createJobQueue } from '../queue/index.js';
import type { Queryable } from '../storage/database.js';
import type { JsonObject } from '../storage/json.js';

/** The durable job that takes a received transaction through the pipeline (src/queue's jobs table). */
export const PROCESS_TRANSACTION_JOB = 'process-transaction';

const MAX_RETRY_DELAY_MS = 10 * 60 * 1000;

/** Backoff between attempts: 2 s doubling, at most 10 minutes apart. */
export function retryDelay(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

/** How long a transaction keeps being retried before it is FAILED with PROCESSING_FAILED. */
export const RETRY_HORIZON_MS = 24 * 60 * 60 * 1000;

/**
 * Attempts whose backoff covers RETRY_HORIZON_MS (about 150): a transient cause (revocation data or
 * the population registry unavailable, issue 4) or a Platform fault fixed within a day does not fail
 * the provider's submission; only then is it PROCESSING_FAILED (fail-attempt.ts).
 */
export const PROCESS_TRANSACTION_MAX_ATTEMPTS = (() => {
  let attempts = 1;
  for (let waited = 0; waited < RETRY_HORIZON_MS; attempts++) waited += retryDelay(attempts);
  return attempts;
})();

/** Queues a transaction's processing job, in the caller's database transaction. */
export async function enqueueTransactionJob(q: Queryable, transactionId: string): Promise<void> {
  await createJobQueue(q).enqueue(PROCESS_TRANSACTION_JOB, { transactionId } as JsonObject, {
    maxAttempts: PROCESS_TRANSACTION_MAX_ATTEMPTS,
  });
}
