import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { HdldAbortError, HdldTimeoutError } from '../../src/index.js';
import { BASE_URL, mockPlatform, TX_ID, transaction } from './support/mock-platform.js';

const platform = mockPlatform();
const TX_PATH = `/v1/transactions/${TX_ID}`;

describe('timeouts and cancellation (issue 5)', () => {
  it('gives up on a silent server after the per-attempt timeout and the retries', async () => {
    platform.server.use(
      http.get(`${BASE_URL}${TX_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json(transaction());
      }),
    );
    const error = await platform
      .client({ timeoutMs: 30, maxRetries: 1 })
      .transactions.get(TX_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HdldTimeoutError);
    expect(platform.calls(TX_PATH)).toHaveLength(2);
  });

  it('retries after a timed-out attempt and returns the next answer', async () => {
    let attempts = 0;
    platform.server.use(
      http.get(`${BASE_URL}${TX_PATH}`, async () => {
        if (attempts++ === 0) await delay('infinite');
        return HttpResponse.json(transaction());
      }),
    );
    await expect(platform.client({ timeoutMs: 30 }).transactions.get(TX_ID)).resolves.toMatchObject({
      status: 'SUCCEEDED',
    });
  });

  it("stops at once, without retrying, when the caller's signal aborts", async () => {
    platform.server.use(
      http.get(`${BASE_URL}${TX_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json(transaction());
      }),
    );
    const controller = new AbortController();
    const pending = platform.client().transactions.get(TX_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(HdldAbortError);
    expect(platform.calls(TX_PATH)).toHaveLength(1);
  });

  it('lets one call shorten its timeout', async () => {
    platform.server.use(
      http.get(`${BASE_URL}${TX_PATH}`, async () => {
        await delay('infinite');
        return HttpResponse.json(transaction());
      }),
    );
    await expect(
      platform.client({ timeoutMs: 60_000 }).transactions.get(TX_ID, { timeoutMs: 20, maxRetries: 0 }),
    ).rejects.toBeInstanceOf(HdldTimeoutError);
  });
});
