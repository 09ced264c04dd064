import type { Queryable } from './database.js';
import type { DocumentKind, FileFacts } from './document-kind.js';
import { toNumber, toOptional } from './sql-values.js';

/** A file received with a submission (T7, T8), written to the blob store before this row commits. */
export interface TransactionFile extends FileFacts {
  transactionId: string;
  role: DocumentKind;
}

export interface TransactionFileRow {
  transaction_id: string;
  role: DocumentKind;
  sha256: string;
  size: unknown;
  media_type: string;
  file_name: string | null;
  blob_key: string;
}

export function toTransactionFile(row: TransactionFileRow): TransactionFile {
  return {
    transactionId: row.transaction_id,
    role: row.role,
    sha256: row.sha256,
    size: toNumber(row.size),
    mediaType: row.media_type,
    fileName: toOptional(row.file_name),
    blobKey: row.blob_key,
  };
}

export type TransactionFilesRepo = ReturnType<typeof createTransactionFilesRepo>;

export function createTransactionFilesRepo(q: Queryable) {
  return {
    /** Idempotent: re-adding the same file to the same transaction is a no-op. */
    async add(file: TransactionFile): Promise<void> {
      await q.query(
        `INSERT INTO transaction_files (transaction_id, role, sha256, size, media_type, file_name, blob_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          file.transactionId,
          file.role,
          file.sha256,
          file.size,
          file.mediaType,
          file.fileName ?? null,
          file.blobKey,
        ],
      );
    },

    async list(transactionId: string): Promise<TransactionFile[]> {
      const { rows } = await q.query<TransactionFileRow>(
        'SELECT * FROM transaction_files WHERE transaction_id = $1 ORDER BY role, sha256',
        [transactionId],
      );
      return rows.map(toTransactionFile);
    },
  };
}
