import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { RegistryUnavailableError } from '../identity-registry.js';
import type { CircuitBreaker } from './circuit-breaker.js';

/** PEM contents of the Platform's client certificate and key (mTLS), and of the registry's CAs. */
export type RegistryTls = { cert?: string; key?: string; ca?: string };

export type RegistryClientOptions = {
  /** For messages: "population registry", "business registry". */
  name: string;
  baseUrl: string;
  tls: RegistryTls;
  timeoutMs: number;
  retries: number;
  breaker: CircuitBreaker;
  /** First pause between attempts, doubled each time (default 200 ms). */
  retryDelayMs?: number;
};

export type RegistryClient = {
  /** The JSON record at `path`, `undefined` for a JSON 404; RegistryUnavailableError when it cannot answer. */
  get(path: string): Promise<unknown>;
  close(): void;
};

/** A registry answer is one small record: more than this is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;

type Answer = { status: number; json?: unknown };

/** An attempt that says nothing about the record (timeout, refused, 5xx, a proxy's page): try again. */
class AttemptFailed extends Error {}

const isJson = (response: IncomingMessage) =>
  /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers['content-type'] ?? '');

function readAnswer(response: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES)
        response.destroy(new AttemptFailed(`answer over ${MAX_ANSWER_BYTES} bytes`));
      else chunks.push(chunk);
    });
    response.on('error', reject);
    response.on('end', () => {
      const status = response.statusCode ?? 0;
      if (!isJson(response)) return resolve({ status });
      try {
        resolve({ status, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        resolve({ status });
      }
    });
  });
}

/**
 * GET of one registry record over HTTP(S), with the Platform's client certificate (mTLS), a timeout
 * per attempt, retries with exponential backoff, and the registry's circuit breaker. Only "found"
 * (200 JSON) and "not found" (404 JSON) are answers; a timeout, a refused connection, 408, 429, 5xx
 * or a body that is not JSON (a gateway's error page, a wrong base URL) is a failed attempt, and a
 * lookup whose attempts all failed, or that finds the circuit open, throws RegistryUnavailableError
 * (transient: the check is retried later). Other statuses (401, 403, 400) mean the Platform's request
 * or certificate is wrong: a Platform fault, thrown as a plain error. Messages never hold the path, which
 * carries a national ID number.
 */
export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  const https = base.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, ...options.tls })
    : new HttpAgent({ keepAlive: true });
  const send = https ? httpsRequest : httpRequest;
  const retryDelayMs = options.retryDelayMs ?? 200;

  const attempt = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const request = send(new URL(path, base), {
        method: 'GET',
        agent,
        headers: { accept: 'application/json' },
      });
      const timer = setTimeout(
        () => request.destroy(new AttemptFailed(`no answer within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      request.on('response', (response) =>
        readAnswer(response).then(resolve, (error: unknown) => reject(error)),
      );
      request.on('error', reject);
      request.on('close', () => clearTimeout(timer));
      request.end();
    });

  return {
    async get(path) {
      let reason = '';
      for (let n = 0; n <= options.retries; n++) {
        if (n > 0) await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (n - 1)));
        if (!options.breaker.allows())
          throw new RegistryUnavailableError(`${options.name}: circuit open after repeated failures`);
        let answer: Answer;
        try {
          answer = await attempt(path.replace(/^\//, ''));
        } catch (error) {
          options.breaker.failed();
          reason =
            error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
          continue;
        }
        const { status, json } = answer;
        if (json !== undefined && (status === 200 || status === 404)) {
          options.breaker.succeeded();
          return status === 200 ? json : undefined;
        }
        if (json === undefined || status === 408 || status === 429 || status >= 500) {
          options.breaker.failed();
          reason = `HTTP ${status}${json === undefined ? ' without a JSON body' : ''}`;
          continue;
        }
        options.breaker.succeeded();
        throw new Error(`${options.name} refused the Platform's request: HTTP ${status}`);
      }
      throw new RegistryUnavailableError(
        `${options.name} unavailable: ${reason} (${options.retries + 1} attempt(s))`,
      );
    },
    close() {
      agent.destroy();
    },
  };
}
