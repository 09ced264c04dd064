import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  HdldAuthError,
  HdldConflictError,
  HdldError,
  HdldNotFoundError,
  HdldValidationError,
} from '../../src/index.js';
import { BASE_URL, mockPlatform, problem, TX_ID, transaction } from './support/mock-platform.js';

const platform = mockPlatform();
const EXPLANATION_ID = '0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

type Upload = { fileName: string; mediaType: string; contentBase64: string };

/** The Platform's answer to createExplanation: what it recorded of each upload. */
function explanationOf(body: { transactionIds: string[]; text: string; attachments?: Upload[] }) {
  return {
    explanationId: EXPLANATION_ID,
    providerId: 'sandbox',
    state: 'PENDING',
    text: body.text,
    transactions: body.transactionIds.map((transactionId) => ({ transactionId, providerReference: 'HD-1' })),
    attachments: (body.attachments ?? []).map((a) => {
      const bytes = Buffer.from(a.contentBase64, 'base64');
      return { fileName: a.fileName, mediaType: a.mediaType, size: bytes.length, sha256: sha256(bytes) };
    }),
    submittedAt: '2026-03-03T09:00:00Z',
    submittedBy: 'sandbox-provider',
  };
}

async function failure(promise: Promise<unknown>): Promise<HdldError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HdldError);
  return error as HdldError;
}

describe('explanations (F36, F37)', () => {
  it('sends one or many transaction ids, the text, and attachments from bytes or a path as base64', async () => {
    const bodies: unknown[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/explanations`, async ({ request }) => {
        const body = (await request.json()) as Parameters<typeof explanationOf>[0];
        bodies.push(body);
        return HttpResponse.json(explanationOf(body), { status: 201 });
      }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'hdld-attach-'));
    const scan = join(dir, 'registry-correction.PDF');
    await writeFile(scan, '%PDF-1.7 scan');
    const client = platform.client();

    const one = await client.explanations.create({ transactionIds: TX_ID, text: 'Registry corrected.' });
    expect(one.transactions.map((t) => t.transactionId)).toEqual([TX_ID]);
    const many = await client.explanations.create(
      {
        transactionIds: [TX_ID, '0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f'],
        text: 'Both had the old citizen ID.',
        attachments: [{ bytes: new TextEncoder().encode('note'), fileName: 'note.txt' }, { path: scan }],
      },
      { idempotencyKey: 'explain-1' },
    );
    expect(bodies[0]).toEqual({ transactionIds: [TX_ID], text: 'Registry corrected.' });
    expect(bodies[1]).toMatchObject({
      attachments: [
        { fileName: 'note.txt', mediaType: 'text/plain', contentBase64: 'bm90ZQ==' },
        {
          fileName: 'registry-correction.PDF',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.7 scan').toString('base64'),
        },
      ],
    });
    expect(many.attachments.map((a) => a.sha256)).toEqual([sha256('note'), sha256('%PDF-1.7 scan')]);
    const posts = platform.calls('/v1/explanations');
    expect(posts[1]?.headers.get('idempotency-key')).toBe('explain-1');
    expect(posts[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an attachment whose media type it cannot tell, before sending anything', async () => {
    await expect(
      platform.client().explanations.create({
        transactionIds: TX_ID,
        text: 'See the spreadsheet.',
        attachments: [{ bytes: new Uint8Array([1]), fileName: 'table.xlsx' }],
      }),
    ).rejects.toThrow(TypeError);
    expect(platform.calls('/v1/explanations')).toHaveLength(0);
  });

  it('throws when the Platform recorded another SHA-256 than the bytes sent', async () => {
    platform.server.use(
      http.post(`${BASE_URL}/v1/explanations`, async ({ request }) => {
        const recorded = explanationOf((await request.json()) as Parameters<typeof explanationOf>[0]);
        recorded.attachments[0]!.sha256 = 'f'.repeat(64);
        return HttpResponse.json(recorded, { status: 201, headers: { 'x-request-id': 'req-7' } });
      }),
    );
    const error = await failure(
      platform.client({ lang: 'vi' }).explanations.create({
        transactionIds: TX_ID,
        text: 'Registry corrected.',
        attachments: [{ bytes: new Uint8Array([1, 2, 3]), fileName: 'a.png' }],
      }),
    );
    expect(error.title).toBe('Nền tảng ghi nhận mã băm SHA-256 khác cho tệp đính kèm: a.png');
    expect(error).toMatchObject({ status: 201, requestId: 'req-7' });
  });

  it.each([
    [409, 'TRANSACTION_NOT_AWAITING_EXPLANATION', HdldConflictError],
    [404, 'TRANSACTION_NOT_FOUND', HdldNotFoundError],
    [400, 'REQUEST_INVALID', HdldValidationError],
    [413, 'PAYLOAD_TOO_LARGE', HdldValidationError],
  ])('maps a %i %s refusal of create to its class', async (status, code, ErrorClass) => {
    platform.server.use(http.post(`${BASE_URL}/v1/explanations`, () => problem(status, code)));
    const error = await failure(
      platform.client().explanations.create({ transactionIds: TX_ID, text: 'Registry corrected.' }),
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code });
  });

  it('lists page by page with the filters, and gets one', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/explanations`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const item = { ...explanationOf({ transactionIds: [TX_ID], text: `page ${cursor ?? 1}` }) };
        return HttpResponse.json({ items: [item], nextCursor: cursor ? null : 'p2' });
      }),
      http.get(`${BASE_URL}/v1/explanations/${EXPLANATION_ID}`, () =>
        HttpResponse.json(explanationOf({ transactionIds: [TX_ID], text: 'one' })),
      ),
    );
    const client = platform.client();
    const texts: string[] = [];
    for await (const e of client.explanations.list({ state: 'PENDING', transactionId: TX_ID }))
      texts.push(e.text);
    expect(texts).toEqual(['page 1', 'page p2']);
    expect(platform.calls(`/v1/explanations?state=PENDING&transactionId=${TX_ID}&cursor=p2`)).toHaveLength(1);
    expect(await client.explanations.list().toArray({ limit: 1 })).toHaveLength(1);
    expect((await client.explanations.get(EXPLANATION_ID)).text).toBe('one');
  });

  it('maps EXPLANATION_NOT_FOUND, and an operator decision refused to a provider', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/explanations/${EXPLANATION_ID}`, () => problem(404, 'EXPLANATION_NOT_FOUND')),
      http.post(`${BASE_URL}/v1/explanations/${EXPLANATION_ID}/decision`, () => problem(403, 'FORBIDDEN')),
    );
    const client = platform.client();
    expect(await failure(client.explanations.get(EXPLANATION_ID))).toBeInstanceOf(HdldNotFoundError);
    const refused = await failure(
      client.explanations.decide(EXPLANATION_ID, { decision: 'APPROVED', reason: 'Self-service.' }),
    );
    expect(refused).toBeInstanceOf(HdldAuthError);
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('sends an operator decision with an idempotency key', async () => {
    platform.server.use(
      http.post(`${BASE_URL}/v1/explanations/${EXPLANATION_ID}/decision`, async ({ request }) => {
        const decision = (await request.json()) as { decision: string; reason: string };
        return HttpResponse.json({
          ...explanationOf({ transactionIds: [TX_ID], text: 'x' }),
          state: decision.decision,
          decisionReason: decision.reason,
        });
      }),
    );
    const decided = await platform
      .client()
      .explanations.decide(EXPLANATION_ID, { decision: 'REJECTED', reason: 'Sign it again.' });
    expect(decided).toMatchObject({ state: 'REJECTED', decisionReason: 'Sign it again.' });
    const call = platform.calls(`/v1/explanations/${EXPLANATION_ID}/decision`)[0];
    expect(call?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('re-push and the failed-transaction lists (F36, F37)', () => {
  const REPUSH = `/v1/transactions/${TX_ID}/repush`;

  it('says whether this call queued the re-push (202) or it was made before (200)', async () => {
    let calls = 0;
    platform.server.use(
      http.post(`${BASE_URL}${REPUSH}`, () =>
        calls++ === 0
          ? HttpResponse.json(transaction({ status: 'RECEIVED', explanationStatus: 'REPUSHED' }), {
              status: 202,
            })
          : HttpResponse.json(transaction({ status: 'SUCCEEDED', explanationStatus: 'REPUSHED' })),
      ),
    );
    const client = platform.client();
    const first = await client.transactions.repush(TX_ID, { idempotencyKey: 'repush-1' });
    expect(first).toMatchObject({ queued: true, transaction: { status: 'RECEIVED' } });
    const again = await client.transactions.repush(TX_ID);
    expect(again).toMatchObject({ queued: false, transaction: { status: 'SUCCEEDED' } });
    expect(platform.calls(REPUSH)[0]?.headers.get('idempotency-key')).toBe('repush-1');
  });

  it('reuses the idempotency key when it retries a re-push after a 503', async () => {
    let calls = 0;
    platform.server.use(
      http.post(`${BASE_URL}${REPUSH}`, () =>
        calls++ === 0
          ? problem(503, 'SERVICE_UNAVAILABLE', {}, { 'retry-after': '0' })
          : HttpResponse.json(transaction({ status: 'RECEIVED' }), { status: 202 }),
      ),
    );
    await platform.client().transactions.repush(TX_ID);
    const keys = platform.calls(REPUSH).map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('maps REPUSH_NOT_APPROVED to HdldConflictError with the catalog action', async () => {
    platform.server.use(http.post(`${BASE_URL}${REPUSH}`, () => problem(409, 'REPUSH_NOT_APPROVED')));
    const error = await failure(platform.client().transactions.repush(TX_ID, { idempotencyKey: 'k-1' }));
    expect(error).toBeInstanceOf(HdldConflictError);
    expect(error).toMatchObject({ code: 'REPUSH_NOT_APPROVED', idempotencyKey: 'k-1' });
    expect(error.action).toBe('EXPLAIN_AND_WAIT');
  });

  it('lists failed and awaiting-explanation transactions through the status filters', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/transactions`, () =>
        HttpResponse.json({ items: [transaction({ status: 'FAILED' })], nextCursor: null }),
      ),
    );
    const client = platform.client();
    await client.transactions.listFailed({ receivedFrom: '2026-03-01T00:00:00Z' }).toArray();
    await client.transactions.listAwaitingExplanation({ limit: 50 }).toArray();
    expect(
      platform.calls('/v1/transactions?receivedFrom=2026-03-01T00%3A00%3A00Z&status=FAILED'),
    ).toHaveLength(1);
    expect(platform.calls('/v1/transactions?limit=50&explanationStatus=AWAITING_EXPLANATION')).toHaveLength(
      1,
    );
  });
});

describe('reconciliation and providers (F35, N8)', () => {
  const figures = {
    received: 3,
    notProcessed: 0,
    processing: 0,
    succeeded: 2,
    failed: 1,
    awaitingExplanation: 1,
    failuresByCode: [{ code: 'IDENTITY_MISMATCH', count: 1 }],
  };
  const report = (providers: string[]) => ({
    generatedAt: '2026-04-01T01:00:00Z',
    providers: providers.map((providerId) => ({
      providerId,
      providerName: providerId,
      providerStatus: 'ACTIVE',
      figures,
      apiCalls: 9,
      transactionsUrl: '/v1/transactions',
      failedTransactionsUrl: '/v1/transactions?status=FAILED',
    })),
    totals: figures,
  });
  const provider = (providerId: string) => ({
    providerId,
    name: 'Nhà cung cấp thử nghiệm',
    contactEmail: 'sandbox@hdld.invalid',
    status: 'ACTIVE',
    statusChangedAt: '2026-01-10T02:00:00Z',
    createdAt: '2026-01-10T02:00:00Z',
    capabilities: ['CONTRACT'],
    authenticationMethods: ['client_secret'],
    statusHistory: [],
  });

  it('sends the period as ISO date-times, from Dates or strings', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/reconciliation`, () => HttpResponse.json(report(['sandbox']))),
    );
    const body = await platform
      .client()
      .reconciliation.get({ from: new Date('2026-03-01T00:00:00+07:00'), to: '2026-04-01T00:00:00Z' });
    expect(body.totals.failuresByCode).toEqual([{ code: 'IDENTITY_MISMATCH', count: 1 }]);
    expect(
      platform.calls('/v1/reconciliation?from=2026-02-28T17%3A00%3A00.000Z&to=2026-04-01T00%3A00%3A00Z'),
    ).toHaveLength(1);
  });

  it('reads its own profile from getCaller (T17, N8)', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/me`, () =>
        HttpResponse.json({
          kind: 'provider',
          role: 'provider',
          scope: 'provider',
          clientId: 'sandbox-provider',
          providerId: 'sandbox',
          provider: provider('sandbox'),
        }),
      ),
    );
    const client = platform.client();
    expect(await client.providers.me()).toEqual(provider('sandbox'));
    expect(await client.caller()).toMatchObject({ kind: 'provider', scope: 'provider' });
    expect(platform.calls('/v1/me')).toHaveLength(2);
  });

  it('refuses me() for operator credentials, who have no provider profile', async () => {
    platform.server.use(
      http.get(`${BASE_URL}/v1/me`, () =>
        HttpResponse.json({
          kind: 'operator',
          role: 'operator',
          scope: 'nation',
          clientId: 'ops',
          operatorId: 'op-1',
        }),
      ),
    );
    await expect(platform.client().providers.me()).rejects.toThrow(/provider credentials/);
  });

  it('maps FORBIDDEN of the operator-only list to HdldAuthError', async () => {
    platform.server.use(http.get(`${BASE_URL}/v1/providers`, () => problem(403, 'FORBIDDEN')));
    expect(await failure(platform.client().providers.list())).toBeInstanceOf(HdldAuthError);
  });
});
