import type { Schemas } from '@hdld/spec';
import type { StoredTransaction } from '../storage/transactions-repo.js';

export type Acknowledgement = Schemas['SubmissionAcknowledgement'];

/** Polling hint: processing usually finishes within a second or two. */
const RETRY_AFTER_SECONDS = 1;

export function acknowledgementOf(
  transaction: Pick<
    StoredTransaction,
    'id' | 'kind' | 'receivedAt' | 'payloadSha256' | 'providerReference' | 'status' | 'supersedes'
  >,
): Acknowledgement {
  return {
    transactionId: transaction.id,
    kind: transaction.kind,
    receivedAt: transaction.receivedAt.toISOString(),
    payloadSha256: transaction.payloadSha256,
    providerReference: transaction.providerReference,
    status: transaction.status,
    statusUrl: `/v1/transactions/${transaction.id}`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    ...(transaction.supersedes ? { supersedes: transaction.supersedes } : {}),
  };
}
