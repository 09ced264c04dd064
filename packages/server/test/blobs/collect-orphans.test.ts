import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOrphans } from '../../src/blobs/collect-orphans.js';
import { createBlobStore } from '../../src/blobs/index.js';
import type { Storage } from '../../src/storage/create-storage.js';
import { insertContract, insertProvider, insertTransaction } from '../storage/fixtures.js';
import { createTestStorage, engines } from '../support/databases.js';

// Blob garbage collection: only blobs no row references, and only after a grace period.
describe.each(engines)('collectOrphans on %s', (engine) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ storage, drop } = await createTestStorage(engine));
    dir = await mkdtemp(join(tmpdir(), 'hdld-orphans-'));
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('removes unreferenced blobs older than the grace period and keeps the rest', async () => {
    const store = createBlobStore({ dir });
    const provider = await insertProvider(storage);
    const { contract, transaction } = await insertContract(storage, provider.id, '2604173920581614');
    const pending = await insertTransaction(storage, provider.id);

    const asDocument = await store.put(randomBytes(64));
    const asTransactionFile = await store.put(randomBytes(64));
    const orphan = await store.put(randomBytes(64));
    const facts = (blob: { key: string; size: number }) => ({
      sha256: blob.key,
      size: blob.size,
      mediaType: 'application/pdf',
      blobKey: blob.key,
    });
    await storage.documents.insert({
      contractId: contract.id,
      transactionId: transaction.id,
      kind: 'CONTRACT',
      ...facts(asDocument),
    });
    await storage.transactionFiles.add({
      transactionId: pending.id,
      role: 'EVIDENCE',
      ...facts(asTransactionFile),
    });

    // Within the grace period nothing is touched, not even the orphan (it may belong to an intake in flight).
    const fresh = await collectOrphans(store, storage.db, { olderThanMs: 3_600_000 });
    expect(fresh).toEqual({ examined: 0, deletedKeys: [] });

    const later = new Date(Date.now() + 2 * 3_600_000);
    const collected = await collectOrphans(store, storage.db, { olderThanMs: 3_600_000, now: later });
    expect(collected).toEqual({ examined: 3, deletedKeys: [orphan.key] });
    expect(await store.has(orphan.key)).toBe(false);
    expect(await store.has(asDocument.key)).toBe(true);
    expect(await store.has(asTransactionFile.key)).toBe(true);
  });
});
