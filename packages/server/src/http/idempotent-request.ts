import type { FastifyRequest } from 'fastify';
import type { IdempotencyRepo } from '../storage/idempotency-repo.js';
import type { JsonValue } from '../storage/json.js';
import { ProblemError } from './problem.js';

/** The Idempotency-Key of a POST and the hash of its body, when the caller sent a key. */
export type IdempotentRequest = { key: string; requestSha256: string };

export function idempotencyOf(request: FastifyRequest): IdempotentRequest | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? { key, requestSha256: request.bodySha256! } : undefined;
}

/**
 * Claims the key inside the caller's database transaction: the stored response when the same
 * request was answered before, a conflict when the key was used for another body or is still being
 * handled, undefined when the request is new (the caller then completes the key in the same
 * transaction).
 */
export async function claimIdempotency(
  repo: IdempotencyRepo,
  providerId: string,
  idempotency: IdempotentRequest | undefined,
): Promise<{ status: number; body: JsonValue } | undefined> {
  if (!idempotency) return undefined;
  const claim = await repo.claim(providerId, idempotency.key, idempotency.requestSha256);
  if (claim.outcome === 'REPLAY') return { status: claim.status, body: claim.body };
  if (claim.outcome === 'MISMATCH') throw new ProblemError('IDEMPOTENCY_KEY_REUSED');
  if (claim.outcome === 'IN_PROGRESS')
    throw new ProblemError('IDEMPOTENCY_KEY_IN_USE', { retryAfterSeconds: 1 });
  return undefined;
}
