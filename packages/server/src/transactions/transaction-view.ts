import { lateFinding } from '@hdld/sdk';
import type { Lang, Transaction } from '@hdld/spec';
import { type Finding, renderFinding } from '../pipeline/check-outcome.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';

/**
 * The 24-hour rule (F38): a contract sent later after its last signature is accepted, `late`, and
 * carries the SUBMISSION_LATE WARNING (the SDK's, as validateLocally gives it), which fails nothing.
 */
const lateWarning = (t: StoredTransaction): Finding[] =>
  t.late && t.lastSignedAt ? [lateFinding(t.lastSignedAt, t.receivedAt)] : [];

/** The API representation of a stored transaction (schema `Transaction`), findings in `lang`. */
export function transactionView(t: StoredTransaction, lang: Lang): Transaction {
  return {
    transactionId: t.id,
    providerId: t.providerId,
    kind: t.kind,
    status: t.status,
    ...(t.failureClass ? { failureClass: t.failureClass } : {}),
    explanationStatus: t.explanationStatus,
    providerReference: t.providerReference,
    ...(t.contractId ? { contractId: t.contractId } : {}),
    ...(t.lifecycleType ? { lifecycleType: t.lifecycleType } : {}),
    ...(t.targetContractId ? { targetContractId: t.targetContractId } : {}),
    receivedAt: t.receivedAt.toISOString(),
    ...(t.completedAt ? { completedAt: t.completedAt.toISOString() } : {}),
    ...(t.lastSignedAt ? { lastSignedAt: t.lastSignedAt.toISOString() } : {}),
    payloadSha256: t.payloadSha256,
    late: t.late,
    replay: t.replay,
    ...(t.duplicateOfReference ? { duplicateOfReference: t.duplicateOfReference } : {}),
    ...(t.supersedes ? { supersedes: t.supersedes } : {}),
    ...(t.supersededBy ? { supersededBy: t.supersededBy } : {}),
    errors: [...(t.errors as unknown as Finding[]), ...lateWarning(t)].map((f) => renderFinding(f, lang)),
    ...(t.receipt ? { receipt: t.receipt } : {}),
    ...(t.status === 'RECEIVED' || t.status === 'PROCESSING' ? { retryAfterSeconds: 1 } : {}),
  };
}
