import type { Queryable } from './database.js';
import { toNumber } from './sql-values.js';
import {
  type TransactionFile,
  type TransactionFileRow,
  toTransactionFile,
} from './transaction-files-repo.js';
import { type StoredTransaction, type TransactionRow, toTransaction } from './transactions-repo.js';

/** A claimed job, identified as src/queue's lease token: (id, locked_by, attempts). */
export type TransactionJob = { id: number; attempts: number; lockedBy: string };

export type ClaimedTransaction = {
  job: TransactionJob;
  /** Undefined when the transaction is already final (a redelivered job): nothing is left to do. */
  transaction?: StoredTransaction;
  files: TransactionFile[];
  /**
   * A contract_id_seq value drawn for a transaction that may issue a contract ID (CONTRACT,
   * CONVERTED_PAPER): the ID is derived from it (src/ids) and stored only if every check passes.
   */
  contractSerial?: number;
};

export type ClaimTransactionsOptions = {
  workerId: string;
  leaseMs: number;
  /** Job kind whose payload is `{ transactionId }`. */
  kind: string;
  limit: number;
  /** Jobs of this worker finished since the last claim: marked done in the same statement. */
  completed: readonly { id: number; attempts: number }[];
};

type Row = TransactionRow & {
  job_id: unknown;
  job_attempts: unknown;
  files: TransactionFileRow[] | null;
  contract_serial: unknown;
};

/**
 * The pipeline's one statement per job (src/queue's claim, done and markProcessing, plus the file
 * list, which were four round trips): marks this worker's finished jobs done, claims up to `limit` due
 * jobs (FOR UPDATE SKIP LOCKED under a lease, as src/queue does), moves their transactions to
 * PROCESSING (only RECEIVED or PROCESSING ones) and returns them with their files, oldest job first.
 *
 * First received wins (F9, N3): a job is not claimed while an earlier received transaction with the
 * same document (received_at, then id) is not final, so that one gets the ID and this one is its
 * replay, or gets the ID if the earlier one failed. Lifecycle documents too: the same document twice
 * is then checked against the state the first one left (a second TERMINATION is refused), not raced.
 * A job held back costs nothing until the earlier job ends and wakes the runner. Always the earliest
 * in flight goes first, so none waits for good (migration 006 indexes the lookup).
 *
 * It also draws the contract ID's sequence value for each transaction that may issue one, so the
 * outcome is one statement too (pipeline/record-outcome.ts); a value whose checks fail, or whose job
 * is claimed again, is burnt (IDs have gaps, never repeats: src/ids).
 */
export async function claimTransactionJobs(
  q: Queryable,
  { workerId, leaseMs, kind, limit, completed }: ClaimTransactionsOptions,
): Promise<ClaimedTransaction[]> {
  const { rows } = await q.query<Row>(
    `WITH done AS (
       UPDATE jobs j SET done_at = now(), locked_by = NULL, locked_until = NULL
       FROM unnest($5::bigint[], $6::int[]) AS d (id, attempts)
       WHERE j.id = d.id AND j.locked_by = $1 AND j.attempts = d.attempts AND j.done_at IS NULL),
     job AS (
       UPDATE jobs SET locked_by = $1, locked_until = now() + $2::float8 * interval '1 millisecond',
         attempts = attempts + 1
       WHERE id IN (
         SELECT j.id FROM jobs j
         WHERE j.done_at IS NULL AND j.failed_at IS NULL AND j.run_at <= now()
           AND (j.locked_until IS NULL OR j.locked_until <= now()) AND j.kind = $3
           AND j.id <> ALL ($5::bigint[])
           AND NOT EXISTS (
             SELECT 1 FROM transactions t JOIN transactions earlier ON earlier.document_sha256 = t.document_sha256
             WHERE t.id = (j.payload ->> 'transactionId')::uuid AND t.status IN ('RECEIVED', 'PROCESSING')
               AND earlier.status IN ('RECEIVED', 'PROCESSING')
               AND (earlier.received_at, earlier.id) < (t.received_at, t.id))
         ORDER BY j.run_at, j.id
         LIMIT $4
         FOR UPDATE OF j SKIP LOCKED)
       RETURNING id, attempts, payload),
     tx AS (
       UPDATE transactions t SET status = 'PROCESSING', attempts = t.attempts + 1
       FROM job
       WHERE t.id = (job.payload ->> 'transactionId')::uuid AND t.status IN ('RECEIVED', 'PROCESSING')
       RETURNING t.*, job.id AS claimed_by_job,
         CASE WHEN t.kind <> 'LIFECYCLE' THEN nextval('contract_id_seq') END AS contract_serial)
     SELECT tx.*, job.id AS job_id, job.attempts AS job_attempts,
       (SELECT json_agg(f ORDER BY f.role, f.sha256) FROM transaction_files f WHERE f.transaction_id = tx.id)
         AS files
     FROM job LEFT JOIN tx ON tx.claimed_by_job = job.id
     ORDER BY job.id`,
    [workerId, leaseMs, kind, limit, completed.map((c) => c.id), completed.map((c) => c.attempts)],
  );
  return rows.map((row) => ({
    job: { id: toNumber(row.job_id), attempts: toNumber(row.job_attempts), lockedBy: workerId },
    transaction: row.id === null ? undefined : toTransaction(row),
    files: (row.files ?? []).map(toTransactionFile),
    contractSerial: row.contract_serial === null ? undefined : toNumber(row.contract_serial),
  }));
}

/**
 * Renews the leases of jobs this worker holds, in one statement. A job matches only under its lease
 * token (id, locked_by, attempts): one claimed again by another worker since (attempts moved on) or
 * already finished keeps its state.
 */
export async function extendJobLeases(
  q: Queryable,
  { workerId, leaseMs, jobs }: { workerId: string; leaseMs: number; jobs: readonly TransactionJob[] },
): Promise<void> {
  await q.query(
    `UPDATE jobs j SET locked_until = now() + $2::float8 * interval '1 millisecond'
     FROM unnest($3::bigint[], $4::int[]) AS h (id, attempts)
     WHERE j.id = h.id AND j.locked_by = $1 AND j.attempts = h.attempts AND j.done_at IS NULL`,
    [workerId, leaseMs, jobs.map((job) => job.id), jobs.map((job) => job.attempts)],
  );
}
