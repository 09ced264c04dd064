import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/batch/digest.js';
import { type JournalRecord, memoryJournal } from '../../src/batch/journal.js';
import { loadJournalState } from '../../src/batch/journal-state.js';
import { type BatchItem, syncBatch } from '../../src/batch/sync-batch.js';
import { fromBase64 } from '../../src/submissions/base64.js';
import { ACK, BASE_URL, mockPlatform, problem, transaction } from '../client/support/mock-platform.js';
import { sampleSubmission } from '../client/support/sample-body.js';

const platform = mockPlatform();

function items(count: number): BatchItem[] {
  return Array.from({ length: count }, (_, i) => ({
    providerReference: `HD-${i}`,
    load: async () => sampleSubmission(`HD-${i}`),
  }));
}

/** Acknowledges each submission, noting what the journal held at that moment. */
function acknowledging(journal: { records: JournalRecord[] }, seenIntents: Map<string, boolean>) {
  return http.post(`${BASE_URL}/v1/contracts`, async ({ request }) => {
    const { providerReference } = (await request.json()) as { providerReference: string };
    const key = request.headers.get('idempotency-key');
    seenIntents.set(
      providerReference,
      journal.records.some((r) => r.type === 'intent' && r.idempotencyKey === key),
    );
    return HttpResponse.json(
      { ...ACK, providerReference, transactionId: crypto.randomUUID() },
      { status: 202 },
    );
  });
}

describe('syncBatch journal (T5; issue 5 crash safety)', () => {
  it('writes the intent with its key before sending, then the acknowledgement', async () => {
    const journal = memoryJournal();
    const intentsBeforeSend = new Map<string, boolean>();
    platform.server.use(acknowledging(journal, intentsBeforeSend));
    const summary = await syncBatch(platform.client(), items(5), {
      journal,
      waitForOutcomes: false,
      concurrency: 2,
    });
    expect(summary.counts).toMatchObject({ read: 5, acknowledged: 5 });
    expect([...intentsBeforeSend.values()]).toEqual([true, true, true, true, true]);
    expect(journal.records.filter((r) => r.type === 'acknowledged')).toHaveLength(5);
  });

  it('with waitSeconds, settles outcomes answered with the submission (201) without polling', async () => {
    const journal = memoryJournal();
    const prefer: (string | null)[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, async ({ request }) => {
        const { providerReference } = (await request.json()) as { providerReference: string };
        prefer.push(request.headers.get('prefer'));
        const transactionId = crypto.randomUUID();
        return HttpResponse.json(transaction({ providerReference, transactionId }), {
          status: 201,
          headers: { location: `/v1/transactions/${transactionId}` },
        });
      }),
    );
    const summary = await syncBatch(platform.client(), items(3), { journal, waitSeconds: 5 });
    expect(summary.counts).toMatchObject({ read: 3, succeeded: 3, failed: 0 });
    expect(prefer).toEqual(['wait=5', 'wait=5', 'wait=5']);
    expect(platform.seen.filter((r) => r.path.startsWith('/v1/transactions'))).toEqual([]);
    const settled = journal.records.filter((r) => r.type === 'settled');
    expect(settled.map((r) => r.providerReference).sort()).toEqual(['HD-0', 'HD-1', 'HD-2']);
  });

  it('resumes an unfinished intent with the same key after checking the Platform did not get it', async () => {
    const journal = memoryJournal([
      {
        type: 'intent',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:00Z',
        idempotencyKey: 'key-from-crash',
        documentSha256: 'ignored',
      },
    ]);
    const keys: (string | null)[] = [];
    platform.server.use(
      http.get(`${BASE_URL}/v1/transactions/by-reference/HD-0`, () => problem(404, 'TRANSACTION_NOT_FOUND')),
      http.post(`${BASE_URL}/v1/contracts`, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return HttpResponse.json(ACK, { status: 202 });
      }),
    );
    // The document digest of the crashed intent must match for the key to be reused.
    const [record] = journal.records as [Extract<JournalRecord, { type: 'intent' }>];
    record.documentSha256 = await sha256Hex(fromBase64(sampleSubmission('HD-0').documents[0]!.contentBase64));
    await syncBatch(platform.client(), items(1), { journal, waitForOutcomes: false });
    expect(keys).toEqual(['key-from-crash']);
  });

  it('skips what succeeded, awaits what was acknowledged, and records intake refusals as rejected', async () => {
    const journal = memoryJournal([
      {
        type: 'intent',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:00Z',
        idempotencyKey: 'k0',
        documentSha256: 'x',
      },
      {
        type: 'acknowledged',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:01Z',
        idempotencyKey: 'k0',
        transactionId: 'tx-0',
        receivedAt: '2026-03-02T08:00:01Z',
      },
      {
        type: 'settled',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:05Z',
        transactionId: 'tx-0',
        status: 'SUCCEEDED',
        contractId: '2604173920581648',
        errors: [],
      },
      {
        type: 'intent',
        providerReference: 'HD-1',
        at: '2026-03-02T08:00:00Z',
        idempotencyKey: 'k1',
        documentSha256: 'x',
      },
      {
        type: 'acknowledged',
        providerReference: 'HD-1',
        at: '2026-03-02T08:00:01Z',
        idempotencyKey: 'k1',
        transactionId: 'tx-1',
        receivedAt: '2026-03-02T08:00:01Z',
      },
    ]);
    platform.server.use(
      http.get(`${BASE_URL}/v1/transactions`, () =>
        HttpResponse.json({
          items: [transaction({ transactionId: 'tx-1', providerReference: 'HD-1', status: 'SUCCEEDED' })],
        }),
      ),
      http.post(`${BASE_URL}/v1/contracts`, () =>
        problem(400, 'REQUEST_INVALID', {
          errors: [{ code: 'REQUEST_INVALID', detail: 'x', pointer: '/mainData' }],
        }),
      ),
    );
    const summary = await syncBatch(platform.client(), items(3), { journal, pollIntervalMs: 1 });
    expect(summary.counts).toMatchObject({
      skipped: 1,
      succeeded: 1,
      rejected: 1,
      acknowledged: 0,
      awaitingOutcome: 0,
    });
    expect(platform.calls('/v1/contracts')).toHaveLength(1); // only HD-2 was sent
    expect(summary.latestErrors).toEqual([
      expect.objectContaining({ providerReference: 'HD-2', code: 'REQUEST_INVALID' }),
    ]);
  });

  it('counts a duplicate apart and records the corrected package that superseded a failure (F9, F36, F37)', async () => {
    const journal = memoryJournal([
      {
        type: 'intent',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:00Z',
        idempotencyKey: 'k0',
        documentSha256: 'x',
      },
      {
        type: 'settled',
        providerReference: 'HD-0',
        at: '2026-03-02T08:00:01Z',
        transactionId: 'tx-failed',
        status: 'FAILED',
        errors: ['LABOR_TERM_INVALID'],
      },
    ]);
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, async ({ request }) => {
        const { providerReference } = (await request.json()) as { providerReference: string };
        const corrected = providerReference === 'HD-0';
        return HttpResponse.json(
          transaction({
            providerReference,
            transactionId: `tx-${providerReference}`,
            ...(corrected
              ? { supersedes: 'tx-failed' }
              : { replay: true, duplicateOfReference: 'HD-A', contractId: '2604173920581648' }),
          }),
          { status: 201 },
        );
      }),
    );
    const summary = await syncBatch(platform.client(), items(2), {
      journal,
      retryFailed: true,
      waitSeconds: 5,
    });
    expect(summary.counts).toMatchObject({ succeeded: 1, duplicate: 1, failed: 0 });
    const state = await loadJournalState(journal);
    expect(state.get('HD-0')).toMatchObject({ outcome: 'SUCCEEDED', transactionId: 'tx-HD-0' });
    expect(state.get('HD-1')).toMatchObject({
      outcome: 'SUCCEEDED',
      duplicate: { providerReference: 'HD-A', contractId: '2604173920581648' },
    });
  });

  it('stops on cancellation and leaves the unfinished items to the next run', async () => {
    const controller = new AbortController();
    const journal = memoryJournal();
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, async () => {
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return HttpResponse.json(ACK, { status: 202 });
      }),
    );
    const summary = await syncBatch(platform.client(), items(10), {
      journal,
      signal: controller.signal,
      concurrency: 1,
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.counts.read).toBeLessThan(10);
    expect(journal.records.filter((r) => r.type === 'acknowledged')).toHaveLength(0);
    expect(journal.records.at(-1)).toMatchObject({ type: 'interrupted', reason: 'HdldAbortError' });
  });
});
