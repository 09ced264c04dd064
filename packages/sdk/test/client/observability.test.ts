import { readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { runtimeVersion } from '../../src/client/version.js';
import { redact, SDK_VERSION, userAgent } from '../../src/index.js';
import { BASE_URL, mockPlatform, problem, TX_ID, transaction } from './support/mock-platform.js';

const platform = mockPlatform();

describe('observability (issue 5; T11 trace, T17 personal data)', () => {
  it('logs requests, retries and timings without the token or the client secret', async () => {
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = {
      debug: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }),
      warn: (message: string, fields?: Record<string, unknown>) => lines.push({ message, fields }),
    };
    let attempts = 0;
    platform.server.use(
      http.get(`${BASE_URL}/v1/transactions/${TX_ID}`, () =>
        attempts++ === 0 ? problem(503, 'SERVICE_UNAVAILABLE') : HttpResponse.json(transaction()),
      ),
    );
    await platform.client({ logger }).transactions.get(TX_ID);
    expect(lines.map((l) => l.message)).toEqual(expect.arrayContaining(['request', 'retrying', 'response']));
    const response = lines.find((l) => l.message === 'response' && l.fields?.status === 200);
    expect(response?.fields?.ms).toBeTypeOf('number');
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('token-1');
    expect(everything).not.toContain('sandbox-secret');
  });

  it('redacts secrets by key and masks national ID numbers anywhere', () => {
    const redacted = redact({
      authorization: 'Bearer abc',
      client_secret: 'x',
      employee: { identity: { type: 'CCCD', number: '001203004567' }, identityNumber: 'B1234567' },
      note: 'CMND 123456789 và CCCD 079203001234',
    });
    expect(JSON.stringify(redacted)).toBe(
      JSON.stringify({
        authorization: '[redacted]',
        client_secret: '[redacted]',
        employee: { identity: { type: 'CCCD', number: '001***567' }, identityNumber: '[redacted]' },
        note: 'CMND 123***789 và CCCD 079***234',
      }),
    );
  });

  it('sends a user-agent naming the SDK and runtime versions', async () => {
    platform.server.use(http.get(`${BASE_URL}/health`, () => HttpResponse.json({ status: 'ok' })));
    await platform.client().platform.health();
    const agent = platform.calls('/health')[0]?.headers.get('user-agent');
    expect(agent).toBe(userAgent());
    expect(agent).toMatch(new RegExp(`^hdld-sdk/${SDK_VERSION} node/${process.versions.node} `));
    expect(runtimeVersion({ Deno: { version: { deno: '2.1.0' } } })).toBe('deno/2.1.0');
    expect(runtimeVersion({ Bun: { version: '1.2.0' } })).toBe('bun/1.2.0');
    expect(runtimeVersion({})).toBe('browser');
  });

  it('keeps SDK_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
