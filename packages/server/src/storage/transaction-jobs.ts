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
         SELECT id FROM jobs
         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()
           AND (locked_until IS NULL OR locked_until <= now()) AND kind = $3
           AND id <> ALL ($5::bigint[])
         ORDER BY run_at, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
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
