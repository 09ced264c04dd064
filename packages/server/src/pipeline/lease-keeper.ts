import type { Queryable } from '../storage/database.js';
import { extendJobLeases, type TransactionJob } from '../storage/transaction-jobs.js';

/** Keeps the leases of the jobs this worker is running, so a short lease is safe for a slow check. */
export type LeaseKeeper = {
  hold(job: TransactionJob): void;
  release(job: TransactionJob): void;
  /** No renewal after this; resolves once a renewal under way has ended. */
  stop(): Promise<void>;
};

/**
 * Renews every held job's lease in one statement, every third of the lease: a renewal may fail
 * twice (a slow or briefly unreachable database) before another worker may claim the job. A job
 * whose lease was lost anyway is not renewed (its token no longer matches) and cannot be marked
 * done by this worker; whoever claimed it finds it again or final.
 */
export function keepLeases(
  q: Queryable,
  options: { workerId: string; leaseMs: number; onError?: (error: unknown) => void },
): LeaseKeeper {
  const held = new Map<number, TransactionJob>();
  let renewing: Promise<void> | undefined;
  const renew = () => {
    if (renewing || held.size === 0) return;
    renewing = extendJobLeases(q, {
      workerId: options.workerId,
      leaseMs: options.leaseMs,
      jobs: [...held.values()],
    })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        renewing = undefined;
      });
  };
  const timer = setInterval(renew, Math.max(1, Math.floor(options.leaseMs / 3)));
  // Renewal alone must not keep the process alive.
  timer.unref();
  return {
    hold(job) {
      held.set(job.id, job);
    },
    release(job) {
      held.delete(job.id);
    },
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}
