import { describe, expect, it } from 'vitest';
import { authenticateClient, type ClientAuthContext } from '../../src/auth/client-authentication.js';
import { hashSecret } from '../../src/auth/secret-hash.js';
import type { Operator } from '../../src/storage/operators-repo.js';
import type { Provider } from '../../src/storage/providers-repo.js';

/**
 * Token issuance for both kinds of client (issue 7): Ministry operators by client secret in every
 * mode, providers by secret in the sandbox only, suspended providers refused, and a client id that
 * names both kinds refused rather than guessed.
 */
describe('client authentication of providers and operators', async () => {
  const hash = await hashSecret('s3cret-value');
  const provider = (id: string, status: Provider['status'] = 'ACTIVE'): Provider => ({
    id,
    name: id,
    clientId: id,
    clientSecretHash: hash,
    status,
    contactEmail: `${id}@hdld.invalid`,
    capabilities: ['CONTRACT'],
    createdAt: new Date(0),
    ipAllowList: [],
  });
  const operator = (id: string): Operator => ({
    id,
    name: id,
    clientId: id,
    clientSecretHash: hash,
    createdAt: new Date(0),
  });
  const context = (sandbox: boolean, providers: Provider[], operators: Operator[]): ClientAuthContext => ({
    sandbox,
    audiences: ['http://127.0.0.1/v1/oauth/token'],
    now: new Date(),
    ip: '127.0.0.1',
    findProvider: async (clientId) => providers.find((p) => p.clientId === clientId),
    findOperator: async (clientId) => operators.find((o) => o.clientId === clientId),
    rememberAssertion: () => true,
  });
  const form = (clientId: string, secret = 's3cret-value') => ({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
  });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: { code: string }) => error.code,
    );

  it('gives an operator the operator role, in production as in the sandbox', async () => {
    const ctx = context(false, [], [operator('moha-1')]);
    expect(await authenticateClient(form('moha-1'), ctx)).toEqual({
      kind: 'operator',
      operatorId: 'moha-1',
      clientId: 'moha-1',
      scope: { level: 'nation' },
    });
    expect(await codeOf(authenticateClient(form('moha-1', 'wrong'), ctx))).toBe('CLIENT_AUTH_FAILED');
  });

  it('accepts a provider secret in the sandbox only, and never for a suspended provider', async () => {
    const providers = [provider('p1'), provider('p2', 'SUSPENDED')];
    expect(await authenticateClient(form('p1'), context(true, providers, []))).toMatchObject({
      kind: 'provider',
      providerId: 'p1',
    });
    expect(await codeOf(authenticateClient(form('p1'), context(false, providers, [])))).toBe(
      'CLIENT_AUTH_FAILED',
    );
    expect(await codeOf(authenticateClient(form('p2'), context(true, providers, [])))).toBe(
      'PROVIDER_SUSPENDED',
    );
  });

  it('refuses a client id registered as both a provider and an operator', async () => {
    const ctx = context(true, [provider('both')], [operator('both')]);
    expect(await codeOf(authenticateClient(form('both'), ctx))).toBe('CLIENT_AUTH_FAILED');
  });
});
