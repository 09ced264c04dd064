import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import type { BatchProgress } from '../../src/batch/batch-progress.js';
import { type JournalRecord, memoryJournal } from '../../src/batch/journal.js';
import { syncBatch } from '../../src/batch/sync-batch.js';
import { contractSubmission, createHdldClient } from '../../src/index.js';
import { batchContracts } from './support/batch-contracts.js';

// Issue 5: a batch of 2,000. The signed contracts come from a disk cache (generated once, one process per core).
const N = 2000;

let server: TestServer;
let contracts: Awaited<ReturnType<typeof batchContracts>>;

beforeAll(async () => {
  contracts = await batchContracts(N);
  server = await startTestServer({ pipelineConcurrency: 4 }, { trust: contracts.trust });
  await server.platform.identity.register(contracts.identities);
}, 600_000);
afterAll(() => server?.close());

describe(`syncBatch against the reference server: ${N} contracts, concurrency 8 (T5)`, () => {
  it('submits every contract once, awaits every outcome and journals one ID each', {
    timeout: 1_800_000,
  }, async () => {
    const client = createHdldClient({
      baseUrl: server.url,
      credentials: {
        clientId: server.sandbox.clientId,
        privateKey: server.sandbox.privateKeyPem,
        keyId: 'sandbox-1',
      },
    });
    const journal = memoryJournal();
    const progress: BatchProgress[] = [];
    // Lazily read: at most a few signed contracts exist in memory at any time.
    const source = contracts.keys.map((providerReference) => ({
      providerReference,
      load: async () => contractSubmission(await contracts.load(providerReference)),
    }));
    const summary = await syncBatch(client, source, {
      concurrency: 8,
      journal,
      total: N,
      pollIntervalMs: 250,
      progressIntervalMs: 500,
      onProgress: (p) => progress.push(p),
    });
    expect(summary.latestErrors).toEqual([]);
    expect(summary.counts).toMatchObject({
      read: N,
      succeeded: N,
      failed: 0,
      rejected: 0,
      interrupted: 0,
      awaitingOutcome: 0,
    });
    const settled = journal.records.filter(
      (r): r is Extract<JournalRecord, { type: 'settled' }> => r.type === 'settled',
    );
    expect(new Set(settled.map((r) => r.contractId)).size).toBe(N);
    // Every intent came before its acknowledgement, and each contract had exactly one key.
    const intents = journal.records.filter((r) => r.type === 'intent');
    expect(new Set(intents.map((r) => r.providerReference)).size).toBe(N);
    expect(intents).toHaveLength(N);
    expect(progress.at(-1)?.counts.succeeded).toBe(N);
    expect(progress.some((p) => p.etaMs !== undefined)).toBe(true);
  });
});
