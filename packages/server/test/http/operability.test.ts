import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Issue 4 operability: metrics, security headers, rate limits with Retry-After, request ids. */
describe('operability', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: 3 });
  });
  afterAll(async () => server?.close());

  it('exposes Prometheus metrics, with requests counted by operation', async () => {
    await fetch(`${server.url}/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/hdld_http_requests_total\{operation="getTransaction",status="401"\} 1/);
    expect(text).toContain('hdld_queue_depth 0');
  });

  it('rate-limits a client with a RATE_LIMITED problem and Retry-After', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${server.url}/.well-known/jwks.json`);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses[3]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-type')).toContain('application/problem+json');
    expect(((await last!.json()) as { code: string }).code).toBe('RATE_LIMITED');
  });

  it('sends security headers and echoes a well-formed request id', async () => {
    const response = await fetch(`${server.url}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
