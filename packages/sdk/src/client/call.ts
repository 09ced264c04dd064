import type { Lang, paths } from '@hdld/spec';
import type { Client } from 'openapi-fetch';
import { errorFromResponse } from './errors.js';
import { rememberResponse } from './response-info.js';
import type { CallOverrides } from './transport.js';
import type { PlatformApi } from './transport-api.js';

/** Options of one call (stripe-node style): cancellation, its own key, timeout and retry budget. */
export type RequestOptions = CallOverrides & {
  signal?: AbortSignal;
  /** For POSTs: reuse your own key (e.g. one stored before a crash) instead of a fresh UUID. */
  idempotencyKey?: string;
};

/** The openapi-fetch options one call passes: its signal, headers and a fetch bound to its overrides. */
export type CallInit = {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
};

/**
 * The openapi-fetch client offered to callers (`client.api`), without middleware: its requests are
 * the transport's `PlatformRequest`s, not WHATWG Requests, and authentication, retries and logging
 * are the SDK's.
 */
export type OpenApiClient = Omit<Client<paths>, 'use' | 'eject'>;

/** What every resource needs: the typed client, the caller's language and per-call options. */
export type CallContext = {
  /** The typed operations the resources call (openapi-fetch's types, a leaner request path). */
  api: PlatformApi;
  /** openapi-fetch itself, for callers who want `{ data, error }` (`client.api`). */
  openapi: OpenApiClient;
  lang: Lang;
  init(options: RequestOptions | undefined, idempotencyKey?: string): CallInit;
};

type Result<T> = { data?: T; error?: unknown; response: Response };

/** `{ data, error }` to data-or-throw: the resource methods' error style. */
export function unwrap<T>(context: CallContext, result: Result<T>, idempotencyKey?: string): T {
  if (result.error !== undefined || !result.response.ok) {
    throw errorFromResponse(result.response, result.error, { idempotencyKey, lang: context.lang });
  }
  rememberResponse(result.data, result.response, idempotencyKey);
  return result.data as T;
}

/** The key of one POST: the caller's when given, otherwise a fresh UUID reused by every retry. */
export function idempotencyKeyFor(options: RequestOptions | undefined): string {
  return options?.idempotencyKey ?? crypto.randomUUID();
}
