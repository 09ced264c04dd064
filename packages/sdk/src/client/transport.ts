import ky, { HTTPError, type Options as KyOptions } from 'ky';
import { networkError } from './errors.js';
import type { Logger } from './logger.js';

export type RetryOptions = {
  /** Attempts after the first one. */
  maxRetries: number;
  /** Upper bound of one backoff delay, and of an honoured Retry-After. */
  maxDelayMs: number;
};

export type TransportOptions = RetryOptions & {
  timeoutMs: number;
  logger: Logger;
  fetch?: typeof fetch;
};

/** Statuses worth retrying: timeouts, conflicts on a key still in flight, rate limits, server faults. */
export const RETRYABLE_STATUSES = [408, 409, 429, 500, 502, 503, 504];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * A retry is safe when the method is idempotent or the request carries an Idempotency-Key: the
 * Platform then answers a repeat with the stored response instead of processing it twice.
 */
export function isRetrySafe(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key');
}

/**
 * The fetch that openapi-fetch calls: ky underneath for exponential backoff with full jitter,
 * Retry-After, per-attempt timeout and a retry-count header. HTTP error answers are returned (not
 * thrown) once retries are exhausted, so the caller maps the problem body itself.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const base: KyOptions = {
    timeout: options.timeoutMs,
    throwHttpErrors: (status) => RETRYABLE_STATUSES.includes(status),
    retry: {
      limit: options.maxRetries,
      methods: ['get', 'head', 'options', 'put', 'delete', 'post', 'patch'],
      statusCodes: RETRYABLE_STATUSES,
      afterStatusCodes: [413, 429, 503],
      maxRetryAfter: options.maxDelayMs,
      backoffLimit: options.maxDelayMs,
      delay: (attempt) => 250 * 2 ** (attempt - 1),
      jitter: true,
      retryOnTimeout: true,
    },
    hooks: {
      beforeRequest: [
        (request, _options, { retryCount }) => {
          if (retryCount > 0) request.headers.set('x-retry-count', String(retryCount));
        },
      ],
      beforeRetry: [
        ({ request, error, retryCount }) => {
          const status = error instanceof HTTPError ? error.response.status : undefined;
          options.logger.debug('retrying', { method: request.method, url: request.url, retryCount, status });
        },
      ],
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  return async (request) => {
    const started = Date.now();
    const safe = isRetrySafe(request);
    try {
      const response = await ky(request, {
        ...base,
        retry: { ...(base.retry as object), shouldRetry: () => (safe ? undefined : false) },
      });
      options.logger.debug('response', {
        method: request.method,
        url: request.url,
        status: response.status,
        ms: Date.now() - started,
      });
      return response;
    } catch (error) {
      if (error instanceof HTTPError) return error.response;
      throw networkError(error, request);
    }
  };
}
