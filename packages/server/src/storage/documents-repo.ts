import type { Queryable } from './database.js';
import { type DocumentKind, type FileFacts, fileFactColumns } from './document-kind.js';
import { toDate, toNumber, toOptional } from './sql-values.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewDocument extends FileFacts {
  contractId: string;
  transactionId: string;
  kind: DocumentKind;
}

export interface StoredDocument extends NewDocument {
  id: string;
  createdAt: Date;
}

interface DocumentRow {
  id: string;
  contract_id: string;
  transaction_id: string;
  kind: DocumentKind;
  sha256: string;
  size: unknown;
  media_type: string;
  file_name: string | null;
  blob_key: string;
  created_at: Date;
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    contractId: row.contract_id,
    transactionId: row.transaction_id,
    kind: row.kind,
    sha256: row.sha256,
    size: toNumber(row.size),
    mediaType: row.media_type,
    fileName: toOptional(row.file_name),
    blobKey: row.blob_key,
    createdAt: toDate(row.created_at),
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;

export function createDocumentsRepo(q: Queryable) {
  return {
    /**
     * N5: attaches a document to a contract. The bytes must already be in the blob store (fsynced) so a
     * committed row never points at a missing blob. The same bytes attached twice to one contract give
     * back the first row with `created: false`.
     */
    async insert(document: NewDocument): Promise<{ document: StoredDocument; created: boolean }> {
      const { rows } = await q.query<DocumentRow>(
        `INSERT INTO documents (contract_id, transaction_id, kind, sha256, size, media_type, file_name, blob_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (contract_id, sha256) DO NOTHING RETURNING *`,
        [
          document.contractId,
          document.transactionId,
          document.kind,
          document.sha256,
          document.size,
          document.mediaType,
          document.fileName ?? null,
          document.blobKey,
        ],
      );
      if (rows[0]) return { document: toDocument(rows[0]), created: true };
      const { rows: existing } = await q.query<DocumentRow>(
        'SELECT * FROM documents WHERE contract_id = $1 AND sha256 = $2',
        [document.contractId, document.sha256],
      );
      if (!existing[0]) throw new Error('document vanished between INSERT and SELECT');
      return { document: toDocument(existing[0]), created: false };
    },

    /**
     * N5: attaches several documents in one statement (the files of a transaction), with insert's
     * rules: bytes already in the blob store, and a document a contract already has is kept as it is.
     */
    async insertMany(documents: readonly NewDocument[]): Promise<void> {
      if (documents.length === 0) return;
      await q.query(
        `INSERT INTO documents (contract_id, transaction_id, kind, sha256, size, media_type, file_name, blob_key)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::text[],
           $7::text[], $8::text[])
         ON CONFLICT (contract_id, sha256) DO NOTHING`,
        [
          documents.map((d) => d.contractId),
          documents.map((d) => d.transactionId),
          documents.map((d) => d.kind),
          ...fileFactColumns(documents),
        ],
      );
    },

    async findById(id: string): Promise<StoredDocument | undefined> {
      // The API's documentId is opaque (spec: 1-64 of [A-Za-z0-9_-]); ids are UUIDs, so another
      // string names no document, and PostgreSQL would refuse it as a uuid.
      if (!UUID.test(id)) return undefined;
      const { rows } = await q.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
      return rows[0] && toDocument(rows[0]);
    },

    /** S1.2: every document of a contract, oldest first. */
    async listByContract(contractId: string): Promise<StoredDocument[]> {
      const { rows } = await q.query<DocumentRow>(
        'SELECT * FROM documents WHERE contract_id = $1 ORDER BY created_at, id',
        [contractId],
      );
      return rows.map(toDocument);
    },
  };
}
