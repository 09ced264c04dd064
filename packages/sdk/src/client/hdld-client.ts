import type { Lang, paths } from '@hdld/spec';
import createClient, { createQuerySerializer } from 'openapi-fetch';
import type { CallContext, CallInit, RequestOptions } from './call.js';
import { type Credentials, TokenProvider } from './credentials.js';
import { serializeBody } from './json-bytes.js';
import { defaultLogger, type Logger, redactingLogger } from './logger.js';
import { RateLimitGate } from './rate-limit-gate.js';
import { callerResource } from './resources/caller.js';
import { contractsResource } from './resources/contracts.js';
import { explanationsResource } from './resources/explanations.js';
import { notificationsResource } from './resources/notifications.js';
import { platformResource } from './resources/platform.js';
import { providerReportsResource } from './resources/provider-reports.js';
import { providersResource } from './resources/providers.js';
import { reconciliationResource } from './resources/reconciliation.js';
import { sandboxResource } from './resources/sandbox.js';
import { submissionsResource } from './resources/submissions.js';
import { transactionsResource } from './resources/transactions.js';
import { violationReportsResource } from './resources/violation-reports.js';
import { type CallOverrides, createTransport, PlatformRequest } from './transport.js';
import { createPlatformApi } from './transport-api.js';
import { compiledPathSerializer } from './transport-url.js';
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

/** For a 401: whether its problem says the token expired or is invalid. */
function wantsFreshToken(response: Response): Promise<boolean> {
  return response
    .clone()
    .json()
    .then((problem: { code?: string }) => TOKEN_PROBLEMS.has(problem.code ?? ''))
    .catch(() => false);
}

/**
 * One raw call (`hdld api`, like `gh api`): a path under the base URL, with its query string, and
 * optional bytes and headers. The client adds its token, language, Idempotency-Key and retries.
 */
export type RawRequest = {
  method: string;
  /** `/v1/...`: a path on the client's Platform; an absolute URL (another host) is refused. */
  path: string;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** The typed operations; both error styles: `api` returns `{ data, error }`, the resources throw. */
export type HdldResources = ReturnType<typeof createResources> & {
  /**
   * Sends one raw request and returns the Platform's answer as it is (no error thrown for a 4xx or
   * 5xx): the escape hatch for an operation the resources do not wrap yet.
   */
  request(raw: RawRequest): Promise<Response>;
};

function createResources(context: CallContext) {
  const caller = callerResource(context);
  return {
    /** openapi-fetch client: `{ data, error, response }`, nothing thrown for HTTP errors. */
    api: context.openapi,
    lang: context.lang,
    transactions: transactionsResource(context),
    contracts: contractsResource(context),
    submissions: submissionsResource(context),
    sandbox: sandboxResource(context),
    platform: platformResource(context),
    explanations: explanationsResource(context),
    reconciliation: reconciliationResource(context),
    /** Who the credentials act as (`getCaller`): kind, role, scope, ids and a provider's own profile. */
    caller,
    providers: providersResource(context, caller),
    providerReports: providerReportsResource(context),
    violationReports: violationReportsResource(context),
    notifications: notificationsResource(context),
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

  const platformFetch = async (request: PlatformRequest, overrides?: CallOverrides): Promise<Response> => {
    const headers = request.headers;
    headers['user-agent'] = agent;
    headers['accept-language'] = lang;
    // Generated once per call and reused by every retry of it (stripe-node's rule).
    if (request.method === 'POST' && headers['idempotency-key'] === undefined) {
      headers['idempotency-key'] = crypto.randomUUID();
    }
    if (!tokens || headers.authorization !== undefined) return send(request, overrides);
    // The cached token without an await: each await is a turn of the microtask queue per call.
    const token = tokens.cached() ?? (await tokens.token());
    headers.authorization = `Bearer ${token}`;
    const response = await send(request, overrides);
    if (response.status !== 401 || !(await wantsFreshToken(response))) return response;
    // The token expired or the key rotated between our check and the server's: one fresh try (a
    // PlatformRequest's body can be sent again).
    tokens.invalidate(token);
    headers.authorization = `Bearer ${await tokens.token()}`;
    return send(request, overrides);
  };
  // openapi-fetch builds a PlatformRequest, not a WHATWG Request (see PlatformRequest): the casts
  // below are the one place that substitution is visible.
  const openapi = createClient<paths>({
    baseUrl,
    Request: PlatformRequest as unknown as typeof Request,
    // Built once: openapi-fetch would otherwise build the default query serializer on every call.
    querySerializer: createQuerySerializer(),
    pathSerializer: compiledPathSerializer(),
    bodySerializer: serializeBody,
    fetch: (request) => platformFetch(request as unknown as PlatformRequest),
  });
  const context: CallContext = {
    api: createPlatformApi(baseUrl, platformFetch),
    openapi,
    lang,
    init(requestOptions: RequestOptions = {}, idempotencyKey?: string): CallInit {
      const { signal, timeoutMs, maxRetries } = requestOptions;
      const init: CallInit = {};
      if (signal) init.signal = signal;
      if (idempotencyKey) init.headers = { 'idempotency-key': idempotencyKey };
      if (timeoutMs !== undefined || maxRetries !== undefined) {
        init.fetch = (request: Request) =>
          platformFetch(request as unknown as PlatformRequest, { timeoutMs, maxRetries });
      }
      return init;
    },
  };
  return {
    ...createResources(context),
    request({ method, path, body, headers, signal }) {
      // The token is sent only to the configured Platform: never to a host named in the path.
      if (!path.startsWith('/') || path.startsWith('//')) {
        throw new TypeError(`request: the path must start with / (got ${path})`);
      }
      const request = new PlatformRequest(baseUrl + path, { method, headers, body, signal });
      return platformFetch(request);
    },
  };
}
