import { setTimeout as sleep } from 'node:timers/promises';
import type { ClaimedJob, JobQueue } from './job-queue.js';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

export interface WorkerOptions {
  queue: JobQueue;
  workerId: string;
  /** Handlers by job kind; only these kinds are claimed. Handlers must be idempotent (at-least-once). */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Longer than the slowest handler, or call queue.extendLease while working. */
  leaseMs: number;
  /** Delay before retrying a failed attempt; default exponential from 1 s, capped at 15 min. */
  retryDelayMs?: (attempts: number) => number;
  /** Told about handler failures (the job is retried or parked; nothing is thrown). */
  onJobError?: (error: unknown, job: ClaimedJob) => void;
}

const MAX_ERROR_LENGTH = 2000;

export function exponentialRetryDelay(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 15 * 60 * 1000);
}

/** Claims and runs due jobs one at a time until none is left (or `signal` aborts); returns how many ran. */
export async function runDueJobs(options: WorkerOptions, signal?: AbortSignal): Promise<number> {
  const { queue, workerId, handlers, leaseMs } = options;
  const kinds = Object.keys(handlers);
  let ran = 0;
  while (!signal?.aborted) {
    const [job] = await queue.claim({ workerId, leaseMs, kinds, limit: 1 });
    if (!job) return ran;
    await runOne(job, options);
    ran++;
  }
  return ran;
}

async function runOne(job: ClaimedJob, options: WorkerOptions): Promise<void> {
  const handler = options.handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler(job);
    await options.queue.complete(job);
  } catch (error) {
    options.onJobError?.(error, job);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const retryDelay = options.retryDelayMs ?? exponentialRetryDelay;
    await options.queue.fail(job, message, retryDelay(job.attempts));
  }
}

export interface RunningWorker {
  /** Finishes the job in hand, then resolves. */
  stop(): Promise<void>;
}

export interface PollingWorkerOptions extends WorkerOptions {
  pollIntervalMs: number;
  /** Told when polling itself failed (e.g. database briefly unreachable); polling goes on. */
  onPollError?: (error: unknown) => void;
}

/** Polls the queue in the background until stopped. */
export function startWorker(options: PollingWorkerOptions): RunningWorker {
  const controller = new AbortController();
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        await runDueJobs(options, controller.signal);
      } catch (error) {
        options.onPollError?.(error);
      }
      await sleep(options.pollIntervalMs, undefined, { signal: controller.signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
