import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit } from '../support/sandbox-kit.js';
import { conforming } from '../support/spec-responses.js';

/**
 * Issue 15: requests a client can send on purpose or by mistake each get a 4xx problem with a
 * catalog code and, where a field is at fault, its pointer; none reaches the database or a handler
 * as a 500 (non-negotiable 3, T9).
 */
describe.each(engines)('hostile input (%s)', (engine) => {
  let kit: SandboxKit;
  let token: string;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    const response = await fetch(`${kit.server.url}/v1/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: kit.server.sandbox.clientId,
        client_secret: kit.server.sandbox.clientSecret,
      }),
    });
    token = ((await response.json()) as { access_token: string }).access_token;
  });
  afterAll(async () => kit?.close());

  type Problem = {
    status: number;
    code: string;
    detail: string;
    errors?: { pointer?: string; detail: string }[];
  };
  /** Sends a raw request and checks the answer against the spec's declared response. */
  async function send(
    operationId: string,
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; auth?: boolean },
  ): Promise<Problem> {
    const response = await fetch(`${kit.server.url}${path}`, {
      method: init.method ?? 'POST',
      headers: { ...(init.auth === false ? {} : { authorization: `Bearer ${token}` }), ...init.headers },
      body: init.body as BodyInit | undefined,
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await conforming(operationId, response)) as Problem;
  }

  const SUBMISSIONS: [string, string][] = [
    ['submitContract', '/v1/contracts'],
    ['submitContractBatch', '/v1/contracts/batch'],
    ['submitConvertedPaperContract', '/v1/converted-paper-contracts'],
    ['createExplanation', '/v1/explanations'],
    ['registerSandboxIdentities', '/v1/sandbox/identities'],
    ['submitProviderReport', '/v1/provider-reports'],
  ];

  it.each(SUBMISSIONS)('%s refuses bodies that are not JSON with 415', async (operationId, path) => {
    for (const type of ['text/plain', 'application/xml', 'application/json; charset=iso-8859-1']) {
      const problem = await send(operationId, path, { headers: { 'content-type': type }, body: '{}' });
      expect(problem).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(problem.detail).toContain('application/json');
    }
  });

  it('refuses a JSON token request with 415 naming the form encoding', async () => {
    const problem = await send('createToken', '/v1/oauth/token', {
      auth: false,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(problem).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(problem.detail).toContain('application/x-www-form-urlencoded');
  });

  it('authenticates before it looks at the body: 401, not the schema errors', async () => {
    const json = { 'content-type': 'application/json' };
    const missing = await send('submitContract', '/v1/contracts', { auth: false, headers: json, body: '{}' });
    expect(missing).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(missing.errors).toBeUndefined();
    const forged = await send('submitContract', '/v1/contracts', {
      headers: { ...json, authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
      body: 'not even json',
    });
    expect(forged).toMatchObject({ status: 401, code: 'TOKEN_INVALID' });
    const wrongType = await send('submitContract', '/v1/contracts', {
      auth: false,
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(wrongType.status).toBe(401);
  });

  it('refuses NUL and lone surrogates in any body string or key, with their pointers', async () => {
    const body = JSON.stringify({
      providerReference: 'a\u0000b',
      mainData: { note: '\ud800', 'k\u0000': 1 },
    });
    const problem = await send('submitContract', '/v1/contracts', {
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual(
      ['/mainData/k\u0000', '/mainData/note', '/providerReference'].sort(),
    );
  });

  it('refuses %00 in query and path parameters with their pointers', async () => {
    const query = await send('listTransactions', '/v1/transactions?providerReference=%00abc', {
      method: 'GET',
    });
    expect(query).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(query.errors?.[0]?.pointer).toBe('/query/providerReference');
    const path = await send('getTransactionByReference', '/v1/transactions/by-reference/a%00b', {
      method: 'GET',
    });
    expect(path).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(path.errors?.[0]?.pointer).toMatch(/^\/path\//);
  });

  it('refuses bodies that are not UTF-8 or not JSON, at the root pointer', async () => {
    const headers = { 'content-type': 'application/json' };
    const latin1 = await send('submitContract', '/v1/contracts', {
      headers,
      body: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(latin1).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
    expect(latin1.errors?.[0]?.pointer).toBe('/');
    const cut = await send('submitContract', '/v1/contracts', { headers, body: '{"providerReference":' });
    expect(cut.errors?.[0]?.pointer).toBe('/');
  });

  it('enforces the Idempotency-Key length of the spec (1-255)', async () => {
    for (const length of [256, 8000]) {
      const problem = await send('advanceSandboxClock', '/v1/sandbox/clock', {
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k'.repeat(length) },
        body: JSON.stringify({ advanceSeconds: 0 }),
      });
      expect(problem).toMatchObject({ status: 400, code: 'REQUEST_INVALID' });
      expect(problem.errors?.[0]?.pointer).toBe('/headers/idempotency-key');
    }
  });

  it('answers 413 with the limit for a body over it, declared or chunked', async () => {
    const big = new Uint8Array(16 * 1024 * 1024 + 1).fill(0x20);
    const declared = await send('submitContract', '/v1/contracts', {
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(declared.detail).toContain('16 MiB');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    const response = await fetch(`${kit.server.url}/v1/contracts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(await conforming('submitContract', response)).toMatchObject({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('answers 413 BATCH_TOO_LARGE over the batch limit of 32 MiB', async () => {
    const problem = await send('submitContractBatch', '/v1/contracts/batch', {
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20),
    });
    expect(problem).toMatchObject({ status: 413, code: 'BATCH_TOO_LARGE' });
    expect(problem.detail).toContain('32 MiB');
  });
});
