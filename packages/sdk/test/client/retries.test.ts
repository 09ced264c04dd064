import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitGate } from '../../src/client/rate-limit-gate.js';
import { createTransport, isRetrySafe, PlatformRequest } from '../../src/client/transport.js';
import { HdldConflictError, HdldRateLimitError } from '../../src/index.js';
import { ACK, BASE_URL, mockPlatform, problem, TX_ID, transaction } from './support/mock-platform.js';
import { sampleSubmission } from './support/sample-body.js';

const platform = mockPlatform();
const TX_PATH = `/v1/transactions/${TX_ID}`;

/** Answers the given responses in turn, then the last one forever. */
function sequence(...responses: (() => Response)[]) {
  let i = 0;
  return () => responses[Math.min(i++, responses.length - 1)]!();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('retries (issue 5: network errors, 408, 409, 429, 5xx with backoff)', () => {
  it('retries a GET after 503 and a network error, counting attempts in x-retry-count', async () => {
    platform.server.use(
      http.get(
        `${BASE_URL}${TX_PATH}`,
        sequence(
          () => problem(503, 'SERVICE_UNAVAILABLE'),
          () => HttpResponse.error(),
          () => HttpResponse.json(transaction()),
        ),
      ),
    );
    const result = await platform.client().transactions.get(TX_ID);
    expect(result.contractId).toBe('2604173920581648');
    expect(platform.calls(TX_PATH).map((r) => r.headers.get('x-retry-count'))).toEqual([null, '1', '2']);
  });

  it('reuses the generated Idempotency-Key on every attempt of a POST', async () => {
    platform.server.use(
      http.post(
        `${BASE_URL}/v1/contracts`,
        sequence(
          () => problem(500, 'INTERNAL_ERROR'),
          () => HttpResponse.error(),
          () => HttpResponse.json(ACK, { status: 202 }),
        ),
      ),
    );
    const ack = await platform.client().submissions.submitContract(sampleSubmission());
    expect(ack.transactionId).toBe(TX_ID);
    const keys = platform.calls('/v1/contracts').map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses the caller's Idempotency-Key when given", async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    await platform.client().submissions.submitContract(sampleSubmission(), { idempotencyKey: 'my-key-1' });
    expect(platform.calls('/v1/contracts')[0]?.headers.get('idempotency-key')).toBe('my-key-1');
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    let attempts = 0;
    platform.server.use(
      http.post(`${BASE_URL}/v1/anything`, () => {
        attempts++;
        return problem(503, 'SERVICE_UNAVAILABLE');
      }),
    );
    const send = createTransport({
      timeoutMs: 1000,
      maxRetries: 3,
      maxDelayMs: 5,
      logger: { debug() {}, warn() {} },
      gate: new RateLimitGate(),
      lang: 'en',
    });
    const request = new PlatformRequest(`${BASE_URL}/v1/anything`, { method: 'POST', body: '{}' });
    expect(isRetrySafe(request)).toBe(false);
    const response = await send(request);
    expect(response.status).toBe(503);
    expect(attempts).toBe(1);
  });

  it('retries 409 IDEMPOTENCY_KEY_IN_USE but not 409 IDEMPOTENCY_KEY_REUSED (catalog action)', async () => {
    platform.server.use(
      http.post(
        `${BASE_URL}/v1/contracts`,
        sequence(
          () => problem(409, 'IDEMPOTENCY_KEY_IN_USE'),
          () => HttpResponse.json(ACK, { status: 200, headers: { 'idempotent-replayed': 'true' } }),
        ),
      ),
    );
    await expect(platform.client().submissions.submitContract(sampleSubmission())).resolves.toMatchObject(
      ACK,
    );
    expect(platform.calls('/v1/contracts')).toHaveLength(2);

    platform.seen.length = 0;
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => problem(409, 'IDEMPOTENCY_KEY_REUSED')));
    const error = await platform
      .client()
      .submissions.submitContract(sampleSubmission())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdldConflictError);
    expect(platform.calls('/v1/contracts')).toHaveLength(1);
  });

  it('waits for Retry-After before the next attempt', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    platform.server.use(
      http.get(
        `${BASE_URL}${TX_PATH}`,
        sequence(
          () => problem(429, 'RATE_LIMITED', {}, { 'retry-after': '2' }),
          () => HttpResponse.json(transaction()),
        ),
      ),
    );
    const result = await platform.settle(
      platform.client({ maxRetryDelayMs: 10_000 }).transactions.get(TX_ID),
    );
    expect(result.status).toBe('SUCCEEDED');
    const [first, second] = platform.calls(TX_PATH);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2_000);
  });

  it('pauses every request of the client while a 429 Retry-After runs (whole-queue slowdown)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const other = '/v1/transactions/by-reference/HD-2';
    platform.server.use(
      http.get(
        `${BASE_URL}${TX_PATH}`,
        sequence(
          () => problem(429, 'RATE_LIMITED', {}, { 'retry-after': '3' }),
          () => HttpResponse.json(transaction()),
        ),
      ),
      http.get(`${BASE_URL}${other}`, () => HttpResponse.json(transaction())),
    );
    const client = platform.client({ maxRetryDelayMs: 10_000 });
    const first = client.transactions.get(TX_ID);
    await vi.waitUntil(() => platform.calls(TX_PATH).length === 1);
    await vi.advanceTimersByTimeAsync(10);
    await platform.settle(Promise.all([first, client.transactions.getByReference('HD-2')]));
    const refused = platform.calls(TX_PATH)[0]!;
    expect(platform.calls(other)[0]!.at - refused.at).toBeGreaterThanOrEqual(3_000);
  });

  it('gives a Retry-After longer than the cap back to the caller instead of waiting', async () => {
    platform.server.use(
      http.get(`${BASE_URL}${TX_PATH}`, () => problem(429, 'RATE_LIMITED', {}, { 'retry-after': '120' })),
    );
    const error = await platform
      .client()
      .transactions.get(TX_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdldRateLimitError);
    expect((error as HdldRateLimitError).retryAfterSeconds).toBe(120);
    expect(platform.calls(TX_PATH)).toHaveLength(1);
  });

  it('stops after maxRetries and returns the last answer as an error', async () => {
    platform.server.use(http.get(`${BASE_URL}${TX_PATH}`, () => problem(502, 'INTERNAL_ERROR')));
    await expect(platform.client({ maxRetries: 2 }).transactions.get(TX_ID)).rejects.toMatchObject({
      status: 502,
      code: 'INTERNAL_ERROR',
    });
    expect(platform.calls(TX_PATH)).toHaveLength(3);
  });

  it('lets one call override the retry budget', async () => {
    platform.server.use(http.get(`${BASE_URL}${TX_PATH}`, () => problem(503, 'SERVICE_UNAVAILABLE')));
    await expect(platform.client().transactions.get(TX_ID, { maxRetries: 0 })).rejects.toMatchObject({
      status: 503,
    });
    expect(platform.calls(TX_PATH)).toHaveLength(1);
  });
});
