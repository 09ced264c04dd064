import { CONTRACT_COLUMNS, contractValues, type NewContract } from './contracts-repo.js';
import type { Queryable } from './database.js';
import { type DocumentKind, type FileFacts, fileFactColumns } from './document-kind.js';
import type { JsonObject } from './json.js';
import { toJsonParam, toNumber } from './sql-values.js';
import type { FailureClass } from './transactions-repo.js';

/** The provider's result webhook (webhooks/enqueue-transaction-result.ts), less its callback URL. */
export type OutcomeWebhook = { bodyText: string; dedupeKey: string; createdAt: Date };

/**
 * Queues the webhook of the transaction updated by the CTE `t` (which returns its provider_id) when
 * the provider has a callback URL and a webhook secret, as enqueueTransactionResult does.
 */
const webhookOf = (body: string, dedupeKey: string, createdAt: string) => `
  webhook AS (
    INSERT INTO outbox (provider_id, channel, kind, recipient, body_text, dedupe_key, created_at)
    SELECT p.id, 'WEBHOOK', 'TRANSACTION_COMPLETED', p.callback_url, ${body}, ${dedupeKey}, ${createdAt}
    FROM t JOIN providers p ON p.id = t.provider_id
    WHERE p.callback_url <> '' AND p.webhook_secret_sealed <> ''
    ON CONFLICT (dedupe_key) DO NOTHING)`;

export type IssuedContract = {
  contract: NewContract;
  /** Every file of the transaction, stored as a document of the new contract. */
  documents: (FileFacts & { kind: DocumentKind })[];
  receipt: string;
  lastSignedAt?: Date;
  webhook: OutcomeWebhook;
};

/**
 * F9, F4: the success of a transaction that issues a new contract ID, in ONE statement (instead of
 * BEGIN, the contract, its documents, the transaction, the provider, the webhook and COMMIT): the
 * contract row, its documents, the transaction SUCCEEDED with its signed receipt, and the provider's
 * webhook. A single statement is atomic: a crash leaves all of it or none (the job then runs again).
 *
 * Returns false, having stored nothing, when the document already has a contract (a replay, or a
 * concurrent transaction with the same document won): the caller then takes the general path.
 */
export async function recordIssuedContract(q: Queryable, issued: IssuedContract): Promise<boolean> {
  const { contract, documents, webhook } = issued;
  const { rows } = await q.query<{ issued: unknown }>(
    `WITH c AS (
       INSERT INTO contracts (${CONTRACT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (document_sha256) DO NOTHING
       RETURNING id),
     d AS (
       INSERT INTO documents (contract_id, transaction_id, kind, sha256, size, media_type, file_name, blob_key)
       SELECT c.id, $14, f.kind, f.sha256, f.size, f.media_type, f.file_name, f.blob_key
       FROM c, unnest($15::text[], $16::text[], $17::bigint[], $18::text[], $19::text[], $20::text[])
         AS f (kind, sha256, size, media_type, file_name, blob_key)
       ON CONFLICT (contract_id, sha256) DO NOTHING),
     t AS (
       UPDATE transactions SET status = 'SUCCEEDED', failure_class = NULL, errors = '[]', contract_id = c.id,
         replay = false, receipt = $21, completed_at = $12, late = $13,
         last_signed_at = COALESCE($22, last_signed_at)
       FROM c WHERE transactions.id = $14
       RETURNING transactions.provider_id),
     ${webhookOf('$23', '$24', '$25')}
     SELECT count(*) AS issued FROM t`,
    [
      ...contractValues(contract),
      documents.map((d) => d.kind),
      ...fileFactColumns(documents),
      issued.receipt,
      issued.lastSignedAt ?? null,
      webhook.bodyText,
      webhook.dedupeKey,
      webhook.createdAt,
    ],
  );
  return toNumber(rows[0]?.issued ?? 0) === 1;
}

export type FailedTransaction = {
  transactionId: string;
  /** None when the Platform failed it (PROCESSING_FAILED): the provider has nothing to explain (F36). */
  failureClass?: FailureClass;
  errors: JsonObject[];
  completedAt: Date;
  receipt: string;
  webhook: OutcomeWebhook;
};

/**
 * T9, T10, F4: a transaction FAILED with its class, findings and signed receipt (awaiting the
 * provider's explanation, F36), and the provider's webhook, in one statement.
 */
export async function recordFailedTransaction(q: Queryable, failed: FailedTransaction): Promise<void> {
  await q.query(
    `WITH t AS (
       UPDATE transactions SET status = 'FAILED', failure_class = $2, errors = $3::text::jsonb,
         completed_at = $4, receipt = $5,
         explanation_status = CASE WHEN $2::text IS NULL THEN 'NONE' ELSE 'AWAITING_EXPLANATION' END
       WHERE id = $1
       RETURNING provider_id),
     ${webhookOf('$6', '$7', '$4')}
     SELECT count(*) FROM t`,
    [
      failed.transactionId,
      failed.failureClass ?? null,
      toJsonParam(failed.errors),
      failed.completedAt,
      failed.receipt,
      failed.webhook.bodyText,
      failed.webhook.dedupeKey,
    ],
  );
}
