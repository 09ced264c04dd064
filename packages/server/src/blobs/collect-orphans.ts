import type { Queryable } from '../storage/database.js';
import type { BlobStore } from './blob-store.js';

export interface OrphanCollection {
  /** Blobs looked at (older than the grace period). */
  examined: number;
  deletedKeys: string[];
}

const BATCH = 500;

/**
 * Deletes blobs that no `documents`, `transaction_files`, `explanation_attachments` or `provider_reports` row references. A blob is written before the
 * row that references it commits, so only blobs older than `olderThanMs` are candidates: that grace
 * period must exceed the longest intake request. (Re-putting existing bytes refreshes the blob's time.)
 */
export async function collectOrphans(
  store: BlobStore,
  q: Queryable,
  { olderThanMs, now = new Date() }: { olderThanMs: number; now?: Date },
): Promise<OrphanCollection> {
  const cutoff = now.getTime() - olderThanMs;
  const result: OrphanCollection = { examined: 0, deletedKeys: [] };
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await referencedKeys(q, batch);
    for (const key of batch) {
      if (!referenced.has(key) && (await store.delete(key))) result.deletedKeys.push(key);
    }
    batch = [];
  };
  for await (const blob of store.list()) {
    if (blob.modifiedAt.getTime() >= cutoff) continue;
    result.examined++;
    batch.push(blob.key);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return result;
}

async function referencedKeys(q: Queryable, keys: string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ blob_key: string }>(
    `SELECT blob_key FROM documents WHERE blob_key = ANY ($1::text[])
     UNION SELECT blob_key FROM transaction_files WHERE blob_key = ANY ($1::text[])
     UNION SELECT blob_key FROM explanation_attachments WHERE blob_key = ANY ($1::text[])
     UNION SELECT audit_blob_key FROM provider_reports WHERE audit_blob_key = ANY ($1::text[])`,
    [keys],
  );
  return new Set(rows.map((row) => row.blob_key));
}
