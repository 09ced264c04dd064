import type { Queryable } from './database.js';
import { type FileFacts, fileFactColumns } from './document-kind.js';
import { isUniqueViolation } from './errors.js';
import type { JsonObject, JsonValue } from './json.js';
import { toJsonParam, toNumber } from './sql-values.js';
import type { NewTransaction } from './transactions-repo.js';

/** A new submission with everything the intake stores about it (T5), the id chosen by the caller. */
export type ReceivedSubmission = NewTransaction & {
  id: string;
  receivedAt: Date;
  files: (FileFacts & { role: string })[];
  /** Job enqueued with `{ transactionId }` as its payload (src/queue's jobs table). */
  job: { kind: string; maxAttempts: number };
  /** The key and the response to store for it, when the request carried an Idempotency-Key. */
  idempotency?: { key: string; requestSha256: string; response: { status: number; body: JsonValue } };
};

/**
 * Stores a new submission in ONE statement: the transaction row, its files, its processing job and
 * the idempotent response (instead of eight round trips in a database transaction). A single
 * statement is atomic, so the rows exist all together or not at all.
 *
 * Returns false, having stored nothing, whenever the submission is not simply new: the provider
 * reference is taken (a retry, or a clash), or the Idempotency-Key is known or being claimed
 * concurrently. The caller then takes the general path, which tells these cases apart.
 */
export async function insertReceivedSubmission(q: Queryable, s: ReceivedSubmission): Promise<boolean> {
  const idem = s.idempotency;
  try {
    const { rows } = await q.query<{ created: unknown }>(
      `WITH tx AS (
         INSERT INTO transactions (id, provider_id, provider_reference, kind, lifecycle_type, target_contract_id,
           payload_sha256, document_sha256, received_at, request)
         SELECT $1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb
         WHERE $11::text IS NULL
           OR NOT EXISTS (SELECT 1 FROM idempotency_keys WHERE provider_id = $2 AND key = $11)
         ON CONFLICT (provider_id, provider_reference) WHERE superseded_by IS NULL DO NOTHING
         RETURNING id),
       files AS (
         INSERT INTO transaction_files (transaction_id, role, sha256, size, media_type, file_name, blob_key)
         SELECT tx.id, f.role, f.sha256, f.size, f.media_type, f.file_name, f.blob_key
         FROM tx, unnest($12::text[], $13::text[], $14::bigint[], $15::text[], $16::text[], $17::text[])
           AS f (role, sha256, size, media_type, file_name, blob_key)
         ON CONFLICT DO NOTHING),
       job AS (
         INSERT INTO jobs (kind, payload, max_attempts)
         SELECT $18, jsonb_build_object('transactionId', tx.id), $22 FROM tx),
       idem AS (
         INSERT INTO idempotency_keys (provider_id, key, request_sha256, response_status, response_body)
         SELECT $2, $11, $19, $20, $21::text::jsonb FROM tx WHERE $11::text IS NOT NULL)
       SELECT count(*) AS created FROM tx`,
      [
        s.id,
        s.providerId,
        s.providerReference,
        s.kind,
        s.lifecycleType ?? null,
        s.targetContractId ?? null,
        s.payloadSha256,
        s.documentSha256 ?? null,
        s.receivedAt,
        toJsonParam(s.request),
        idem?.key ?? null,
        s.files.map((f) => f.role),
        ...fileFactColumns(s.files),
        s.job.kind,
        idem?.requestSha256 ?? null,
        idem?.response.status ?? null,
        idem ? toJsonParam(idem.response.body as JsonObject) : null,
        s.job.maxAttempts,
      ],
    );
    return toNumber(rows[0]?.created) === 1;
  } catch (error) {
    // The key was claimed by a concurrent request after this statement's snapshot: nothing was stored.
    if (isUniqueViolation(error, 'idempotency_keys_pkey')) return false;
    throw error;
  }
}
