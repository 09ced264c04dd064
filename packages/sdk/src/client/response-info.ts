/**
 * What the Platform said about a successful call besides its body (stripe-node's `lastResponse`):
 * the request id to quote to the Ministry's support, and whether the answer was a replay.
 */
export type ResponseInfo = {
  status: number;
  /** `X-Request-Id`: the id both sides log for this request. */
  requestId?: string;
  /** `Idempotent-Replayed: true`: the stored answer of an earlier request with the same key. */
  idempotentReplayed: boolean;
  /** The Idempotency-Key the call sent (POSTs). */
  idempotencyKey?: string;
  headers: Headers;
};

// Kept beside the results, not in them, so a result stays exactly the body the spec describes.
const seen = new WeakMap<object, ResponseInfo>();

export function rememberResponse(result: unknown, response: Response, idempotencyKey?: string): void {
  if (typeof result !== 'object' || result === null) return;
  seen.set(result, {
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
    idempotentReplayed: response.headers.get('idempotent-replayed') === 'true',
    idempotencyKey,
    headers: response.headers,
  });
}

/**
 * The response behind a result of any resource method, e.g.
 * `responseOf(await client.transactions.get(id))?.requestId`; undefined for values the SDK made itself.
 */
export function responseOf(result: object): ResponseInfo | undefined {
  return seen.get(result);
}
