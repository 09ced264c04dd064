import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

const MiB = 1024 * 1024;
/** A batch of up to 50 contracts (T5; spec: contracts-batch.yaml, BatchTooLarge). */
const BATCH_LIMIT_BYTES = 32 * MiB;
/** Every other request body, one submission included (spec: contracts.yaml, PayloadTooLarge). */
const DEFAULT_LIMIT_BYTES = 16 * MiB;
const BATCH_OPERATION = 'submitContractBatch';

/** The largest body any operation takes: the server-wide limit, above which nothing is read. */
export const MAX_BODY_LIMIT_BYTES = BATCH_LIMIT_BYTES;

function operationIdOf(schema: unknown): string | undefined {
  return (schema as { operationId?: string } | undefined)?.operationId;
}

/** Gives each spec operation the body limit the spec states for it. */
export function useBodyLimits(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.bodyLimit =
      operationIdOf(route.schema) === BATCH_OPERATION ? BATCH_LIMIT_BYTES : DEFAULT_LIMIT_BYTES;
  });
}

/** 413 with the limit in words, in the code the spec names for the operation. */
export function bodyTooLarge(request: FastifyRequest): ProblemError {
  const limit = request.routeOptions.bodyLimit ?? MAX_BODY_LIMIT_BYTES;
  const mib = limit / MiB;
  const batch = operationIdOf(request.routeOptions.schema) === BATCH_OPERATION;
  return new ProblemError(batch ? 'BATCH_TOO_LARGE' : 'PAYLOAD_TOO_LARGE', {
    detail: {
      en: `The request body is larger than this operation's limit of ${mib} MiB (${limit} bytes).`,
      vi: `Nội dung yêu cầu vượt quá giới hạn ${mib} MiB (${limit} byte) của thao tác này.`,
    },
  });
}
