import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit } from '../support/sandbox-kit.js';

type Problem = { code: string };

/**
 * N8, F12, F30 (issue 7; Decree 337/2025 Art. 15.4): an operator suspends, restores and
 * disconnects providers, each change kept with its reason, operator and time; a suspended or
 * disconnected provider's every call is refused with its catalog code, token requests included.
 */
describe.each(engines)('provider registry and connection status on %s', (engine) => {
  let kit: SandboxKit;
  let provider: ApiCall;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    provider = await kit.otherProvider('status-b');
  });
  afterAll(async () => kit?.close());

  const setStatus = (status: string, reason: string) =>
    kit.operator('/v1/providers/status-b/status', { body: { status, reason } });
  /** A fresh token request with the provider's sandbox secret (see SandboxKit.otherProvider). */
  const requestToken = () =>
    fetch(`${kit.server.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'status-b',
        client_secret: 'secret-of-status-b-0123456789',
      }),
    });
  const publicNames = async () =>
    (
      (await (await fetch(`${kit.server.url}/v1/public/providers`)).json()) as Schemas['PublicProviderList']
    ).items.map((p) => p.name);

  it('blocks a suspended provider with PROVIDER_SUSPENDED and lets it back in once restored', async () => {
    expect((await provider('/v1/transactions')).status).toBe(200);
    expect(await publicNames()).toContain('Provider status-b');

    const suspended = (await (
      await setStatus('SUSPENDED', 'Failure rate above 20%.')
    ).json()) as Schemas['Provider'];
    expect(suspended.status).toBe('SUSPENDED');
    for (const response of [
      await provider('/v1/transactions'),
      await provider('/v1/reconciliation'),
      // A POST too (its body is validated first, so it has none).
      await provider('/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e/repush', { method: 'POST' }),
      await requestToken(),
    ]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as Problem).code).toBe('PROVIDER_SUSPENDED');
    }
    expect(await publicNames()).not.toContain('Provider status-b');
    // Other providers are unaffected.
    expect((await kit.api('/v1/transactions')).status).toBe(200);

    const restored = (await (
      await setStatus('ACTIVE', 'Explanations approved.')
    ).json()) as Schemas['Provider'];
    expect(restored.status).toBe('ACTIVE');
    expect((await provider('/v1/transactions')).status).toBe(200);
    expect((await requestToken()).status).toBe(200);
    expect(await publicNames()).toContain('Provider status-b');
    expect(restored.statusHistory).toMatchObject([
      {
        previousStatus: 'ACTIVE',
        status: 'SUSPENDED',
        reason: 'Failure rate above 20%.',
        changedBy: 'sandbox-operator',
      },
      {
        previousStatus: 'SUSPENDED',
        status: 'ACTIVE',
        reason: 'Explanations approved.',
        changedBy: 'sandbox-operator',
      },
    ]);
  });

  it('lets a provider read its own profile and history, and nobody else', async () => {
    const own = (await (await provider('/v1/providers/status-b')).json()) as Schemas['Provider'];
    expect(own).toMatchObject({
      providerId: 'status-b',
      status: 'ACTIVE',
      authenticationMethods: ['client_secret'],
    });
    expect(own.statusHistory).toEqual(expect.any(Array));
    const other = await provider(`/v1/providers/${kit.server.sandbox.providerId}`);
    expect(other.status).toBe(404);
    expect(((await other.json()) as Problem).code).toBe('PROVIDER_NOT_FOUND');
    for (const response of [
      await provider('/v1/providers'),
      await provider('/v1/providers/status-b/status', { body: { status: 'ACTIVE', reason: 'Me.' } }),
    ]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as Problem).code).toBe('FORBIDDEN');
    }
    const all = (await (await kit.operator('/v1/providers')).json()) as Schemas['ProviderList'];
    expect(all.items.map((p) => p.providerId).sort()).toEqual(['sandbox', 'status-b']);
  });

  it('cuts a disconnected provider off for good with PROVIDER_DISCONNECTED', async () => {
    expect((await setStatus('DISCONNECTED', 'Personal data accessed without right.')).status).toBe(200);
    const refused = await provider('/v1/transactions');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Problem).code).toBe('PROVIDER_DISCONNECTED');
    expect(((await (await requestToken()).json()) as Problem).code).toBe('PROVIDER_DISCONNECTED');
    const restore = await setStatus('ACTIVE', 'Reconsidered.');
    expect(restore.status).toBe(409);
    expect(((await restore.json()) as Problem).code).toBe('PROVIDER_STATUS_TRANSITION_INVALID');
    const listed = (await (
      await kit.operator('/v1/providers?status=DISCONNECTED')
    ).json()) as Schemas['ProviderList'];
    expect(listed.items.map((p) => p.providerId)).toEqual(['status-b']);
  });
});
