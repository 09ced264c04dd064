import type { Lang, paths } from '@hdld/spec';
import createClient, { type Client } from 'openapi-fetch';
import type { CallContext, CallInit, RequestOptions } from './call.js';
import { type Credentials, TokenProvider } from './credentials.js';
import { defaultLogger, type Logger, redactingLogger } from './logger.js';
import { RateLimitGate } from './rate-limit-gate.js';
import { contractsResource } from './resources/contracts.js';
import { platformResource } from './resources/platform.js';
import { sandboxResource } from './resources/sandbox.js';
import { submissionsResource } from './resources/submissions.js';
import { transactionsResource } from './resources/transactions.js';
import { type CallOverrides, createTransport } from './transport.js';
import { userAgent } from './version.js';

export type HdldClientOptions = {
  /** The Platform's base URL, for example the sandbox `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Omit for the operations that need no authentication (health, public keys). */
  credentials?: Credentials;
  /** Language of problem titles and details (Accept-Language) and of the SDK's own messages. */
  lang?: Lang;
  /** Per-attempt timeout; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** Cap of one backoff delay and of an honoured Retry-After; default 20 s. */
  maxRetryDelayMs?: number;
  /** Receives debug lines (requests, retries, timings), already redacted. Default: `HDLD_LOG`. */
  logger?: Logger;
  fetch?: typeof fetch;
};

/** Problems after which a fresh token may succeed where the cached one failed. */
const TOKEN_PROBLEMS = new Set(['TOKEN_EXPIRED', 'TOKEN_INVALID']);

function wantsFreshToken(response: Response): Promise<boolean> {
  if (response.status !== 401) return Promise.resolve(false);
  return response
    .clone()
    .json()
    .then((problem: { code?: string }) => TOKEN_PROBLEMS.has(problem.code ?? ''))
    .catch(() => false);
}

/** The typed operations; both error styles: `api` returns `{ data, error }`, the resources throw. */
export type HdldResources = ReturnType<typeof createResources>;

function createResources(context: CallContext) {
  return {
    /** openapi-fetch client: `{ data, error, response }`, nothing thrown for HTTP errors. */
    api: context.api,
    lang: context.lang,
    transactions: transactionsResource(context),
    contracts: contractsResource(context),
    submissions: submissionsResource(context),
    sandbox: sandboxResource(context),
    platform: platformResource(context),
  };
}

/**
 * The low-level client: typed resources over the spec with authentication, retries, timeouts and
 * the rate-limit pause handled. `createHdldClient` (the SDK's entry point) adds the high-level
 * helpers on top.
 */
export function createBaseClient(options: HdldClientOptions): HdldResources {
  const lang = options.lang ?? 'en';
  const logger = options.logger ? redactingLogger(options.logger) : defaultLogger();
  const send = createTransport({
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 3,
    maxDelayMs: options.maxRetryDelayMs ?? 20_000,
    logger,
    lang,
    gate: new RateLimitGate(),
    fetch: options.fetch,
  });
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const tokens = options.credentials
    ? new TokenProvider(options.credentials, `${baseUrl}/v1/oauth/token`, send, lang)
    : undefined;
  const agent = userAgent();

  const platformFetch = async (request: Request, overrides?: CallOverrides): Promise<Response> => {
    request.headers.set('user-agent', agent);
    request.headers.set('accept-language', lang);
    // Generated once per call and reused by every retry of it (stripe-node's rule).
    if (request.method === 'POST' && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', crypto.randomUUID());
    }
    if (!tokens || request.headers.has('authorization')) return send(request, overrides);
    // A body can be read once: keep a copy for the retry with a fresh token. Without a body, the
    // copy is made only in the rare case it is needed (cheaper on the hot path of reads).
    const spare = request.body ? request.clone() : undefined;
    const token = await tokens.token();
    request.headers.set('authorization', `Bearer ${token}`);
    const response = await send(request, overrides);
    if (!(await wantsFreshToken(response))) return response;
    // The token expired or the key rotated between our check and the server's: one fresh try.
    tokens.invalidate(token);
    const retry = spare ?? new Request(request);
    retry.headers.set('authorization', `Bearer ${await tokens.token()}`);
    return send(retry, overrides);
  };

  const api: Client<paths> = createClient<paths>({ baseUrl, fetch: (request) => platformFetch(request) });
  const context: CallContext = {
    api,
    lang,
    init(requestOptions: RequestOptions = {}, idempotencyKey?: string): CallInit {
      const { signal, timeoutMs, maxRetries } = requestOptions;
      const overridden = timeoutMs !== undefined || maxRetries !== undefined;
      return {
        ...(signal ? { signal } : {}),
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
        ...(overridden
          ? { fetch: (request: Request) => platformFetch(request, { timeoutMs, maxRetries }) }
          : {}),
      };
    },
  };
  return createResources(context);
}
