import type { Schemas } from '@hdld/spec';
import type { Repositories } from '../storage/repositories.js';
import type { OutcomeWebhook } from '../storage/transaction-outcome.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';

/**
 * The signed body of the "transaction.completed" webhook (F4 "sync result", T14) and its dedupe key:
 * one webhook per processing attempt that ends (a re-pushed transaction gets a new one).
 */
export function transactionResultWebhook(
  transaction: Pick<
    StoredTransaction,
    'id' | 'providerReference' | 'contractId' | 'failureClass' | 'completedAt' | 'attempts'
  > & { status: Schemas['WebhookEvent']['status'] },
): OutcomeWebhook {
  const occurredAt = transaction.completedAt ?? new Date();
  const event: Schemas['WebhookEvent'] = {
    event: 'transaction.completed',
    transactionId: transaction.id,
    providerReference: transaction.providerReference,
    status: transaction.status,
    ...(transaction.contractId ? { contractId: transaction.contractId } : {}),
    ...(transaction.failureClass ? { failureClass: transaction.failureClass } : {}),
    occurredAt: occurredAt.toISOString(),
  };
  return {
    bodyText: JSON.stringify(event),
    dedupeKey: `transaction-result:${transaction.id}:${transaction.attempts}`,
    createdAt: occurredAt,
  };
}

/**
 * F4 "sync result", T14: queues the signed webhook telling the provider a transaction reached its
 * final state, when the provider has a callback URL and a webhook secret. Call it in the database
 * transaction that records the outcome, so a result exists exactly when its webhook does.
 */
export async function enqueueTransactionResult(
  repos: Repositories,
  transaction: StoredTransaction,
): Promise<void> {
  if (transaction.status !== 'SUCCEEDED' && transaction.status !== 'FAILED') return;
  const provider = await repos.providers.findById(transaction.providerId);
  if (!provider?.callbackUrl || !provider.webhookSecretSealed) return;
  await repos.outbox.insert({
    providerId: provider.id,
    channel: 'WEBHOOK',
    kind: 'TRANSACTION_COMPLETED',
    recipient: provider.callbackUrl,
    ...transactionResultWebhook({ ...transaction, status: transaction.status }),
  });
}
