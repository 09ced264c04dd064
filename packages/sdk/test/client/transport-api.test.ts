import type { paths } from '@hdld/spec';
import fc from 'fast-check';
import createClient, { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { serializeBody } from '../../src/client/json-bytes.js';
import { PlatformRequest } from '../../src/client/transport.js';
import { createPlatformApi } from '../../src/client/transport-api.js';
import { compiledPathSerializer } from '../../src/client/transport-url.js';

const BASE = 'https://platform.test';
type Seen = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** Both request paths over one recording fetch that answers `answer()` every time. */
function pair(answer: () => Response) {
  const seen: Seen[] = [];
  const send = async (request: PlatformRequest) => {
    seen.push({
      url: request.url,
      method: request.method,
      headers: { ...request.headers },
      body: request.body,
    });
    return answer();
  };
  const lean = createPlatformApi(BASE, send);
  const openapi = createClient<paths>({
    baseUrl: BASE,
    Request: PlatformRequest as unknown as typeof Request,
    querySerializer: createQuerySerializer(),
    pathSerializer: compiledPathSerializer(),
    bodySerializer: serializeBody,
    fetch: (request) => send(request as unknown as PlatformRequest),
  });
  return { seen, lean, openapi };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

async function same<T extends { data?: unknown; error?: unknown }>(
  seen: Seen[],
  viaOpenapi: Promise<T>,
  viaLean: Promise<T>,
) {
  const [a, b] = [await viaOpenapi, await viaLean];
  expect(seen).toHaveLength(2);
  expect(seen[1]).toEqual(seen[0]);
  expect({ data: b.data, error: b.error }).toEqual({ data: a.data, error: a.error });
}

describe('the resources request path builds what openapi-fetch builds (issue 5 overhead work)', () => {
  it('GET with path and query parameters, JSON answer', async () => {
    const { seen, lean, openapi } = pair(() => json(200, { items: [], nextCursor: null }));
    const init = {
      params: { query: { status: 'FAILED' as const, limit: 5, receivedFrom: '2026-03-02T00:00:00Z' } },
    };
    await same(seen, openapi.GET('/v1/transactions', init), lean.GET('/v1/transactions', init));
    expect(seen[0]!.url).toBe(
      `${BASE}/v1/transactions?status=FAILED&limit=5&receivedFrom=2026-03-02T00%3A00%3A00Z`,
    );
  });

  it('POST with a JSON body and an idempotency key; problem answer', async () => {
    const problem = { type: 'about:blank', title: 'Invalid', status: 400, code: 'REQUEST_INVALID' };
    const { seen, lean, openapi } = pair(() => json(400, problem, 'application/problem+json'));
    const init = {
      params: { path: { contractId: '2604173920581648' } },
      body: { providerReference: 'HD-1' } as never,
      headers: { 'idempotency-key': 'k-1' },
    };
    await same(
      seen,
      openapi.POST('/v1/contracts/{contractId}/lifecycle', init),
      lean.POST('/v1/contracts/{contractId}/lifecycle', init),
    );
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: new TextEncoder().encode('{"providerReference":"HD-1"}'),
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
    });
  });

  it('204, a non-JSON error page, and bytes (parseAs arrayBuffer)', async () => {
    let next: () => Response = () => new Response(null, { status: 204 });
    const { seen, lean, openapi } = pair(() => next());
    await same(seen, openapi.GET('/health'), lean.GET('/health'));
    seen.length = 0;
    next = () => new Response('<html>bad gateway</html>', { status: 502 });
    await same(seen, openapi.GET('/health'), lean.GET('/health'));
    seen.length = 0;
    next = () => new Response(new Uint8Array([37, 80, 68, 70]), { status: 200 });
    const path = '/v1/contracts/{contractId}/documents/{documentId}' as const;
    const init = {
      params: { path: { contractId: '2604173920581648', documentId: 'd 1/é' } },
      parseAs: 'arrayBuffer' as const,
    };
    const [a, b] = [await openapi.GET(path, init), await lean.GET(path, init)];
    expect(new Uint8Array(b.data as ArrayBuffer)).toEqual(new Uint8Array(a.data as ArrayBuffer));
    expect(seen[1]).toEqual(seen[0]);
  });

  it('compiled path serializer = openapi-fetch default, for any template and values (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const literal = fc.string({ maxLength: 6 }).map((s) => s.replace(/[{}]/g, ''));
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined));
    const serialize = compiledPathSerializer();
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, name, value), { maxLength: 4 }), literal, (parts, tail) => {
        const template = `${BASE}/v1${parts.map(([l, n]) => `${l}{${n}}`).join('')}${tail}`;
        const params = Object.fromEntries(parts.map(([, n, v]) => [n, v]));
        expect(serialize(template, params)).toBe(defaultPathSerializer(template, params));
      }),
    );
    // Other styles go to the default serializer unchanged.
    expect(serialize('/x/{.id}/{;k}/{list*}', { id: 'a', k: 'b', list: [1, 2] })).toBe(
      defaultPathSerializer('/x/{.id}/{;k}/{list*}', { id: 'a', k: 'b', list: [1, 2] }),
    );
  });
});
