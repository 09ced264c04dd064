import { type CryptoKey, type JWK, SignJWT, importJWK, importPKCS8 } from 'jose';
import { HdldAuthError, errorFromResponse } from './errors.js';

/**
 * How the provider authenticates (OAuth2 client credentials). `private_key_jwt` (RFC 7523) is the
 * production method; a client secret is accepted by sandboxes only.
 */
export type Credentials =
  | { clientId: string; privateKey: CryptoKey | JWK | string; algorithm?: 'ES256' | 'RS256' | 'PS256'; keyId?: string }
  | { clientId: string; clientSecret: string };

type Token = { value: string; expiresAt: number };

/** Fetches the access token lazily, caches it, refreshes it before it expires, one request at a time. */
export class TokenProvider {
  #token?: Token;
  #pending?: Promise<Token>;
  #key?: Promise<CryptoKey>;

  constructor(
    private readonly credentials: Credentials,
    private readonly tokenUrl: string,
    private readonly send: (request: Request) => Promise<Response>,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.#token && this.#token.expiresAt - 60_000 > this.now()) return this.#token.value;
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    this.#token = await this.#pending;
    return this.#token.value;
  }

  /** Forgets the cached token, after the server said it is expired or revoked. */
  invalidate(): void {
    this.#token = undefined;
  }

  async #fetchToken(): Promise<Token> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if ('clientSecret' in this.credentials) {
      form.set('client_id', this.credentials.clientId);
      form.set('client_secret', this.credentials.clientSecret);
    } else {
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', await this.#assertion(this.credentials));
    }
    const request = new Request(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    });
    const response = await this.send(request);
    const body = (await response.json().catch(() => undefined)) as
      | { access_token?: string; expires_in?: number }
      | undefined;
    if (!response.ok) throw errorFromResponse(response, body, request);
    if (!body?.access_token) throw new HdldAuthError({ status: response.status, title: 'Token response has no access_token' });
    return { value: body.access_token, expiresAt: this.now() + (body.expires_in ?? 300) * 1000 };
  }

  async #assertion(credentials: Extract<Credentials, { privateKey: unknown }>): Promise<string> {
    const alg = credentials.algorithm ?? 'ES256';
    this.#key ??= importKey(credentials.privateKey, alg);
    const iat = Math.floor(this.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg, ...(credentials.keyId ? { kid: credentials.keyId } : {}) })
      .setIssuer(credentials.clientId)
      .setSubject(credentials.clientId)
      .setAudience(this.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 60)
      .setJti(crypto.randomUUID())
      .sign(await this.#key);
  }
}

async function importKey(key: CryptoKey | JWK | string, alg: string): Promise<CryptoKey> {
  if (typeof key === 'string') return importPKCS8(key, alg);
  if ('type' in key && (key as CryptoKey).type === 'private') return key as CryptoKey;
  return (await importJWK(key as JWK, alg)) as CryptoKey;
}
