import type { Queryable } from './database.js';
import { toDate, toNumber, toOptional, toOptionalDate } from './sql-values.js';

/** F37: an explanation is pending until an operator approves or rejects it. */
export type ExplanationState = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface ExplanationAttachmentFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

export interface ExplainedTransaction {
  transactionId: string;
  providerReference: string;
  repushedAt?: Date;
  repushedBy?: string;
}

/** F36, F37: a provider's explanation of failed transactions, with who did what and when. */
export interface StoredExplanation {
  id: string;
  providerId: string;
  state: ExplanationState;
  text: string;
  submittedAt: Date;
  submittedBy: string;
  decidedAt?: Date;
  decidedBy?: string;
  decisionReason?: string;
  transactions: ExplainedTransaction[];
  attachments: ExplanationAttachmentFile[];
}

export interface NewExplanation {
  providerId: string;
  text: string;
  submittedAt: Date;
  submittedBy: string;
  transactionIds: readonly string[];
  attachments: readonly ExplanationAttachmentFile[];
}

/** Newest first, keyset-paginated; `providerId` undefined means every provider (operators). */
export interface ExplanationPageQuery {
  providerId?: string;
  state?: ExplanationState;
  transactionId?: string;
  after?: { submittedAt: Date; id: string };
  limit: number;
}

interface ExplanationRow {
  id: string;
  provider_id: string;
  state: ExplanationState;
  text: string;
  submitted_at: Date;
  submitted_by: string;
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason: string | null;
}

interface LinkRow {
  explanation_id: string;
  transaction_id: string;
  provider_reference: string;
  repushed_at: Date | null;
  repushed_by: string | null;
}

interface AttachmentRow {
  explanation_id: string;
  file_name: string;
  media_type: string;
  size: unknown;
  sha256: string;
  blob_key: string;
}

export type ExplanationsRepo = ReturnType<typeof createExplanationsRepo>;

export function createExplanationsRepo(q: Queryable) {
  /** Explanation rows completed with their transactions and attachments, in the rows' order. */
  const withDetails = async (rows: ExplanationRow[]): Promise<StoredExplanation[]> => {
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const links = await q.query<LinkRow>(
      `SELECT et.explanation_id, et.transaction_id, t.provider_reference, et.repushed_at, et.repushed_by
       FROM explanation_transactions et JOIN transactions t ON t.id = et.transaction_id
       WHERE et.explanation_id = ANY ($1::uuid[]) ORDER BY t.received_at, t.id`,
      [ids],
    );
    const files = await q.query<AttachmentRow>(
      `SELECT explanation_id, file_name, media_type, size, sha256, blob_key FROM explanation_attachments
       WHERE explanation_id = ANY ($1::uuid[]) ORDER BY position`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      providerId: row.provider_id,
      state: row.state,
      text: row.text,
      submittedAt: toDate(row.submitted_at),
      submittedBy: row.submitted_by,
      decidedAt: toOptionalDate(row.decided_at),
      decidedBy: toOptional(row.decided_by),
      decisionReason: toOptional(row.decision_reason),
      transactions: links.rows
        .filter((link) => link.explanation_id === row.id)
        .map((link) => ({
          transactionId: link.transaction_id,
          providerReference: link.provider_reference,
          repushedAt: toOptionalDate(link.repushed_at),
          repushedBy: toOptional(link.repushed_by),
        })),
      attachments: files.rows
        .filter((file) => file.explanation_id === row.id)
        .map((file) => ({
          fileName: file.file_name,
          mediaType: file.media_type,
          size: toNumber(file.size),
          sha256: file.sha256,
          blobKey: file.blob_key,
        })),
    }));
  };

  const findById = async (id: string): Promise<StoredExplanation | undefined> => {
    const { rows } = await q.query<ExplanationRow>('SELECT * FROM explanations WHERE id = $1', [id]);
    return (await withDetails(rows))[0];
  };

  return {
    findById,

    /** Stores the explanation, its transactions and its attachments (blobs already written). */
    async insert(explanation: NewExplanation): Promise<StoredExplanation> {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO explanations (provider_id, text, submitted_at, submitted_by) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [explanation.providerId, explanation.text, explanation.submittedAt, explanation.submittedBy],
      );
      const id = rows[0]!.id;
      await q.query(
        `INSERT INTO explanation_transactions (explanation_id, transaction_id)
         SELECT $1, unnest($2::uuid[])`,
        [id, explanation.transactionIds],
      );
      for (const [position, file] of explanation.attachments.entries()) {
        await q.query(
          `INSERT INTO explanation_attachments
             (explanation_id, position, file_name, media_type, size, sha256, blob_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, position, file.fileName, file.mediaType, file.size, file.sha256, file.blobKey],
        );
      }
      const stored = await findById(id);
      if (!stored) throw new Error('explanation vanished after INSERT');
      return stored;
    },

    async page(query: ExplanationPageQuery): Promise<StoredExplanation[]> {
      const { rows } = await q.query<ExplanationRow>(
        `SELECT * FROM explanations e
         WHERE ($1::text IS NULL OR provider_id = $1)
           AND ($2::text IS NULL OR state = $2)
           AND ($3::uuid IS NULL OR EXISTS (
             SELECT 1 FROM explanation_transactions et WHERE et.explanation_id = e.id AND et.transaction_id = $3))
           AND ($4::timestamptz IS NULL OR (submitted_at, id) < ($4, $5::uuid))
         ORDER BY submitted_at DESC, id DESC LIMIT $6`,
        [
          query.providerId ?? null,
          query.state ?? null,
          query.transactionId ?? null,
          query.after?.submittedAt ?? null,
          query.after?.id ?? null,
          query.limit,
        ],
      );
      return withDetails(rows);
    },

    /** F37: records the decision once; false when the explanation was no longer PENDING. */
    async decide(
      id: string,
      decision: { state: 'APPROVED' | 'REJECTED'; reason: string; decidedBy: string; decidedAt: Date },
    ): Promise<boolean> {
      const { rowCount } = await q.query(
        `UPDATE explanations SET state = $2, decision_reason = $3, decided_by = $4, decided_at = $5
         WHERE id = $1 AND state = 'PENDING'`,
        [id, decision.state, decision.reason, decision.decidedBy, decision.decidedAt],
      );
      return rowCount === 1;
    },

    /** F37: when and by whom a transaction of an approved explanation was pushed again. */
    async recordRepush(transactionId: string, repush: { at: Date; by: string }): Promise<void> {
      await q.query(
        `UPDATE explanation_transactions et SET repushed_at = $2, repushed_by = $3
         FROM explanations e
         WHERE et.explanation_id = e.id AND e.state = 'APPROVED' AND et.transaction_id = $1
           AND et.repushed_at IS NULL`,
        [transactionId, repush.at, repush.by],
      );
    },
  };
}
