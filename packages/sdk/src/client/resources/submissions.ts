import type { Schemas } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';

type Acknowledgement = Schemas['SubmissionAcknowledgement'];

/**
 * The intake operations with ready-made request bodies (N1, N5, F7, S2.1, T5). Each call carries an
 * Idempotency-Key (yours or a fresh UUID) reused by every retry, so a retry never submits twice.
 * For bodies built from PDF bytes, use the client's `submitContract` and siblings.
 */
export function submissionsResource(context: CallContext) {
  const { api } = context;
  return {
    async submitContract(
      body: Schemas['ContractSubmission'],
      options?: RequestOptions,
    ): Promise<Acknowledgement> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/contracts', { body, ...context.init(options, key) });
      return unwrap(context, result, key);
    },

    /** Up to 50 contracts; each item is acknowledged (or refused) on its own. */
    async submitContractBatch(
      body: Schemas['BatchSubmission'],
      options?: RequestOptions,
    ): Promise<Schemas['BatchAcknowledgement']> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/contracts/batch', { body, ...context.init(options, key) });
      return unwrap(context, result, key);
    },

    async submitConvertedPaper(
      body: Schemas['ConvertedPaperSubmission'],
      options?: RequestOptions,
    ): Promise<Acknowledgement> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/converted-paper-contracts', { body, ...context.init(options, key) });
      return unwrap(context, result, key);
    },

    /** Appendix, amendment, supplement, suspension, resumption or termination under the same ID. */
    async submitLifecycleDocument(
      contractId: string,
      body: Schemas['LifecycleSubmission'],
      options?: RequestOptions,
    ): Promise<Acknowledgement> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/contracts/{contractId}/lifecycle', {
        params: { path: { contractId } },
        body,
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },
  };
}
