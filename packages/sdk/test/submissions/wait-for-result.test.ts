import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { HdldAbortError, HdldWaitTimeoutError } from '../../src/index.js';
import { BASE_URL, mockPlatform, TX_ID, transaction } from '../client/support/mock-platform.js';

const platform = mockPlatform();
const TX_URL = `${BASE_URL}/v1/transactions/${TX_ID}`;

describe('waitForResult (T10: RECEIVED -> PROCESSING -> SUCCEEDED | FAILED)', () => {
  it('polls until the transaction is final', async () => {
    const statuses = ['RECEIVED', 'PROCESSING', 'FAILED'];
    platform.server.use(
      http.get(TX_URL, () => {
        const status = statuses.shift() ?? 'FAILED';
        return HttpResponse.json(
          transaction({
            status,
            retryAfterSeconds: 0,
            ...(status === 'FAILED' ? { failureClass: 'SIGNATURE' } : {}),
          }),
        );
      }),
    );
    const result = await platform.client().waitForResult(TX_ID, { minIntervalMs: 1 });
    expect(result).toMatchObject({ status: 'FAILED', failureClass: 'SIGNATURE' });
    expect(platform.calls(`/v1/transactions/${TX_ID}`)).toHaveLength(3);
  });

  it('gives up at the deadline with the last status seen', async () => {
    platform.server.use(
      http.get(TX_URL, () => HttpResponse.json(transaction({ status: 'PROCESSING', retryAfterSeconds: 5 }))),
    );
    const error = await platform
      .client()
      .waitForResult(TX_ID, { timeoutMs: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdldWaitTimeoutError);
    expect((error as HdldWaitTimeoutError).transaction.status).toBe('PROCESSING');
    // The 5 s hint is beyond the 1 s deadline: one poll only, no busy loop.
    expect(platform.calls(`/v1/transactions/${TX_ID}`)).toHaveLength(1);
  });

  it('stops when the signal aborts between polls', async () => {
    platform.server.use(
      http.get(TX_URL, () => HttpResponse.json(transaction({ status: 'RECEIVED', retryAfterSeconds: 1 }))),
    );
    const controller = new AbortController();
    const pending = platform.client().waitForResult(TX_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(HdldAbortError);
  });
});
