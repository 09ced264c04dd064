import type { Schemas, Transaction } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import { rememberResponse, responseOf } from '../response-info.js';

type Acknowledgement = Schemas['SubmissionAcknowledgement'];

export type SubmitOptions = RequestOptions & {
  /**
   * Wait up to this many seconds (the Platform honours at most 10) for the outcome in the same call
   * (`Prefer: wait`), instead of polling for it: `outcome` is then the final transaction.
   */
  waitSeconds?: number;
};

/**
 * What a submission answered: its acknowledgement and, when it became final within `waitSeconds`
 * (`201`), the transaction as `transactions.get` returns it, SUCCEEDED with its contract ID or FAILED.
 */
export type Submitted = Acknowledgement & {
  outcome?: Transaction;
  /** This call made a new transaction (`202`/`201`, not replayed). */
  created: boolean;
  /**
   * The answer is an earlier transaction's: the same Idempotency-Key again (`Idempotent-Replayed`),
   * or the same package again without it (`200`). Nothing new was submitted.
   */
  replayed: boolean;
  /** `X-Request-Id` of this call. */
  requestId?: string;
};

type Answer = {
  data?: Acknowledgement | Transaction;
  error?: unknown;
  response: Response;
};

/** The acknowledgement of a 202/200, or the one a 201's final transaction stands for, with it. */
function submitted(context: CallContext, result: Answer, key: string): Submitted {
  const data = unwrap(context, result, key);
  const info = responseOf(data);
  const replayed = result.response.status === 200 || info?.idempotentReplayed === true;
  const flags = { created: !replayed, replayed, requestId: info?.requestId };
  if (result.response.status !== 201)
    return withResponse({ ...(data as Acknowledgement), ...flags }, result, key);
  const outcome = data as Transaction;
  return withResponse(
    {
      transactionId: outcome.transactionId,
      kind: outcome.kind,
      receivedAt: outcome.receivedAt,
      payloadSha256: outcome.payloadSha256,
      providerReference: outcome.providerReference,
      status: outcome.status,
      statusUrl: result.response.headers.get('location') ?? `/v1/transactions/${outcome.transactionId}`,
      ...(outcome.supersedes ? { supersedes: outcome.supersedes } : {}),
      outcome,
      ...flags,
    },
    result,
    key,
  );
}

function withResponse(value: Submitted, result: Answer, key: string): Submitted {
  rememberResponse(value, result.response, key);
  return value;
}

/** The call's options, with `Prefer: wait` when the caller waits for the outcome. */
function submitInit(context: CallContext, options: SubmitOptions | undefined, key: string) {
  const init = context.init(options, key);
  const wait = options?.waitSeconds;
  if (wait === undefined || wait <= 0) return init;
  return { ...init, headers: { ...init.headers, prefer: `wait=${Math.ceil(wait)}` } };
}

/**
 * The intake operations with ready-made request bodies (N1, N5, F7, S2.1, T5). Each call carries an
 * Idempotency-Key (yours or a fresh UUID) reused by every retry, so a retry never submits twice.
 * For bodies built from PDF bytes, use the client's `submitContract` and siblings.
 */
export function submissionsResource(context: CallContext) {
  const { api } = context;
  return {
    async submitContract(body: Schemas['ContractSubmission'], options?: SubmitOptions): Promise<Submitted> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/contracts', { body, ...submitInit(context, options, key) });
      return submitted(context, result, key);
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
      options?: SubmitOptions,
    ): Promise<Submitted> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/converted-paper-contracts', {
        body,
        ...submitInit(context, options, key),
      });
      return submitted(context, result, key);
    },

    /** Appendix, amendment, supplement, suspension, resumption or termination under the same ID. */
    async submitLifecycleDocument(
      contractId: string,
      body: Schemas['LifecycleSubmission'],
      options?: SubmitOptions,
    ): Promise<Submitted> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/contracts/{contractId}/lifecycle', {
        params: { path: { contractId } },
        body,
        ...submitInit(context, options, key),
      });
      return submitted(context, result, key);
    },
  };
}
