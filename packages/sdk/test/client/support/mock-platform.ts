import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { HttpResponse, http } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { createHdldClient, type HdldClientOptions } from '../../../src/index.js';

export const BASE_URL = 'https://platform.test';

/** Every request the mock Platform saw, in order: headers copied, arrival time by `Date.now()`. */
export type SeenRequest = { method: string; path: string; headers: Headers; at: number };

/**
 * An msw server standing in for the Platform: the token endpoint answers a fixed sandbox token,
 * tests add the operation handlers they need with `use`. Unit tests only; the integration tests
 * run the real reference server.
 */
export function mockPlatform() {
  const seen: SeenRequest[] = [];
  let tokenCount = 0;
  // Only the fetch interceptor: the SDK sends everything through fetch, and the ClientRequest one
  // patches the global Headers class (msw 2.15 on Node 20).
  const server = defineNetwork({
    // The two packages' Interceptor types differ only in their event maps' declarations.
    sources: [new InterceptorSource({ interceptors: [new FetchInterceptor() as never] })],
    onUnhandledFrame: 'error',
    context: { quiet: true },
    handlers: [
      http.post(`${BASE_URL}/v1/oauth/token`, () => {
        tokenCount++;
        return HttpResponse.json({
          access_token: `token-${tokenCount}`,
          token_type: 'Bearer',
          expires_in: 900,
        });
      }),
    ],
  });
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname + url.search,
      headers: new Headers(request.headers),
      at: Date.now(),
    });
  });
  beforeAll(() => server.enable());
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
    tokenCount = 0;
  });
  afterAll(() => server.disable());
  return {
    server,
    /**
     * With fake timers: advances them until `promise` settles (bounded), so time only moves when a
     * test says so and delays can be asserted without the wall clock.
     */
    async settle<T>(promise: Promise<T>, stepMs = 100, maxSteps = 1000): Promise<T> {
      let settled = false;
      promise.then(
        () => (settled = true),
        () => (settled = true),
      );
      for (let i = 0; i < maxSteps && !settled; i++) await vi.advanceTimersByTimeAsync(stepMs);
      return promise;
    },
    seen,
    /** Requests to one path, token requests excluded. */
    calls: (path: string) => seen.filter((r) => r.path === path),
    tokenCount: () => tokenCount,
    client: (options: Partial<HdldClientOptions> = {}) =>
      createHdldClient({
        baseUrl: BASE_URL,
        credentials: { clientId: 'sandbox-provider', clientSecret: 'sandbox-secret' },
        maxRetryDelayMs: 5,
        ...options,
      }),
  };
}

/** An RFC 9457 problem document as the Platform sends it. */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(
    { type: `https://hdld.invalid/problems/${code}`, title: `title of ${code}`, status, code, ...extra },
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  );
}

export const TX_ID = '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e';

export function transaction(overrides: Record<string, unknown> = {}) {
  return {
    transactionId: TX_ID,
    kind: 'CONTRACT',
    status: 'SUCCEEDED',
    providerReference: 'HD-2026-000123',
    contractId: '2604173920581648',
    receivedAt: '2026-03-02T08:15:30Z',
    payloadSha256: 'a'.repeat(64),
    late: false,
    replay: false,
    errors: [],
    ...overrides,
  };
}

export const ACK = {
  transactionId: TX_ID,
  kind: 'CONTRACT',
  receivedAt: '2026-03-02T08:15:30Z',
  payloadSha256: 'a'.repeat(64),
  providerReference: 'HD-2026-000123',
  status: 'RECEIVED',
  statusUrl: `/v1/transactions/${TX_ID}`,
  retryAfterSeconds: 0,
};
