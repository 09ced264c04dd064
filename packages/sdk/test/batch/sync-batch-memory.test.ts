import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { openFileJournal } from '../../src/batch/file-journal.js';
import type { Journal, JournalRecord } from '../../src/batch/journal.js';
import { type BatchItem, syncBatch } from '../../src/batch/sync-batch.js';
import { ACK, BASE_URL, mockPlatform, transaction } from '../client/support/mock-platform.js';
import { sampleSubmission } from '../client/support/sample-body.js';

const platform = mockPlatform();
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * What the batch holds at any moment, counted rather than weighed (no GC, no timing): items pulled
 * from the source and not yet acknowledged in the journal, bodies loaded and not yet acknowledged,
 * transactions acknowledged and not yet settled.
 */
function census() {
  const c = { pulled: 0, loaded: 0, acknowledged: 0, settled: 0, maxHeld: 0, maxLoaded: 0, maxAwaiting: 0 };
  return {
    c,
    source(count: number): Iterable<BatchItem> {
      return {
        *[Symbol.iterator]() {
          for (let i = 0; i < count; i++) {
            c.pulled++;
            c.maxHeld = Math.max(c.maxHeld, c.pulled - c.acknowledged);
            const providerReference = `HD-MEM-${i}`;
            yield {
              providerReference,
              load: async () => {
                c.loaded++;
                c.maxLoaded = Math.max(c.maxLoaded, c.loaded - c.acknowledged);
                return sampleSubmission(providerReference);
              },
            };
          }
        },
      };
    },
    journal(inner: Journal): Journal {
      return {
        read: () => inner.read(),
        close: () => inner.close(),
        append(record: JournalRecord) {
          if (record.type === 'acknowledged') c.acknowledged++;
          if (record.type === 'settled') c.settled++;
          c.maxAwaiting = Math.max(c.maxAwaiting, c.acknowledged - c.settled);
          return inner.append(record);
        },
      };
    },
  };
}

async function fileJournal() {
  const dir = await mkdtemp(join(tmpdir(), 'hdld-batch-memory-'));
  dirs.push(dir);
  const path = join(dir, 'journal.ndjson');
  return { path, journal: await openFileJournal(path) };
}

const lines = async (path: string) => (await readFile(path, 'utf8')).split('\n').filter(Boolean).length;

describe('syncBatch memory is bounded by its concurrency, not by the batch size (issue 5, T5)', () => {
  it('holds at most 2 x concurrency items and concurrency bodies, and writes the journal as it goes', async () => {
    const count = 1000;
    const concurrency = 4;
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, async ({ request }) => {
        const { providerReference } = (await request.json()) as { providerReference: string };
        return HttpResponse.json(
          { ...ACK, providerReference, transactionId: crypto.randomUUID() },
          { status: 202 },
        );
      }),
    );
    const { c, source, journal } = census();
    const file = await fileJournal();
    // Halfway through the source, the file already holds the records of the items done so far:
    // the journal is appended as the batch goes, never collected in memory.
    let linesHalfway = 0;
    const items = source(count);
    const watched = {
      *[Symbol.iterator]() {
        for (const item of items) {
          if (c.pulled === count / 2) linesHalfway = readFileSync(file.path, 'utf8').split('\n').length - 1;
          yield item;
        }
      },
    };
    const summary = await syncBatch(platform.client(), watched, {
      concurrency,
      journal: journal(file.journal),
      waitForOutcomes: false,
    });
    await file.journal.close();

    expect(summary.counts).toMatchObject({ read: count, acknowledged: count });
    // p-queue: `concurrency` running plus fewer than `concurrency` waiting, plus the one being pulled.
    expect(c.maxHeld).toBeLessThanOrEqual(2 * concurrency);
    expect(c.maxHeld).toBeGreaterThanOrEqual(concurrency);
    expect(c.maxLoaded).toBeLessThanOrEqual(concurrency);
    // Two records per item done; the items in flight and one group commit may not be on disk yet.
    expect(linesHalfway).toBeGreaterThanOrEqual(2 * (count / 2 - 2 * concurrency) - 2 * concurrency);
    expect(await lines(file.path)).toBe(2 * count); // an intent and an acknowledgement each
  });

  it('keeps one listener on the batch signal whatever the concurrency (no leak warning)', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const { source } = census();
      const summary = await syncBatch(platform.client(), source(64), {
        concurrency: 16,
        signal: controller.signal,
        waitForOutcomes: false,
      });
      expect(summary.counts.acknowledged).toBe(64);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('awaits outcomes with at most maxPendingOutcomes + concurrency acknowledged items tracked', async () => {
    const count = 600;
    const concurrency = 4;
    const maxPendingOutcomes = 25;
    const received: { transactionId: string; providerReference: string }[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, async ({ request }) => {
        const { providerReference } = (await request.json()) as { providerReference: string };
        const transactionId = crypto.randomUUID();
        received.push({ transactionId, providerReference });
        return HttpResponse.json({ ...ACK, providerReference, transactionId }, { status: 202 });
      }),
      // Everything received is final by the next poll; the Platform forgets nothing, so the
      // batch must drop what it settled (the listing starts at the oldest pending item).
      http.get(`${BASE_URL}/v1/transactions`, () =>
        HttpResponse.json({
          items: received.map((r) => transaction({ ...r, status: 'SUCCEEDED' })),
        }),
      ),
    );
    const { c, source, journal } = census();
    const file = await fileJournal();
    const summary = await syncBatch(platform.client(), source(count), {
      concurrency,
      journal: journal(file.journal),
      maxPendingOutcomes,
      pollIntervalMs: 1,
    });
    await file.journal.close();

    expect(summary.counts).toMatchObject({ read: count, succeeded: count, awaitingOutcome: 0 });
    expect(c.maxAwaiting).toBeLessThanOrEqual(maxPendingOutcomes + concurrency);
    expect(await lines(file.path)).toBe(3 * count); // intent, acknowledgement, settlement
  });
});
