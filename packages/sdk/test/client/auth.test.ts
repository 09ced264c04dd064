import { exportJWK, exportPKCS8, generateKeyPair, jwtVerify } from 'jose';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { TokenProvider } from '../../src/client/credentials.js';
import { BASE_URL, mockPlatform, problem, TX_ID, transaction } from './support/mock-platform.js';

const platform = mockPlatform();
const TX_URL = `${BASE_URL}/v1/transactions/${TX_ID}`;

describe('authentication (issue 5; T16)', () => {
  it('fetches one token for concurrent calls and sends it as a Bearer token', async () => {
    platform.server.use(http.get(TX_URL, () => HttpResponse.json(transaction())));
    const client = platform.client();
    await Promise.all([
      client.transactions.get(TX_ID),
      client.transactions.get(TX_ID),
      client.transactions.get(TX_ID),
    ]);
    expect(platform.tokenCount()).toBe(1);
    expect(platform.calls(`/v1/transactions/${TX_ID}`).map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-1',
    ]);
  });

  it('on 401 TOKEN_EXPIRED refreshes the token once and retries the call', async () => {
    platform.server.use(
      http.get(TX_URL, ({ request }) =>
        request.headers.get('authorization') === 'Bearer token-1'
          ? problem(401, 'TOKEN_EXPIRED')
          : HttpResponse.json(transaction()),
      ),
    );
    await expect(platform.client().transactions.get(TX_ID)).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(platform.tokenCount()).toBe(2);
    expect(platform.calls(`/v1/transactions/${TX_ID}`)).toHaveLength(2);
  });

  it('does not loop when the fresh token is refused too', async () => {
    platform.server.use(http.get(TX_URL, () => problem(401, 'TOKEN_EXPIRED')));
    await expect(platform.client().transactions.get(TX_ID)).rejects.toMatchObject({ status: 401 });
    expect(platform.tokenCount()).toBe(2);
  });

  it('authenticates with private_key_jwt: an ES256 assertion for the token endpoint', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    let assertion = '';
    platform.server.use(
      http.post(`${BASE_URL}/v1/oauth/token`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        expect(form.get('client_assertion_type')).toBe(
          'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        );
        expect(form.has('client_secret')).toBe(false);
        assertion = form.get('client_assertion') ?? '';
        return HttpResponse.json({ access_token: 'jwt-token', token_type: 'Bearer', expires_in: 900 });
      }),
      http.get(TX_URL, () => HttpResponse.json(transaction())),
    );
    const client = platform.client({
      credentials: {
        clientId: 'sandbox-provider',
        privateKey: await exportPKCS8(privateKey),
        keyId: 'sandbox-1',
      },
    });
    await client.transactions.get(TX_ID);
    const { payload, protectedHeader } = await jwtVerify(assertion, publicKey, {
      issuer: 'sandbox-provider',
      subject: 'sandbox-provider',
      audience: `${BASE_URL}/v1/oauth/token`,
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: 'sandbox-1' });
    expect(payload.jti).toBeTypeOf('string');
    // A JWK works the same way.
    const jwkClient = platform.client({
      credentials: { clientId: 'sandbox-provider', privateKey: await exportJWK(privateKey) },
    });
    await expect(jwkClient.transactions.get(TX_ID)).resolves.toBeDefined();
  });

  it('refreshes before expiry and keeps a token another call already refreshed', async () => {
    let now = 0;
    let issued = 0;
    const send = async () => {
      issued++;
      return HttpResponse.json({ access_token: `t${issued}`, expires_in: 120 });
    };
    const tokens = new TokenProvider(
      { clientId: 'c', clientSecret: 's' },
      `${BASE_URL}/v1/oauth/token`,
      send,
      'en',
      () => now,
    );
    expect(await tokens.token()).toBe('t1');
    now = 59_000;
    expect(await tokens.token()).toBe('t1');
    now = 61_000; // within a minute of expiry
    expect(await tokens.token()).toBe('t2');
    tokens.invalidate('t1'); // a stale 401 must not throw away the fresh token
    expect(await tokens.token()).toBe('t2');
    tokens.invalidate('t2');
    expect(await tokens.token()).toBe('t3');
  });

  it('surfaces a refused client as HdldAuthError with the catalog code', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/oauth/token`, () => problem(401, 'CLIENT_AUTH_FAILED')));
    await expect(platform.client().transactions.get(TX_ID)).rejects.toMatchObject({
      name: 'HdldAuthError',
      code: 'CLIENT_AUTH_FAILED',
    });
  });
});
