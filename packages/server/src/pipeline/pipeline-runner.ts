import { hostname } from 'node:os';
import { PROCESS_TRANSACTION_JOB } from '../intake/accept-submission.js';
import { createJobQueue, runDueJobs } from '../queue/index.js';
import { TransientCheckError } from './check-outcome.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { processTransaction } from './process-transaction.js';

export type PipelineRunner = {
  /** Tells idle workers that new work was queued, so they do not wait for the next poll. */
  wake(): void;
  /** Finishes the jobs in hand, then resolves; unfinished leases are reclaimed by any process. */
  stop(): Promise<void>;
};

export type RunnerOptions = {
  /** Concurrent jobs in this process; verification is CPU-bound, database waits are not. */
  concurrency: number;
  pollIntervalMs: number;
  leaseMs: number;
  onError?: (error: unknown) => void;
};

/** Transient check results (revocation, registry) are retried sooner than unexpected errors. */
function retryDelay(attempts: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempts - 1), 10 * 60 * 1000);
}

export function startPipeline(deps: PipelineDeps, options: RunnerOptions): PipelineRunner {
  const controller = new AbortController();
  let wakeUp: (() => void)[] = [];
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wakeUp = wakeUp.filter((f) => f !== done);
        controller.signal.removeEventListener('abort', done);
        resolve();
      }
      wakeUp.push(done);
      controller.signal.addEventListener('abort', done, { once: true });
    });
  const queue = createJobQueue(deps.storage.db);
  const loops = Array.from({ length: options.concurrency }, async (_, n) => {
    const workerId = `${hostname()}:${process.pid}:${n}`;
    while (!controller.signal.aborted) {
      try {
        await runDueJobs(
          {
            queue,
            workerId,
            leaseMs: options.leaseMs,
            retryDelayMs: retryDelay,
            handlers: {
              [PROCESS_TRANSACTION_JOB]: (job) => processTransaction(deps, String(job.payload.transactionId)),
            },
            onJobError: (error) => {
              if (!(error instanceof TransientCheckError)) options.onError?.(error);
            },
          },
          controller.signal,
        );
      } catch (error) {
        options.onError?.(error);
      }
      if (!controller.signal.aborted) await idle();
    }
  });
  return {
    wake() {
      const waiting = wakeUp;
      wakeUp = [];
      for (const resolve of waiting) resolve();
    },
    async stop() {
      controller.abort();
      this.wake();
      await Promise.all(loops);
    },
  };
}
