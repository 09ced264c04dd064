import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem.js';

/**
 * Per-provider rate limit (per client IP before authentication), answered as a RATE_LIMITED problem
 * with Retry-After so well-behaved clients (the SDK) slow down instead of failing.
 */
export async function useRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      request.principal?.kind === 'provider'
        ? `provider:${request.principal.providerId}`
        : `ip:${request.ip}`,
    allowList: (request) => ['/health', '/ready', '/metrics'].includes(request.url),
    errorResponseBuilder: (_request, context) =>
      new ProblemError('RATE_LIMITED', {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
        detail: {
          en: `More than ${context.max} requests a minute; slow down.`,
          vi: `Quá ${context.max} yêu cầu mỗi phút; hãy giảm tốc độ gửi.`,
        },
      }),
  });
}
