import type { paths } from '@hdld/spec';
import { type Client, createQuerySerializer, type ParseAs } from 'openapi-fetch';
import { serializeBody } from './json-bytes.js';
import { PlatformRequest } from './transport.js';
import { compiledPathSerializer } from './transport-url.js';

/**
 * The typed operations the resources call: openapi-fetch's own method types (paths, parameters,
 * bodies and responses from the spec), so a resource is written exactly as against openapi-fetch.
 */
export type PlatformApi = Pick<
  Client<paths>,
  'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS'
>;

/** What the resources pass to a call (a subset of openapi-fetch's options). */
type CallOptions = {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: ParseAs;
  fetch?: (request: PlatformRequest) => Promise<Response>;
};

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * openapi-fetch's request building and response reading, without its per-call generality: the
 * resources always send JSON bodies, use the client's serializers and no middleware, and
 * openapi-fetch's option merging (object rest and spread, a for-in over the options, a Headers
 * merge) cost more CPU than the rest of the client together (issue 5: overhead <= 5% of a loopback
 * round trip, measured in bench/client.bench.ts). Same URL, headers, body and `{ data, error,
 * response }` as openapi-fetch 0.17 for those calls; `client.api` stays openapi-fetch itself.
 */
export function createPlatformApi(
  baseUrl: string,
  send: (request: PlatformRequest) => Promise<Response>,
): PlatformApi {
  const pathOf = compiledPathSerializer();
  const queryOf = createQuerySerializer();

  const call = async (method: string, template: string, options: CallOptions = {}): Promise<Result> => {
    const { params, body } = options;
    // Keyed by the template (an interned literal): its hash is cached, unlike `baseUrl + template`'s.
    let url = baseUrl + (params?.path ? pathOf(template, params.path) : template);
    const search = params?.query ? queryOf(params.query) : '';
    if (search) url += `?${search}`;
    const encoded = body === undefined ? undefined : serializeBody(body, options.headers);
    const request = new PlatformRequest(url, {
      method,
      headers: options.headers,
      body: encoded,
      signal: options.signal,
    });
    const headers = request.headers;
    for (const name in params?.header) {
      const value = params.header[name];
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    // FormData carries its own multipart content type; everything else is JSON (openapi-fetch's default).
    if (encoded !== undefined && !(encoded instanceof FormData))
      headers['content-type'] ??= 'application/json';
    const response = await (options.fetch ?? send)(request);
    const parseAs = options.parseAs ?? 'json';
    // The common case read here, without another async frame: a JSON answer with a body.
    if (response.ok && parseAs === 'json' && response.status !== 204 && method !== 'HEAD') {
      const raw = await response.text();
      return { data: raw ? JSON.parse(raw) : undefined, response };
    }
    return read(response, method, parseAs);
  };

  const api = {} as Record<string, (template: string, options?: CallOptions) => Promise<Result>>;
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])
    api[method] = (template, options) => call(method, template, options);
  return api as unknown as PlatformApi;
}

/**
 * openapi-fetch's reading of an answer, but for successful JSON (read in `call`: as text, parsed when
 * not empty, so an empty answer is `undefined` as openapi-fetch's Content-Length checks make it): no
 * body for 204 and HEAD; other formats skip empty answers; problems parsed when they are JSON.
 */
async function read(response: Response, method: string, parseAs: ParseAs): Promise<Result> {
  if (response.status === 204 || method === 'HEAD') {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    const empty =
      response.headers.get('content-length') === '0' &&
      !response.headers.get('transfer-encoding')?.includes('chunked');
    if (empty) return { data: undefined, response };
    if (parseAs === 'stream') return { data: response.body, response };
    return { data: await response[parseAs](), response };
  }
  const text = await response.text();
  if (!text) return { error: undefined, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    // Not JSON (a proxy's HTML page): the text is the error.
    return { error: text, response };
  }
}
