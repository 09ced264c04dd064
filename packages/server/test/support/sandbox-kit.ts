import { loadContractFonts } from '@hdld/sdk/node';
import {
  createSampleSubmission,
  createTestPki,
  createTestTsa,
  type SampleSubmission,
  type TestIdentity,
  type TestPki,
} from '@hdld/sdk/testing';
import type { ContractMainData } from '@hdld/spec';
import { hashSecret } from '../../src/auth/secret-hash.js';
import type { ServerConfig } from '../../src/config/server-config.js';
import type { Engine } from '../../src/storage/database.js';
import { createTestDatabase } from './databases.js';
import { startTestServer, type TestServer } from './test-server.js';

export type ApiCall = (
  path: string,
  init?: { method?: string; body?: unknown; headers?: Record<string, string> },
) => Promise<Response>;

/** A caller that obtains a token with client credentials once, then sends it on every call. */
function apiCaller(baseUrl: string, clientId: string, clientSecret: string): ApiCall {
  let token: string | undefined;
  const accessToken = async () => {
    if (token) return token;
    const response = await fetch(`${baseUrl}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }),
    });
    token = ((await response.json()) as { access_token: string }).access_token;
    return token;
  };
  const send: ApiCall = async (path, init = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  return async (path, init) => {
    const response = await send(path, init);
    if (response.status !== 401) return response;
    const { code } = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string };
    if (code !== 'TOKEN_EXPIRED') return response;
    // The sandbox clock was moved past the token's lifetime: one new token, once.
    token = undefined;
    return send(path, init);
  };
}

/** Everything an intake test needs: a test PKI and TSA, and a server that trusts them. */
export type SandboxKit = {
  pki: TestPki;
  /** The in-process RFC 3161 TSA the server trusts. */
  tsa: { timestamp(request: Uint8Array): Promise<Uint8Array> };
  server: TestServer;
  /** A fresh, valid, two-party B-T submission; its employee is registered in the population registry. */
  sample(
    seed: number,
    overrides?: {
      providerReference?: string;
      /** Main data of the contract built and signed instead of the seed's. */
      mainData?: ContractMainData;
      signedPdf?: Uint8Array;
      /** Who signs; default the contract's own parties (F8). */
      signers?: { employer: TestIdentity; employee: TestIdentity };
    },
  ): Promise<SampleSubmission>;
  /** Calls the API as the sandbox provider. */
  api: ApiCall;
  /** Calls the API as the sandbox Ministry operator. */
  operator: ApiCall;
  /** Registers another provider and returns a caller acting as it (isolation tests, T17). */
  otherProvider(id: string): Promise<ApiCall>;
  close(): Promise<void>;
};

export async function startSandboxKit(
  engine: Engine = 'pglite',
  overrides: Partial<ServerConfig> = {},
): Promise<SandboxKit> {
  const pki = await createTestPki();
  const tsaService = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const tsa = { timestamp: (request: Uint8Array) => tsaService.timestamp(request) };
  const database = engine === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const server = await startTestServer(
    { ...overrides, ...(database?.url ? { databaseUrl: database.url } : {}) },
    {
      trust: {
        ca: [pki.root.certificate],
        tsa: [pki.root.certificate],
        certification: [pki.root.certificate],
      },
    },
  );
  const fonts = loadContractFonts();
  return {
    pki,
    tsa,
    server,
    async sample(seed, overrides = {}) {
      const sample = await createSampleSubmission({ pki, tsa, fonts: await fonts, seed, ...overrides });
      await server.platform.identity.register([sample.identity]);
      return sample;
    },
    api: apiCaller(server.url, server.sandbox.clientId, server.sandbox.clientSecret),
    operator: apiCaller(server.url, server.operator.clientId, server.operator.clientSecret),
    async otherProvider(id) {
      const secret = `secret-of-${id}-0123456789`;
      await server.platform.storage.providers.insert({
        id,
        name: `Provider ${id}`,
        clientId: id,
        clientSecretHash: await hashSecret(secret),
        contactEmail: `${id}@hdld.invalid`,
      });
      return apiCaller(server.url, id, secret);
    },
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}

/**
 * Polls a transaction until the pipeline has decided (bounded; no wall-clock assertion). It asks as
 * the operator, who sees every provider's transactions, suspended providers' included.
 */
export async function waitForFinal(
  kit: SandboxKit,
  transactionId: string,
  attempts = 400,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < attempts; i++) {
    const response = await kit.operator(`/v1/transactions/${transactionId}`);
    const body = (await response.json()) as Record<string, unknown>;
    if (body.status === 'SUCCEEDED' || body.status === 'FAILED') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`transaction ${transactionId} did not finish`);
}
