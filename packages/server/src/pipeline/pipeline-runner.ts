import { hostname } from 'node:os';
import { type ClaimedTransaction, claimTransactionJobs } from '../storage/transaction-jobs.js';
import { TransientCheckError } from './check-outcome.js';
import { createDocumentChecker } from './document-checks-pool.js';
import { failAttempt, type PipelineLog } from './fail-attempt.js';
import { keepLeases } from './lease-keeper.js';
import { createOutcomeWaiters, type OutcomeWaiters } from './outcome-waiters.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { processTransaction } from './process-transaction.js';
import { PROCESS_TRANSACTION_JOB, retryDelay } from './transaction-job.js';

export type PipelineRunner = {
  /** Tells the runner that new work was queued, so it does not wait for the next poll. */
  wake(): void;
  /** Requests waiting for a transaction's outcome (`Prefer: wait`); told as this process ends attempts. */
  outcomes: Pick<OutcomeWaiters, 'wait'>;
  /** Finishes the jobs in hand, then resolves; unfinished leases are reclaimed by any process. */
  stop(): Promise<void>;
};

export type RunnerOptions = {
  /** Transactions in progress at once in this process (database waits overlap with the checks). */
  concurrency: number;
  pollIntervalMs: number;
  /** How long a claimed job stays this process's without renewal (renewed while it runs: lease-keeper.ts). */
  leaseMs: number;
  /** Threads for the per-file checks (document-checks-pool.ts); default one per core, 0 for none. */
  threads?: number;
  onError?: (error: unknown) => void;
  /** Told about transactions failed because their job used every attempt (PROCESSING_FAILED). */
  log?: PipelineLog;
};

/**
 * One loop per process claims transactions' jobs from the durable queue (the jobs table, shared by
 * every process: SKIP LOCKED, leases) as slots free up, and marks finished jobs done in the same
 * statement (storage/transaction-jobs.ts), so a job costs one round trip to the queue. A job marked
 * done late (a crash in between) is simply claimed again: its transaction is final, nothing is redone.
 */
export function startPipeline(deps: PipelineDeps, options: RunnerOptions): PipelineRunner {
  const controller = new AbortController();
  const checker = createDocumentChecker({
    trust: deps.trust,
    threads: options.threads,
    onError: options.onError,
  });
  const workerId = `${hostname()}:${process.pid}`;
  const outcomes = createOutcomeWaiters();
  const leases = keepLeases(deps.storage.db, {
    workerId,
    leaseMs: options.leaseMs,
    onError: options.onError,
  });
  const running = new Set<Promise<void>>();
  let completed: { id: number; attempts: number }[] = [];
  let woken = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken || controller.signal.aborted) return resolve();
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  const run = async ({ job, transaction, files, contractSerial }: ClaimedTransaction) => {
    try {
      if (transaction) await processTransaction(deps, checker, transaction, files, contractSerial);
      completed.push(job);
    } catch (error) {
      if (!(error instanceof TransientCheckError)) options.onError?.(error);
      await failAttempt(deps, options.log, job, transaction, error, retryDelay(job.attempts)).catch(
        (failure: unknown) => options.onError?.(failure),
      );
    } finally {
      if (transaction) outcomes.settled(transaction.id);
    }
  };

  const claim = async (limit: number) => {
    const done = completed;
    completed = [];
    try {
      return await claimTransactionJobs(deps.storage.db, {
        workerId,
        leaseMs: options.leaseMs,
        kind: PROCESS_TRANSACTION_JOB,
        limit,
        completed: done,
      });
    } catch (error) {
      completed.push(...done);
      options.onError?.(error);
      return [];
    }
  };

  const loop = (async () => {
    while (!controller.signal.aborted) {
      woken = false;
      const free = options.concurrency - running.size;
      if (free > 0 || completed.length > 0) {
        const claimed = await claim(Math.max(0, free));
        for (const item of claimed) {
          leases.hold(item.job);
          const task: Promise<void> = run(item).finally(() => {
            leases.release(item.job);
            running.delete(task);
            wake();
          });
          running.add(task);
        }
      }
      await idle();
    }
  })();

  return {
    wake,
    outcomes,
    async stop() {
      controller.abort();
      outcomes.releaseAll();
      wakeUp?.();
      await loop;
      await Promise.all(running);
      await leases.stop();
      if (completed.length > 0) await claim(0);
      await checker.close();
    },
  };
}
