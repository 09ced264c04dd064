import { type ClaimedJob, createJobQueue } from '../queue/index.js';
import type { TransactionJob } from '../storage/transaction-jobs.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { recordProcessingFailure } from './record-outcome.js';

/** Where errors of the pipeline are told; pino's logger fits. */
export type PipelineLog = { error(fields: Record<string, unknown>, message: string): void };

const MAX_ERROR_LENGTH = 2000;

/**
 * An attempt ended in an error that is not a check result: the job is retried after `retryInMs`, or,
 * its attempts used up, parked, and then its transaction is FAILED (PROCESSING_FAILED) with its
 * receipt and webhook in the same database transaction, so no transaction stays PROCESSING for good.
 * False when the lease was lost (another worker owns the job now).
 */
export async function failAttempt(
  deps: PipelineDeps,
  log: PipelineLog | undefined,
  job: TransactionJob,
  transaction: StoredTransaction | undefined,
  error: unknown,
  retryInMs: number,
): Promise<boolean> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
  const parked = await deps.storage.transaction(async (repos) => {
    const queue = createJobQueue(repos.tx);
    if (!(await queue.fail(job as ClaimedJob, message, retryInMs))) return undefined;
    if (!transaction || !(await queue.findById(job.id))?.failedAt) return false;
    await recordProcessingFailure(deps, repos.tx, transaction);
    return true;
  });
  if (parked && transaction) {
    deps.metrics.verifications.inc({ outcome: 'PROCESSING_FAILED' });
    // The message stays in jobs.last_error: it may quote submitted data, so the log gets its kind only.
    log?.error(
      {
        transactionId: transaction.id,
        providerId: transaction.providerId,
        jobId: job.id,
        attempts: job.attempts,
        error: error instanceof Error ? error.name : typeof error,
      },
      'transaction failed: the Platform could not process it (PROCESSING_FAILED)',
    );
  }
  return parked !== undefined;
}
