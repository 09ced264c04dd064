import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTechnicalInfo } from '../../src/providers/technical-info.js';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit } from '../support/sandbox-kit.js';

type Problem = { code: string; errors?: { pointer?: string }[] };

/**
 * N8 technical info (issue 7): the operator records a provider's callback URL and IP allow-list;
 * calls and token requests from elsewhere are refused with IP_NOT_ALLOWED, and a bad value refuses
 * the whole update without changing anything.
 */
describe.each(engines)('provider technical info and IP allow-list on %s', (engine) => {
  let kit: SandboxKit;
  let provider: ApiCall;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    provider = await kit.otherProvider('ip-b');
  });
  afterAll(async () => kit?.close());

  const update = (body: unknown, caller: ApiCall = kit.operator) =>
    caller('/v1/providers/ip-b/technical-info', { method: 'PUT', body });
  const requestToken = () =>
    fetch(`${kit.server.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'ip-b',
        client_secret: 'secret-of-ip-b-0123456789',
      }),
    });

  it('refuses calls and tokens from outside the allow-list with IP_NOT_ALLOWED', async () => {
    expect((await provider('/v1/transactions')).status).toBe(200);
    const updated = await update({ ipAllowList: ['203.0.113.0/24', '2001:DB8::/32'] });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Schemas['Provider']).ipAllowList).toEqual([
      '203.0.113.0/24',
      '2001:db8::/32',
    ]);
    for (const response of [await provider('/v1/transactions'), await requestToken()]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as Problem).code).toBe('IP_NOT_ALLOWED');
    }
    // Other providers are unaffected.
    expect((await kit.api('/v1/transactions')).status).toBe(200);
  });

  it('lets the provider in again from an allowed address', async () => {
    const updated = (await (await update({ ipAllowList: ['127.0.0.1'] })).json()) as Schemas['Provider'];
    expect(updated.ipAllowList).toEqual(['127.0.0.1/32']);
    expect((await provider('/v1/transactions')).status).toBe(200);
    expect((await requestToken()).status).toBe(200);
  });

  it('refuses a malformed CIDR or callback URL whole, changing nothing', async () => {
    const bad = await update({
      callbackUrl: 'https://user:pass@ip-b.invalid/hook',
      ipAllowList: ['10.0.0.0/8', 'not-a-cidr', '300.1.1.1', '10.0.0.0/33'],
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as Problem;
    expect(problem.code).toBe('REQUEST_INVALID');
    expect(problem.errors?.map((e) => e.pointer)).toEqual([
      '/callbackUrl',
      '/ipAllowList/1',
      '/ipAllowList/2',
      '/ipAllowList/3',
    ]);
    const profile = (await (await kit.operator('/v1/providers/ip-b')).json()) as Schemas['Provider'];
    expect(profile.ipAllowList).toEqual(['127.0.0.1/32']);
    expect(profile.callbackUrl).toBeUndefined();
  });

  it('is an operator action only', async () => {
    const own = await update({ ipAllowList: [] }, provider);
    expect(own.status).toBe(403);
    expect(((await own.json()) as Problem).code).toBe('FORBIDDEN');
    const missing = await kit.operator('/v1/providers/nobody/technical-info', {
      method: 'PUT',
      body: { ipAllowList: [] },
    });
    expect(((await missing.json()) as Problem).code).toBe('PROVIDER_NOT_FOUND');
  });
});

describe('callback URL rules (T16)', () => {
  it('requires https in production and accepts http in the sandbox only', () => {
    const http = { callbackUrl: 'http://ip-b.invalid/hook', ipAllowList: [] };
    expect(parseTechnicalInfo(http, 'sandbox').callbackUrl).toBe('http://ip-b.invalid/hook');
    expect(() => parseTechnicalInfo(http, 'production')).toThrow(/REQUEST_INVALID|schema/);
    expect(
      parseTechnicalInfo({ callbackUrl: 'https://ip-b.invalid/hook', ipAllowList: [] }, 'production'),
    ).toEqual({ callbackUrl: 'https://ip-b.invalid/hook', ipAllowList: [] });
    expect(parseTechnicalInfo({ callbackUrl: null, ipAllowList: ['::1', '::1/128'] }, 'production')).toEqual({
      ipAllowList: ['::1/128'],
    });
  });
});
