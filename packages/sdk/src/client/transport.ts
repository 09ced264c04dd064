import { catalogEntry, isErrorCode, type Lang } from '@hdld/spec';
import { errorFromFailure, parseRetryAfter } from './errors.js';
import { isDebugOff, type Logger } from './logger.js';
import { type RateLimitGate, sleep } from './rate-limit-gate.js';
import { DeadlineQueue } from './transport-deadlines.js';

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

/** A body that can be sent again as it is, so a retry needs no copy of the request. */
export type ResendableBody = Exclude<BodyInit, ReadableStream>;

/** Header names lowercase, as undici and the Platform see them. */
export type HeaderRecord = Record<string, string>;

/**
 * What the transport sends: a URL, a method, headers and a body that can be sent again. It stands in
 * for `Request` where openapi-fetch builds one (its `Request` option): a WHATWG Request costs as much
 * to build as the whole fetch it feeds (undici parses the URL, copies the headers and wraps the body
 * in a stream), and fetch would build a second one from it; a plain object is handed to fetch once
 * per attempt and retried without cloning. Headers are a plain record (lowercase names): cheaper to
 * set and to hand to fetch than a Headers object.
 */
export class PlatformRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: HeaderRecord;
  readonly body: ResendableBody | undefined;
  readonly signal: AbortSignal | undefined;

  constructor(url: string | URL, init: RequestInit = {}) {
    if (init.body instanceof ReadableStream) throw new TypeError('PlatformRequest: streams cannot be resent');
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = headerRecord(init.headers);
    this.body = (init.body ?? undefined) as ResendableBody | undefined;
    this.signal = init.signal ?? undefined;
  }
}

function headerRecord(init: HeadersInit | undefined): HeaderRecord {
  const record: HeaderRecord = {};
  if (init === undefined) return record;
  if (init instanceof Headers) {
    init.forEach((value, name) => {
      record[name] = value;
    });
  } else if (Array.isArray(init)) {
    for (const [name, value] of init) record[name!.toLowerCase()] = value!;
  } else {
    for (const name in init) record[name.toLowerCase()] = String(init[name]);
  }
  return record;
}

export type Transport = (request: PlatformRequest, overrides?: CallOverrides) => Promise<Response>;

/** Statuses worth retrying: timeouts, a key still in flight, rate limits, server faults. */
export const RETRYABLE_STATUSES = [408, 409, 429, 500, 502, 503, 504];
const RETRYABLE = new Set(RETRYABLE_STATUSES);
/** Statuses whose Retry-After is the delay to use (and, for 429 and 503, pauses the whole client). */
const RETRY_AFTER_STATUSES = new Set([409, 429, 503]);
const PAUSING_STATUSES = new Set([429, 503]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const BASE_DELAY_MS = 250;

/**
 * A retry is safe when the method is idempotent or the request carries an Idempotency-Key: the
 * Platform then answers a repeat with the stored response instead of processing it twice.
 */
export function isRetrySafe(request: Pick<PlatformRequest, 'method' | 'headers'>): boolean {
  return SAFE_METHODS.has(request.method) || request.headers['idempotency-key'] !== undefined;
}

/** A problem whose catalog entry says retrying cannot help (e.g. 409 IDEMPOTENCY_KEY_REUSED). */
async function catalogSaysNoRetry(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  return isErrorCode(body?.code) && catalogEntry(body.code).action !== 'RETRY';
}

function timeoutError(ms: number): DOMException {
  return new DOMException(`No answer within ${ms} ms`, 'TimeoutError');
}

/**
 * The fetch that openapi-fetch calls, with what a bare fetch lacks: retries with exponential backoff
 * and full jitter (AWS "full jitter": a uniform delay in [0, min(cap, 250 ms * 2^n)]), Retry-After
 * (which also pauses the whole client on 429 and 503), a per-attempt timeout, the caller's
 * AbortSignal and an `x-retry-count` header. HTTP error answers are returned (not thrown) once
 * retries are exhausted, so the caller maps the problem body itself; failures without an answer
 * throw an HdldError (network, timeout or abort).
 *
 * The success path is kept close to what a bare fetch does (issue 5: client overhead <= 5% of a
 * loopback round trip): no request copies, no AbortSignal, no timer per request, no option merging,
 * no log fields built when debug logging is off.
 */
export function createTransport(options: TransportOptions): Transport {
  const { logger, gate, maxDelayMs, lang } = options;
  const debug = !isDebugOff(logger);

  /** One FIFO of deadlines per timeout value (the default and any per-call overrides). */
  const deadlines = new Map<number, DeadlineQueue>();

  /**
   * One attempt, bounded by the per-attempt timeout. The caller's signal (when given) goes to fetch
   * and cancels the request; the timeout abandons it instead: on Node, any AbortSignal handed to
   * fetch costs about 15 µs of CPU (undici follows it with a WeakRef and a FinalizationRegistry
   * entry, which the garbage collector pays for), 5% of a loopback round trip on its own. An
   * abandoned request's connection is released when its late answer arrives (its body is
   * cancelled) or by undici's own header timeout.
   */
  const attempt = (request: PlatformRequest, timeoutMs: number) =>
    new Promise<Response>((resolve, reject) => {
      let queue = deadlines.get(timeoutMs);
      if (!queue) {
        queue = new DeadlineQueue(timeoutMs);
        deadlines.set(timeoutMs, queue);
      }
      const watched = queue.watch(() => reject(timeoutError(timeoutMs)));
      (options.fetch ?? globalThis.fetch)(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      }).then(
        (response) => {
          if (watched.state === 'expired') {
            response.body?.cancel().catch(() => undefined);
            return;
          }
          queue.done(watched);
          resolve(response);
        },
        (error: unknown) => {
          queue.done(watched);
          reject(error);
        },
      );
    });

  /** Milliseconds to wait before retry number `retryCount`, or undefined when not to retry. */
  const retryDelay = async (response: Response | undefined, retryCount: number) => {
    if (response) {
      const retryAfter = RETRY_AFTER_STATUSES.has(response.status)
        ? parseRetryAfter(response.headers.get('retry-after'))
        : undefined;
      // A longer pause than we are willing to wait goes back to the caller as a rate-limit error.
      if (retryAfter !== undefined && retryAfter * 1000 > maxDelayMs) return undefined;
      if (await catalogSaysNoRetry(response)) return undefined;
      if (retryAfter !== undefined) return retryAfter * 1000;
    }
    return Math.random() * Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** (retryCount - 1));
  };

  const logResponse = (request: PlatformRequest, response: Response, started: number) =>
    logger.debug('response', {
      method: request.method,
      url: request.url,
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      ms: Math.round(performance.now() - started),
    });

  return async (request, overrides) => {
    const timeoutMs = overrides?.timeoutMs ?? options.timeoutMs;
    const maxRetries = overrides?.maxRetries ?? options.maxRetries;
    const started = debug ? performance.now() : 0;

    for (let retryCount = 0; ; retryCount++) {
      if (gate.remainingMs() > 0) {
        await gate.wait(request.signal).catch((reason: unknown) => {
          throw errorFromFailure(reason, request, lang);
        });
      }
      if (retryCount > 0) request.headers['x-retry-count'] = String(retryCount);
      if (debug) logger.debug('request', { method: request.method, url: request.url, retryCount });

      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await attempt(request, timeoutMs);
        if (!RETRYABLE.has(response.status)) {
          if (debug) logResponse(request, response, started);
          return response;
        }
        const seconds = parseRetryAfter(response.headers.get('retry-after'));
        if (PAUSING_STATUSES.has(response.status) && seconds !== undefined) gate.block(seconds * 1000);
      } catch (error) {
        failure = error;
      }

      const retryable = retryCount < maxRetries && isRetrySafe(request) && !request.signal?.aborted;
      const delayMs = retryable ? await retryDelay(response, retryCount + 1) : undefined;
      if (delayMs === undefined) {
        if (!response) throw errorFromFailure(failure, request, lang);
        if (debug) logResponse(request, response, started);
        return response;
      }
      if (debug) {
        logger.debug('retrying', {
          method: request.method,
          url: request.url,
          retryCount: retryCount + 1,
          status: response?.status,
          error: response ? undefined : (failure as Error | undefined)?.name,
          delayMs: Math.round(delayMs),
        });
      }
      // The refused answer's body is not read: release its connection now.
      await response?.body?.cancel().catch(() => undefined);
      await sleep(delayMs, request.signal).catch((reason: unknown) => {
        throw errorFromFailure(reason, request, lang);
      });
    }
  };
}
