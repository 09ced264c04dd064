import type { Lang, Transaction, paths } from '@hdld/spec';
import createClient, { type Client } from 'openapi-fetch';
import { type Credentials, TokenProvider } from './credentials.js';
import { errorFromResponse } from './errors.js';
import { type Logger, defaultLogger, redactingLogger } from './logger.js';
import { createTransport } from './transport.js';
import { userAgent } from './version.js';

export type HdldClientOptions = {
  /** The Platform's base URL, for example the sandbox `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Omit for the operations that need no authentication (health, public keys). */
  credentials?: Credentials;
  /** Language of problem titles and details (Accept-Language). */
  lang?: Lang;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** Cap of one backoff delay and of an honoured Retry-After; default 20 s. */
  maxRetryDelayMs?: number;
  logger?: Logger;
  fetch?: typeof fetch;
};

export type RequestOptions = { signal?: AbortSignal; idempotencyKey?: string };

const TOKEN_PROBLEMS = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID']);

/** Both error styles: `api` returns `{ data, error }`; the resource methods throw typed errors. */
export type HdldClient = {
  api: Client<paths>;
  transactions: {
    get(transactionId: string, options?: RequestOptions): Promise<Transaction>;
  };
};

async function unwrap<T>(result: { data?: T; error?: unknown; response: Response }, request?: Request): Promise<T> {
  if (result.error !== undefined || !result.response.ok) {
    throw errorFromResponse(result.response, result.error, request);
  }
  return result.data as T;
}

export function createHdldClient(options: HdldClientOptions): HdldClient {
  const logger = options.logger ? redactingLogger(options.logger) : defaultLogger();
  const send = createTransport({
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    maxDelayMs: options.maxRetryDelayMs ?? 20_000,
    logger,
    fetch: options.fetch,
  });
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const tokens = options.credentials
    ? new TokenProvider(options.credentials, `${baseUrl}/v1/oauth/token`, send)
    : undefined;

  const authenticatedFetch = async (request: Request): Promise<Response> => {
    if (!tokens || request.headers.has('authorization')) return send(request);
    const spare = request.clone();
    request.headers.set('authorization', `Bearer ${await tokens.token()}`);
    const response = await send(request);
    if (response.status !== 401) return response;
    const problem = (await response.clone().json().catch(() => ({}))) as { code?: string };
    if (!problem.code || !TOKEN_PROBLEMS.has(problem.code)) return response;
    // The token expired or the key rotated between our check and the server's: one fresh try.
    tokens.invalidate();
    spare.headers.set('authorization', `Bearer ${await tokens.token()}`);
    return send(spare);
  };

  const api = createClient<paths>({ baseUrl, fetch: authenticatedFetch });
  api.use({
    onRequest({ request }) {
      request.headers.set('user-agent', userAgent());
      request.headers.set('accept-language', options.lang ?? 'en');
      // Generated once per call and reused by every retry of it (stripe-node's rule).
      if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
        request.headers.set('idempotency-key', crypto.randomUUID());
      }
      return request;
    },
  });

  return {
    api,
    transactions: {
      async get(transactionId, requestOptions = {}) {
        const result = await api.GET('/v1/transactions/{transactionId}', {
          params: { path: { transactionId } },
          signal: requestOptions.signal,
        });
        return unwrap(result);
      },
    },
  };
}
