import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlatformClock } from '../clock/platform-clock.js';
import { type Period, periodEnd, periodOf, previousPeriod } from '../provider-reports/reporting-period.js';
import { type ClaimedJob, createJobQueue, runDueJobs } from '../queue/index.js';
import type { Queryable, Storage } from '../storage/index.js';
import {
  type GenerateRequest,
  type GenerateResult,
  generateViolationReport,
} from './generate-violation-report.js';
import type { ViolationThresholds } from './thresholds.js';

/** Job kind of the monthly violations report; payload `{ period, dueAt }` (dueAt on the Platform's clock). */
export const VIOLATION_REPORT_JOB = 'violation-report';
/** Key of the advisory lock under which processes (re)schedule, so a month never gets two pending jobs. */
const SCHEDULE_LOCK_KEY = 3_372_038;
const LEASE_MS = 10 * 60_000;

export type ViolationScheduler = {
  /** Makes the report on a month that has ended, with the configured thresholds (idempotent). */
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Makes sure the next run is queued and a missed month is caught up (called at start). */
  ensureScheduled(): Promise<void>;
  stop(): Promise<void>;
};

export type SchedulerDeps = {
  storage: Storage;
  clock: PlatformClock;
  thresholds: ViolationThresholds;
};

/**
 * The queue compares `run_at` with the database's real clock, while the 1st of the month is on the
 * Platform's clock, which the sandbox may move (S2.4): a job is due at `dueAt - offset`, re-aligned
 * whenever the offset changes. Production's offset is always 0.
 */
async function realign(tx: Queryable, offsetMs: number): Promise<void> {
  await tx.query(
    `UPDATE jobs SET run_at = (payload ->> 'dueAt')::timestamptz - $2::float8 * interval '1 millisecond'
     WHERE kind = $1 AND done_at IS NULL AND failed_at IS NULL
       AND (locked_until IS NULL OR locked_until <= now())`,
    [VIOLATION_REPORT_JOB, offsetMs],
  );
}

/**
 * F38: the violations report on each month is made at 00:00 on the 1st of the next month,
 * Asia/Ho_Chi_Minh time (UTC+7), by a durable job (src/queue), so it survives restarts and runs once
 * whichever process claims it. Every process keeps one job pending for the current month, and
 * catches up the previous month when it has no report (a server that was down on the 1st), unless
 * no provider was registered by then (a fresh installation owes no report on the past).
 */
export async function startViolationScheduler(
  deps: SchedulerDeps,
  options: { pollIntervalMs: number },
): Promise<ViolationScheduler> {
  const { storage, clock } = deps;
  const generate = (request: GenerateRequest) => generateViolationReport(storage, deps.thresholds, request);
  let alignedOffset: number | undefined;

  const ensureScheduled = async () => {
    const offset = clock.offsetMs();
    const now = clock.now();
    await storage.transaction(async (repos) => {
      await repos.tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEDULE_LOCK_KEY]);
      await realign(repos.tx, offset);
      const { rows } = await repos.tx.query<{ period: string }>(
        `SELECT payload ->> 'period' AS period FROM jobs
         WHERE kind = $1 AND done_at IS NULL AND failed_at IS NULL`,
        [VIOLATION_REPORT_JOB],
      );
      const pending = new Set(rows.map((row) => row.period));
      const queue = createJobQueue(repos.tx);
      const schedule = (period: Period) => {
        const dueAt = periodEnd(period);
        return queue.enqueue(
          VIOLATION_REPORT_JOB,
          { period, dueAt: dueAt.toISOString() },
          { runAt: new Date(dueAt.getTime() - offset), maxAttempts: 50 },
        );
      };
      const current = periodOf(now);
      if (!pending.has(current)) await schedule(current);
      const previous = previousPeriod(current);
      if (!pending.has(previous) && !(await repos.violationReports.latest(previous))) {
        const { rows: registered } = await repos.tx.query(
          'SELECT 1 FROM providers WHERE created_at < $1 LIMIT 1',
          [periodEnd(previous)],
        );
        if (registered.length > 0) await schedule(previous);
      }
    });
    alignedOffset = offset;
  };

  const runJob = async (job: ClaimedJob) => {
    const period = String(job.payload.period);
    const now = clock.now();
    // Claimed early only when another process moved the sandbox clock back a moment ago: retried.
    if (now.getTime() < periodEnd(period).getTime())
      throw new Error(`${period} has not ended on the Platform's clock`);
    await generate({ period, regenerate: false, by: 'scheduler', now });
    await ensureScheduled();
  };

  await ensureScheduled();
  const controller = new AbortController();
  const workerId = `${hostname()}:${process.pid}:violations`;
  const queue = createJobQueue(storage.db);
  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        if (clock.offsetMs() !== alignedOffset) await ensureScheduled();
        await runDueJobs(
          {
            queue,
            workerId,
            leaseMs: LEASE_MS,
            // A failed run is retried by the queue, its error kept in jobs.last_error.
            handlers: { [VIOLATION_REPORT_JOB]: runJob },
          },
          controller.signal,
        );
      } catch {
        // The database was unreachable for a moment: the next poll tries again.
      }
      await sleep(options.pollIntervalMs, undefined, { signal: controller.signal }).catch(() => {});
    }
  })();

  return {
    generate,
    ensureScheduled,
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
