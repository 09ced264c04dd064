import { ProblemError } from '../http/problem.js';
import { enqueueTransactionJob } from '../pipeline/transaction-job.js';
import type { Storage } from '../storage/index.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';

function notApproved(transaction: StoredTransaction): ProblemError {
  return new ProblemError('REPUSH_NOT_APPROVED', {
    detail: {
      en: `Transaction ${transaction.id} is ${transaction.status} with explanation status ${transaction.explanationStatus}; only a FAILED transaction whose explanation was APPROVED can be pushed again.`,
      vi: `Giao dịch ${transaction.id} đang ở trạng thái ${transaction.status}, trạng thái giải trình ${transaction.explanationStatus}; chỉ giao dịch FAILED có giải trình đã được phê duyệt (APPROVED) mới được đẩy lại.`,
    },
  });
}

/**
 * F37: pushes an approved failed transaction again from its stored submission. In one database
 * transaction it goes back to RECEIVED (REPUSHED), the re-push is attributed on the explanation
 * and the `process-transaction` job is queued, as at intake. Repeating a re-push already made
 * returns the transaction with `requeued: false`.
 */
export async function repushTransaction(
  storage: Storage,
  transaction: StoredTransaction,
  by: { clientId: string; now: Date },
): Promise<{ transaction: StoredTransaction; requeued: boolean }> {
  return storage.transaction(async (repos) => {
    const requeued = await repos.transactions.requeueFailed(transaction.id);
    if (!requeued) {
      const current = (await repos.transactions.findById(transaction.id)) ?? transaction;
      if (current.explanationStatus === 'REPUSHED') return { transaction: current, requeued: false };
      throw notApproved(current);
    }
    await repos.explanations.recordRepush(transaction.id, { at: by.now, by: by.clientId });
    await enqueueTransactionJob(repos.tx, transaction.id);
    return { transaction: requeued, requeued: true };
  });
}
