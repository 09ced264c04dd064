import type { Lang } from '@hdld/spec';
import { type CryptoKey, importJWK, importPKCS8, type JWK, SignJWT } from 'jose';
import { errorFromResponse, HdldAuthError } from './errors.js';
import { sdkMessage } from './messages.js';
import { PlatformRequest } from './transport.js';

/**
 * How the provider authenticates (OAuth2 client credentials, T16). `private_key_jwt` (RFC 7523)
 * is the production method; a client secret is accepted by sandboxes only.
 */
export type Credentials =
  | {
      clientId: string;
      /** PKCS#8 PEM, a private JWK or a CryptoKey: the key registered with the Platform. */
      privateKey: CryptoKey | JWK | string;
      algorithm?: 'ES256' | 'RS256' | 'PS256';
      keyId?: string;
      scope?: string;
    }
  | { clientId: string; clientSecret: string; scope?: string };

type Token = { value: string; refreshAt: number };

/** Refresh a minute before expiry, or half-way through a shorter lifetime. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Fetches the access token lazily, caches it, refreshes it before it expires, one request at a
 * time however many calls need it. The token never reaches a log: the logger redacts it by key.
 */
export class TokenProvider {
  #token?: Token;
  #pending?: Promise<Token>;
  #key?: Promise<CryptoKey>;

  constructor(
    private readonly credentials: Credentials,
    private readonly tokenUrl: string,
    private readonly send: (request: PlatformRequest) => Promise<Response>,
    private readonly lang: Lang = 'en',
    private readonly now: () => number = Date.now,
  ) {}

  /** The current token when it needs no refresh yet; `token()` otherwise. */
  cached(): string | undefined {
    return this.#token && this.#token.refreshAt > this.now() ? this.#token.value : undefined;
  }

  async token(): Promise<string> {
    if (this.#token && this.#token.refreshAt > this.now()) return this.#token.value;
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    this.#token = await this.#pending;
    return this.#token.value;
  }

  /**
   * Forgets `staleToken` after the server said it is expired or revoked. A token another call has
   * already refreshed is kept, so a burst of 401s costs one token request, not one each.
   */
  invalidate(staleToken: string): void {
    if (this.#token?.value === staleToken) this.#token = undefined;
  }

  async #fetchToken(): Promise<Token> {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.credentials.scope) form.set('scope', this.credentials.scope);
    if ('clientSecret' in this.credentials) {
      form.set('client_id', this.credentials.clientId);
      form.set('client_secret', this.credentials.clientSecret);
    } else {
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set('client_assertion', await this.#assertion(this.credentials));
    }
    const requestedAt = this.now();
    const response = await this.send(
      new PlatformRequest(this.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          // Asking for a token twice is harmless: the key only makes the transport willing to retry.
          'idempotency-key': crypto.randomUUID(),
        },
        body: form,
      }),
    );
    const body = (await response.json().catch(() => undefined)) as
      | { access_token?: string; expires_in?: number }
      | undefined;
    if (!response.ok) throw errorFromResponse(response, body, { lang: this.lang });
    if (!body?.access_token) {
      throw new HdldAuthError({ status: response.status, title: sdkMessage('noAccessToken', this.lang) });
    }
    const lifetimeMs = (body.expires_in ?? 300) * 1000;
    return {
      value: body.access_token,
      refreshAt: requestedAt + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2),
    };
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

function isCryptoKey(key: CryptoKey | JWK): key is CryptoKey {
  return typeof (key as CryptoKey).algorithm === 'object' && (key as CryptoKey).type === 'private';
}

async function importKey(key: CryptoKey | JWK | string, alg: string): Promise<CryptoKey> {
  if (typeof key === 'string') return importPKCS8(key, alg);
  if (isCryptoKey(key)) return key;
  return (await importJWK(key, alg)) as CryptoKey;
}
