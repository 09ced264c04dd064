import {
  type CatalogEntry,
  catalogEntry,
  type ErrorCode,
  isErrorCode,
  type Lang,
  type Problem,
  type ProblemDetailItem,
} from '@hdld/spec';
import { type SdkMessage, sdkMessage } from './messages.js';

type ErrorInit = {
  status?: number;
  code?: ErrorCode;
  title: string;
  detail?: string;
  errors?: ProblemDetailItem[];
  requestId?: string;
  idempotencyKey?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
};

/** What the catalog tells the caller to do about an error (S2.4 "error handling guide"). */
export type ErrorAction = CatalogEntry['action'];

/**
 * Base of every error the client throws. `code` is the Platform's catalog code (stable across
 * versions); `title` and `detail` are already localized by the server (Accept-Language); `errors`
 * lists the field or PDF-location findings (T9); `requestId` is what support asks for.
 */
export class HdldError extends Error {
  readonly status?: number;
  readonly code?: ErrorCode;
  readonly title: string;
  readonly detail?: string;
  readonly errors: ProblemDetailItem[];
  readonly requestId?: string;
  readonly idempotencyKey?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: ErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
    this.idempotencyKey = init.idempotencyKey;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The catalog's advice (RETRY, FIX_AND_RESUBMIT, EXPLAIN_AND_WAIT, NONE), when the code is known. */
  get action(): ErrorAction | undefined {
    return this.code ? catalogEntry(this.code).action : undefined;
  }
}

/** 400/413/415/422: the request breaks the schema or a business rule; fix and resubmit. */
export class HdldValidationError extends HdldError {}
/** 401/403: missing, expired or refused credentials, or a suspended provider. */
export class HdldAuthError extends HdldError {}
/** 404: unknown, or belonging to another provider. */
export class HdldNotFoundError extends HdldError {}
/** 409: idempotency key reused with another body, or still in flight. */
export class HdldConflictError extends HdldError {}
/** 429: slow down; `retryAfterSeconds` says for how long. */
export class HdldRateLimitError extends HdldError {}
/** 5xx: the Platform failed; safe to retry with the same idempotency key. */
export class HdldServerError extends HdldError {}
/** No HTTP answer: connection refused or reset, DNS failure. Retry with the same idempotency key. */
export class HdldNetworkError extends HdldError {}
/** No answer within the per-attempt timeout, after the retries. */
export class HdldTimeoutError extends HdldNetworkError {}
/** The caller's AbortSignal fired; nothing is retried after it. */
export class HdldAbortError extends HdldError {}

function classFor(status: number): typeof HdldError {
  if (status === 401 || status === 403) return HdldAuthError;
  if (status === 404) return HdldNotFoundError;
  if (status === 409) return HdldConflictError;
  if (status === 429) return HdldRateLimitError;
  if (status >= 500) return HdldServerError;
  return HdldValidationError;
}

/** Seconds from a Retry-After header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function retryAfter(response: Response, problem: Partial<Problem>): number | undefined {
  if (typeof problem.retryAfterSeconds === 'number') return problem.retryAfterSeconds;
  return parseRetryAfter(response.headers.get('retry-after'));
}

/** A catalog code for answers without a problem document (a proxy's HTML 502, for example). */
function fallbackCode(status: number): ErrorCode | undefined {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'SERVICE_UNAVAILABLE';
  if (status >= 500) return 'INTERNAL_ERROR';
  return undefined;
}

/** What the mapping needs besides the answer: the key the request carried and the caller's language. */
export type ErrorContext = { idempotencyKey?: string; lang?: Lang };

/** Maps an HTTP error answer (ideally RFC 9457 problem+json) to the matching error class. */
export function errorFromResponse(response: Response, body: unknown, context: ErrorContext = {}): HdldError {
  const lang = context.lang ?? 'en';
  const problem = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
  const ErrorClass = classFor(response.status);
  const code = isErrorCode(problem.code) ? problem.code : fallbackCode(response.status);
  const title =
    typeof problem.title === 'string'
      ? problem.title
      : code
        ? catalogEntry(code).title[lang]
        : `${sdkMessage('httpStatus', lang)} ${response.status}`;
  return new ErrorClass({
    status: response.status,
    code,
    title,
    detail: typeof problem.detail === 'string' ? problem.detail : undefined,
    errors: Array.isArray(problem.errors) ? problem.errors : [],
    requestId: problem.requestId ?? response.headers.get('x-request-id') ?? undefined,
    idempotencyKey: context.idempotencyKey,
    retryAfterSeconds: retryAfter(response, problem),
  });
}

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}

/** The parts of the transport's `PlatformRequest` the failure mapping reads (lowercase header names). */
type FailedRequest = { headers: Record<string, string>; signal?: AbortSignal | null };

/** Maps a failure without an HTTP answer: the caller's abort, a timeout or a network fault. */
export function errorFromFailure(cause: unknown, request?: FailedRequest, lang: Lang = 'en'): HdldError {
  const idempotencyKey = request?.headers['idempotency-key'];
  const make = (ErrorClass: typeof HdldError, key: SdkMessage) =>
    new ErrorClass({
      title: sdkMessage(key, lang),
      detail: cause instanceof Error && key === 'network' ? cause.message : undefined,
      idempotencyKey,
      cause,
    });
  if (cause instanceof HdldError) return cause;
  if (request?.signal?.aborted && !isNamed(cause, 'TimeoutError')) return make(HdldAbortError, 'aborted');
  if (isNamed(cause, 'TimeoutError')) return make(HdldTimeoutError, 'timeout');
  if (isNamed(cause, 'AbortError')) return make(HdldAbortError, 'aborted');
  return make(HdldNetworkError, 'network');
}
