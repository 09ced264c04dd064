import type { Queryable } from '../storage/database.js';
import type { JsonObject } from '../storage/json.js';
import { toDate, toJsonParam, toNumber, toOptional, toOptionalDate } from '../storage/sql-values.js';

export interface Job {
  id: number;
  kind: string;
  payload: JsonObject;
  runAt: Date;
  /** Claims so far, including the current one. */
  attempts: number;
  maxAttempts: number;
  lockedBy?: string;
  lockedUntil?: Date;
  lastError?: string;
  doneAt?: Date;
  failedAt?: Date;
}

export interface EnqueueOptions {
  /** Not before this instant; default now. */
  runAt?: Date;
  maxAttempts?: number;
}

export interface ClaimOptions {
  /** Identifies this worker in locked_by (e.g. `host:pid:n`). */
  workerId: string;
  /** How long the job stays ours; after that any worker may claim it again (crash recovery). */
  leaseMs: number;
  kinds?: readonly string[];
  limit?: number;
}

interface JobRow {
  id: unknown;
  kind: string;
  payload: JsonObject;
  run_at: Date;
  attempts: unknown;
  max_attempts: unknown;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  done_at: Date | null;
  failed_at: Date | null;
}

function toJob(row: JobRow): Job {
  return {
    id: toNumber(row.id),
    kind: row.kind,
    payload: row.payload,
    runAt: toDate(row.run_at),
    attempts: toNumber(row.attempts),
    maxAttempts: toNumber(row.max_attempts),
    lockedBy: toOptional(row.locked_by),
    lockedUntil: toOptionalDate(row.locked_until),
    lastError: toOptional(row.last_error),
    doneAt: toOptionalDate(row.done_at),
    failedAt: toOptionalDate(row.failed_at),
  };
}

/**
 * A job as returned by `claim`: (locked_by, attempts) is the lease token, so a worker whose lease expired
 * and was taken over cannot complete or fail the job any more, even under the same worker id.
 */
export type ClaimedJob = Job & { lockedBy: string };

export type JobQueue = ReturnType<typeof createJobQueue>;

/**
 * Durable at-least-once queue in the `jobs` table, shared by all server processes. Lease times use the
 * database clock so workers on different machines agree on expiry. Bind it to a transaction (`tx`) to
 * enqueue atomically with the rows that need the work (e.g. a received submission).
 */
export function createJobQueue(q: Queryable) {
  return {
    async enqueue(kind: string, payload: JsonObject, options: EnqueueOptions = {}): Promise<Job> {
      const { rows } = await q.query<JobRow>(
        `INSERT INTO jobs (kind, payload, run_at, max_attempts)
         VALUES ($1, $2::text::jsonb, COALESCE($3, now()), $4) RETURNING *`,
        [kind, toJsonParam(payload), options.runAt ?? null, options.maxAttempts ?? 10],
      );
      return toJob(rows[0]!);
    },

    /**
     * Takes up to `limit` due jobs that are unlocked or whose lease expired. SKIP LOCKED lets concurrent
     * workers pass over rows another worker is claiming right now, so no job is handed out twice.
     */
    async claim({ workerId, leaseMs, kinds, limit = 1 }: ClaimOptions): Promise<ClaimedJob[]> {
      const { rows } = await q.query<JobRow>(
        `UPDATE jobs SET locked_by = $1, locked_until = now() + $2::float8 * interval '1 millisecond',
           attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM jobs
           WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
             AND (locked_until IS NULL OR locked_until <= now())
             AND ($3::text[] IS NULL OR kind = ANY ($3::text[]))
           ORDER BY run_at, id
           LIMIT $4
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [workerId, leaseMs, kinds ? [...kinds] : null, limit],
      );
      return rows.map((row) => ({ ...toJob(row), lockedBy: workerId })).sort((a, b) => a.id - b.id);
    },

    /** Marks the job done. False when our lease was lost (another worker claimed the job again). */
    async complete(job: ClaimedJob): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE jobs SET done_at = now(), locked_by = NULL, locked_until = NULL
         WHERE id = $1 AND locked_by = $2 AND attempts = $3 AND done_at IS NULL`,
        [job.id, job.lockedBy, job.attempts],
      );
      return rowCount === 1;
    },

    /**
     * Records a failed attempt: retried after `retryInMs`, or parked for good (failed_at) once
     * max_attempts claims were used. False when our lease was lost.
     */
    async fail(job: ClaimedJob, error: string, retryInMs: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE jobs SET last_error = $3, locked_by = NULL, locked_until = NULL,
           run_at = now() + $4::float8 * interval '1 millisecond',
           failed_at = CASE WHEN attempts >= max_attempts THEN now() END
         WHERE id = $1 AND locked_by = $2 AND attempts = $5 AND done_at IS NULL`,
        [job.id, job.lockedBy, error, retryInMs, job.attempts],
      );
      return rowCount === 1;
    },

    /** Keeps a long-running job ours. False when the lease was already lost. */
    async extendLease(job: ClaimedJob, leaseMs: number): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE jobs SET locked_until = now() + $4::float8 * interval '1 millisecond'
         WHERE id = $1 AND locked_by = $2 AND attempts = $3 AND done_at IS NULL`,
        [job.id, job.lockedBy, job.attempts, leaseMs],
      );
      return rowCount === 1;
    },

    async findById(id: number): Promise<Job | undefined> {
      const { rows } = await q.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
      return rows[0] && toJob(rows[0]);
    },
  };
}
