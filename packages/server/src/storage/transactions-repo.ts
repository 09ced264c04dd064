import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';
import type { JsonObject } from './json.js';
import { toDate, toJsonParam, toNumber, toOptional, toOptionalDate } from './sql-values.js';

export type TransactionKind = 'CONTRACT' | 'LIFECYCLE' | 'CONVERTED_PAPER';
/** N5, Art. 9.3: later documents attached to an existing contract ID. */
export type LifecycleType =
  | 'APPENDIX'
  | 'AMENDMENT'
  | 'SUPPLEMENT'
  | 'SUSPENSION'
  | 'RESUMPTION'
  | 'TERMINATION';
/** T10 sync status. */
export type TransactionStatus = 'RECEIVED' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
/** T10: format, business, file or signature error. */
export type FailureClass = 'FORMAT' | 'BUSINESS' | 'FILE' | 'SIGNATURE';
/** F36, F37: where a failed transaction stands in the explanation and re-push workflow. */
export type ExplanationStatus =
  | 'NONE'
  | 'AWAITING_EXPLANATION'
  | 'PENDING_APPROVAL'
  | 'APPROVED'
  | 'REJECTED'
  | 'REPUSHED';

export interface StoredTransaction {
  id: string;
  providerId: string;
  providerReference: string;
  kind: TransactionKind;
  lifecycleType?: LifecycleType;
  targetContractId?: string;
  status: TransactionStatus;
  failureClass?: FailureClass;
  explanationStatus: ExplanationStatus;
  /** Check results returned to the integrator (T9), e.g. `{ code, message, field }`. */
  errors: JsonObject[];
  payloadSha256: string;
  documentSha256?: string;
  contractId?: string;
  replay: boolean;
  late: boolean;
  lastSignedAt?: Date;
  receivedAt: Date;
  completedAt?: Date;
  attempts: number;
  receipt?: string;
  request: JsonObject;
  /** F36, F37: the failed transaction of the same reference this corrected package replaces. */
  supersedes?: string;
  /** F36, F37: the transaction that replaced this failed one (the reference's history is kept). */
  supersededBy?: string;
  /** F9 replay: this provider's reference that already holds the contract ID, when it is this provider's. */
  duplicateOfReference?: string;
}

export interface NewTransaction {
  providerId: string;
  providerReference: string;
  kind: TransactionKind;
  lifecycleType?: LifecycleType;
  targetContractId?: string;
  payloadSha256: string;
  documentSha256?: string;
  lastSignedAt?: Date;
  late?: boolean;
  /** Defaults to the database clock; the sandbox passes its shifted clock (S2.4). */
  receivedAt?: Date;
  request: JsonObject;
}

export interface TransactionRow {
  id: string;
  provider_id: string;
  provider_reference: string;
  kind: TransactionKind;
  lifecycle_type: LifecycleType | null;
  target_contract_id: string | null;
  status: TransactionStatus;
  failure_class: FailureClass | null;
  explanation_status: ExplanationStatus;
  errors: JsonObject[];
  payload_sha256: string;
  document_sha256: string | null;
  contract_id: string | null;
  replay: boolean;
  late: boolean;
  last_signed_at: Date | null;
  received_at: Date;
  completed_at: Date | null;
  attempts: number;
  receipt: string | null;
  request: JsonObject;
  supersedes: string | null;
  superseded_by: string | null;
  duplicate_of_reference: string | null;
}

export function toTransaction(row: TransactionRow): StoredTransaction {
  return {
    id: row.id,
    providerId: row.provider_id,
    providerReference: row.provider_reference,
    kind: row.kind,
    lifecycleType: toOptional(row.lifecycle_type),
    targetContractId: toOptional(row.target_contract_id),
    status: row.status,
    failureClass: toOptional(row.failure_class),
    explanationStatus: row.explanation_status,
    errors: row.errors,
    payloadSha256: row.payload_sha256,
    documentSha256: toOptional(row.document_sha256),
    contractId: toOptional(row.contract_id),
    replay: row.replay,
    late: row.late,
    lastSignedAt: toOptionalDate(row.last_signed_at),
    receivedAt: toDate(row.received_at),
    completedAt: toOptionalDate(row.completed_at),
    attempts: toNumber(row.attempts),
    receipt: toOptional(row.receipt),
    request: row.request,
    supersedes: toOptional(row.supersedes),
    supersededBy: toOptional(row.superseded_by),
    duplicateOfReference: toOptional(row.duplicate_of_reference),
  };
}

export interface TransactionListQuery {
  providerId: string;
  status?: TransactionStatus;
  /** Newest first; pass the last `receivedAt` seen to page back in time. */
  receivedBefore?: Date;
  limit?: number;
}

/** Filters of the transaction list (T10); `providerId` undefined means every provider (operators). */
export interface TransactionPageQuery {
  providerId?: string;
  status?: TransactionStatus;
  kind?: TransactionKind;
  failureClass?: FailureClass;
  explanationStatus?: ExplanationStatus;
  receivedFrom?: Date;
  receivedTo?: Date;
  providerReference?: string;
  /** F9: only duplicates (true) or only the others (false). */
  replay?: boolean;
  /** Keyset: rows strictly after this one in (received_at DESC, id DESC) order. */
  after?: { receivedAt: Date; id: string };
  limit: number;
}

export type TransactionsRepo = ReturnType<typeof createTransactionsRepo>;

export function createTransactionsRepo(q: Queryable) {
  const findByReference = async (providerId: string, providerReference: string) => {
    const { rows } = await q.query<TransactionRow>(
      // The current transaction of the reference: the one no corrected package superseded (F36, F37).
      'SELECT * FROM transactions WHERE provider_id = $1 AND provider_reference = $2 AND superseded_by IS NULL',
      [providerId, providerReference],
    );
    return rows[0] && toTransaction(rows[0]);
  };

  const queryOne = async (sql: string, params: unknown[]) => {
    const { rows } = await q.query<TransactionRow>(sql, params);
    return rows[0] && toTransaction(rows[0]);
  };

  return {
    findByReference,

    /**
     * T5/T10: records a submission once. A second submission with the same provider reference returns the
     * current row with `created: false` (the caller compares payloadSha256 to tell a retry from a clash,
     * or from a corrected package: `supersede`).
     */
    async insert(transaction: NewTransaction): Promise<{ transaction: StoredTransaction; created: boolean }> {
      const { rows } = await q.query<TransactionRow>(
        `INSERT INTO transactions (provider_id, provider_reference, kind, lifecycle_type, target_contract_id,
           payload_sha256, document_sha256, last_signed_at, late, received_at, request)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, now()), $11::text::jsonb)
         ON CONFLICT (provider_id, provider_reference) WHERE superseded_by IS NULL DO NOTHING
         RETURNING *`,
        [
          transaction.providerId,
          transaction.providerReference,
          transaction.kind,
          transaction.lifecycleType ?? null,
          transaction.targetContractId ?? null,
          transaction.payloadSha256,
          transaction.documentSha256 ?? null,
          transaction.lastSignedAt ?? null,
          transaction.late ?? false,
          transaction.receivedAt ?? null,
          toJsonParam(transaction.request),
        ],
      );
      if (rows[0]) return { transaction: toTransaction(rows[0]), created: true };
      const existing = await findByReference(transaction.providerId, transaction.providerReference);
      if (!existing) throw new Error('transaction vanished between INSERT and SELECT');
      return { transaction: existing, created: false };
    },

    /**
     * F36, F37: a corrected package for a FAILED transaction whose re-push was APPROVED becomes its
     * successor under the same reference: the failed one is marked REPUSHED and superseded (it stays,
     * as history), then the successor is inserted naming it. Only such a row moves, so of concurrent
     * corrections one wins; undefined when the failed one is not (or no longer) in that state. Runs
     * inside the caller's database transaction, with the successor's files and job.
     */
    async supersede(failedId: string, successor: NewTransaction): Promise<StoredTransaction | undefined> {
      const id = randomUUID();
      const { rows } = await q.query<{ id: string }>(
        `UPDATE transactions SET superseded_by = $2, explanation_status = 'REPUSHED'
         WHERE id = $1 AND status = 'FAILED' AND explanation_status = 'APPROVED' AND superseded_by IS NULL
         RETURNING id`,
        [failedId, id],
      );
      if (!rows[0]) return undefined;
      return queryOne(
        `INSERT INTO transactions (id, provider_id, provider_reference, kind, lifecycle_type, target_contract_id,
           payload_sha256, document_sha256, received_at, request, supersedes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()), $10::text::jsonb, $11)
         RETURNING *`,
        [
          id,
          successor.providerId,
          successor.providerReference,
          successor.kind,
          successor.lifecycleType ?? null,
          successor.targetContractId ?? null,
          successor.payloadSha256,
          successor.documentSha256 ?? null,
          successor.receivedAt ?? null,
          toJsonParam(successor.request),
          failedId,
        ],
      );
    },

    async findById(id: string): Promise<StoredTransaction | undefined> {
      const { rows } = await q.query<TransactionRow>('SELECT * FROM transactions WHERE id = $1', [id]);
      return rows[0] && toTransaction(rows[0]);
    },

    /** Newest first (T10 sync history, F36 failed list). */
    async list({ providerId, status, receivedBefore, limit = 100 }: TransactionListQuery) {
      const { rows } = await q.query<TransactionRow>(
        `SELECT * FROM transactions
         WHERE provider_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::timestamptz IS NULL OR received_at < $3)
         ORDER BY received_at DESC, id DESC LIMIT $4`,
        [providerId, status ?? null, receivedBefore ?? null, limit],
      );
      return rows.map(toTransaction);
    },

    /** T10: newest first, filtered, keyset-paginated (stable while new rows arrive). */
    async page(query: TransactionPageQuery): Promise<StoredTransaction[]> {
      const { rows } = await q.query<TransactionRow>(
        `SELECT * FROM transactions
         WHERE ($1::text IS NULL OR provider_id = $1)
           AND ($2::text IS NULL OR status = $2)
           AND ($3::text IS NULL OR kind = $3)
           AND ($4::text IS NULL OR failure_class = $4)
           AND ($5::timestamptz IS NULL OR received_at >= $5)
           AND ($6::timestamptz IS NULL OR received_at < $6)
           AND ($7::text IS NULL OR provider_reference = $7)
           AND ($8::timestamptz IS NULL OR (received_at, id) < ($8, $9::uuid))
           AND ($11::text IS NULL OR explanation_status = $11)
           AND ($12::boolean IS NULL OR replay = $12)
         ORDER BY received_at DESC, id DESC LIMIT $10`,
        [
          query.providerId ?? null,
          query.status ?? null,
          query.kind ?? null,
          query.failureClass ?? null,
          query.receivedFrom ?? null,
          query.receivedTo ?? null,
          query.providerReference ?? null,
          query.after?.receivedAt ?? null,
          query.after?.id ?? null,
          query.limit,
          query.explanationStatus ?? null,
          query.replay ?? null,
        ],
      );
      return rows.map(toTransaction);
    },

    /** F10: the lifecycle documents stored under a contract, oldest first. */
    async listSucceededLifecycle(contractId: string): Promise<StoredTransaction[]> {
      const { rows } = await q.query<TransactionRow>(
        `SELECT * FROM transactions WHERE contract_id = $1 AND kind = 'LIFECYCLE' AND status = 'SUCCEEDED'
         ORDER BY completed_at, id`,
        [contractId],
      );
      return rows.map(toTransaction);
    },

    /** Starts (another) processing attempt; only RECEIVED or PROCESSING rows move. */
    markProcessing(id: string): Promise<StoredTransaction | undefined> {
      return queryOne(
        `UPDATE transactions SET status = 'PROCESSING', attempts = attempts + 1
         WHERE id = $1 AND status IN ('RECEIVED', 'PROCESSING') RETURNING *`,
        [id],
      );
    },

    markSucceeded(
      id: string,
      outcome: {
        contractId: string;
        replay: boolean;
        receipt?: string;
        completedAt?: Date;
        late?: boolean;
        lastSignedAt?: Date;
      },
    ): Promise<StoredTransaction | undefined> {
      return queryOne(
        `UPDATE transactions SET status = 'SUCCEEDED', failure_class = NULL, errors = '[]', contract_id = $2,
           replay = $3, receipt = $4, completed_at = COALESCE($5, now()), late = $6,
           last_signed_at = COALESCE($7, last_signed_at),
           -- F9 replay: the reference that holds the ID, only when it is this provider's own.
           duplicate_of_reference = CASE WHEN $3 THEN (
             SELECT source.provider_reference FROM contracts c
             JOIN transactions source ON source.id = c.source_transaction_id
             WHERE c.id = $2 AND source.provider_id = transactions.provider_id) END
         WHERE id = $1 RETURNING *`,
        [
          id,
          outcome.contractId,
          outcome.replay,
          outcome.receipt ?? null,
          outcome.completedAt ?? null,
          outcome.late ?? false,
          outcome.lastSignedAt ?? null,
        ],
      );
    },

    markFailed(
      id: string,
      outcome: { failureClass: FailureClass; errors: JsonObject[]; completedAt?: Date; receipt?: string },
    ): Promise<StoredTransaction | undefined> {
      return queryOne(
        `UPDATE transactions SET status = 'FAILED', failure_class = $2, errors = $3::text::jsonb,
           completed_at = COALESCE($4, now()), receipt = $5, explanation_status = 'AWAITING_EXPLANATION'
         WHERE id = $1 RETURNING *`,
        [
          id,
          outcome.failureClass,
          toJsonParam(outcome.errors),
          outcome.completedAt ?? null,
          outcome.receipt ?? null,
        ],
      );
    },

    /**
     * F37: an operator approved re-pushing a failed transaction; it is processed again from RECEIVED.
     * Only an APPROVED one moves, so two concurrent re-pushes queue it once.
     */
    requeueFailed(id: string): Promise<StoredTransaction | undefined> {
      return queryOne(
        `UPDATE transactions SET status = 'RECEIVED', failure_class = NULL, errors = '[]', completed_at = NULL,
           explanation_status = 'REPUSHED'
         WHERE id = $1 AND status = 'FAILED' AND explanation_status = 'APPROVED' RETURNING *`,
        [id],
      );
    },

    /**
     * The same package resubmitted after the Platform failed it (no failure class, PROCESSING_FAILED):
     * it is processed again from RECEIVED, as new work. Only such a row moves, once per resubmission.
     */
    requeueResubmitted(id: string): Promise<StoredTransaction | undefined> {
      return queryOne(
        `UPDATE transactions SET status = 'RECEIVED', errors = '[]', completed_at = NULL, receipt = NULL
         WHERE id = $1 AND status = 'FAILED' AND failure_class IS NULL RETURNING *`,
        [id],
      );
    },

    /**
     * F36, F37: moves failed transactions from one of `from` to `to`; returns the ids that moved, so the
     * caller can tell which ones were not in an expected state (a concurrent change never slips through).
     */
    async moveExplanationStatus(
      ids: readonly string[],
      from: readonly ExplanationStatus[],
      to: ExplanationStatus,
    ): Promise<string[]> {
      const { rows } = await q.query<{ id: string }>(
        `UPDATE transactions SET explanation_status = $3
         WHERE id = ANY ($1::uuid[]) AND status = 'FAILED' AND explanation_status = ANY ($2::text[])
         RETURNING id`,
        [ids, from, to],
      );
      return rows.map((row) => row.id);
    },

    /** F35 reconciliation: counts per status for one provider, optionally within [from, to). */
    async countByStatus(
      providerId: string,
      period: { from?: Date; to?: Date } = {},
    ): Promise<Record<TransactionStatus, number>> {
      const { rows } = await q.query<{ status: TransactionStatus; count: unknown }>(
        `SELECT status, count(*) AS count FROM transactions
         WHERE provider_id = $1 AND ($2::timestamptz IS NULL OR received_at >= $2)
           AND ($3::timestamptz IS NULL OR received_at < $3)
         GROUP BY status`,
        [providerId, period.from ?? null, period.to ?? null],
      );
      const counts = { RECEIVED: 0, PROCESSING: 0, SUCCEEDED: 0, FAILED: 0 };
      for (const row of rows) counts[row.status] = toNumber(row.count);
      return counts;
    },
  };
}
