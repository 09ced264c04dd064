import type { Schemas } from '@hdld/spec';
import type { Repositories } from '../storage/repositories.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';

/**
 * F4 "sync result", T14: queues the signed webhook telling the provider a transaction reached its
 * final state, when the provider has a callback URL and a webhook secret. Call it in the database
 * transaction that records the outcome, so a result exists exactly when its webhook does. One
 * webhook per processing attempt that ends (a re-pushed transaction gets a new one).
 */
export async function enqueueTransactionResult(
  repos: Repositories,
  transaction: StoredTransaction,
): Promise<void> {
  if (transaction.status !== 'SUCCEEDED' && transaction.status !== 'FAILED') return;
  const provider = await repos.providers.findById(transaction.providerId);
  if (!provider?.callbackUrl || !provider.webhookSecretSealed) return;
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
  await repos.outbox.insert({
    providerId: provider.id,
    channel: 'WEBHOOK',
    kind: 'TRANSACTION_COMPLETED',
    recipient: provider.callbackUrl,
    bodyText: JSON.stringify(event),
    dedupeKey: `transaction-result:${transaction.id}:${transaction.attempts}`,
    createdAt: occurredAt,
  });
}
