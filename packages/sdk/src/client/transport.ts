import { catalogEntry, isErrorCode, type Lang } from '@hdld/spec';
import ky, { HTTPError } from 'ky';
import { errorFromFailure, parseRetryAfter } from './errors.js';
import type { Logger } from './logger.js';
import type { RateLimitGate } from './rate-limit-gate.js';

export type RetryOptions = {
  /** Attempts after the first one. */
  maxRetries: number;
  /** Upper bound of one backoff delay and of an honoured Retry-After (longer ones are not waited for). */
  maxDelayMs: number;
};

export type TransportOptions = RetryOptions & {
  /** Per-attempt timeout. */
  timeoutMs: number;
  logger: Logger;
  gate: RateLimitGate;
  lang: Lang;
  fetch?: typeof fetch;
};

/** What a single call may change: its own timeout and retry budget (stripe-node's per-request options). */
export type CallOverrides = { timeoutMs?: number; maxRetries?: number };

export type Transport = (request: Request, overrides?: CallOverrides) => Promise<Response>;

/** Statuses worth retrying: timeouts, a key still in flight, rate limits, server faults. */
export const RETRYABLE_STATUSES = [408, 409, 429, 500, 502, 503, 504];
/** Statuses whose Retry-After is the delay to use (and, for 429 and 503, pauses the whole client). */
const RETRY_AFTER_STATUSES = [409, 429, 503];
const PAUSING_STATUSES = new Set([429, 503]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const ALL_METHODS = ['get', 'head', 'options', 'put', 'delete', 'post', 'patch'];
const BASE_DELAY_MS = 250;

/**
 * A retry is safe when the method is idempotent or the request carries an Idempotency-Key: the
 * Platform then answers a repeat with the stored response instead of processing it twice.
 */
export function isRetrySafe(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key');
}

/** A problem whose catalog entry says retrying cannot help (e.g. 409 IDEMPOTENCY_KEY_REUSED). */
async function catalogSaysNoRetry(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  return isErrorCode(body?.code) && catalogEntry(body.code).action !== 'RETRY';
}

/**
 * The fetch that openapi-fetch calls: ky underneath for exponential backoff with full jitter
 * (AWS "full jitter": a uniform delay in [0, min(cap, 250 ms * 2^n)]), Retry-After, a per-attempt
 * timeout and an `x-retry-count` header. HTTP error answers are returned (not thrown) once retries
 * are exhausted, so the caller maps the problem body itself; failures without an answer throw an
 * HdldError (network, timeout or abort).
 */
export function createTransport(options: TransportOptions): Transport {
  const { logger, gate, maxDelayMs } = options;
  const pauseOnRateLimit = (response: Response) => {
    const seconds = parseRetryAfter(response.headers.get('retry-after'));
    if (PAUSING_STATUSES.has(response.status) && seconds !== undefined) gate.block(seconds * 1000);
  };

  return async (request, overrides = {}) => {
    const started = performance.now();
    const safe = isRetrySafe(request);
    const shouldRetry = async ({ error }: { error: Error }) => {
      if (!safe || request.signal.aborted) return false;
      if (!(error instanceof HTTPError)) return undefined; // network faults and timeouts: ky's default (retry)
      const retryAfter = parseRetryAfter(error.response.headers.get('retry-after'));
      // A longer pause than we are willing to wait goes back to the caller as a rate-limit error.
      if (retryAfter !== undefined && retryAfter * 1000 > maxDelayMs) return false;
      return (await catalogSaysNoRetry(error.response)) ? false : undefined;
    };
    try {
      const response = await ky(request, {
        timeout: overrides.timeoutMs ?? options.timeoutMs,
        throwHttpErrors: (status) => RETRYABLE_STATUSES.includes(status),
        retry: {
          limit: overrides.maxRetries ?? options.maxRetries,
          methods: ALL_METHODS,
          statusCodes: RETRYABLE_STATUSES,
          afterStatusCodes: RETRY_AFTER_STATUSES,
          maxRetryAfter: maxDelayMs,
          delay: (attempt) => Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** (attempt - 1)),
          jitter: true,
          retryOnTimeout: true,
          shouldRetry,
        },
        hooks: {
          beforeRequest: [
            async (attempt, _options, { retryCount }) => {
              await gate.wait(request.signal);
              if (retryCount > 0) attempt.headers.set('x-retry-count', String(retryCount));
              logger.debug('request', { method: attempt.method, url: attempt.url, retryCount });
            },
          ],
          beforeError: [
            (error) => {
              pauseOnRateLimit(error.response);
              return error;
            },
          ],
          beforeRetry: [
            ({ request: attempt, error, retryCount }) => {
              const status = error instanceof HTTPError ? error.response.status : undefined;
              logger.debug('retrying', {
                method: attempt.method,
                url: attempt.url,
                retryCount,
                status,
                error: error.name,
              });
            },
          ],
        },
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      logResponse(response);
      return response;
    } catch (error) {
      if (error instanceof HTTPError) {
        logResponse(error.response);
        return error.response;
      }
      throw errorFromFailure(error, request, options.lang);
    }

    function logResponse(response: Response) {
      logger.debug('response', {
        method: request.method,
        url: request.url,
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}
