import { createApiCallsRepo } from './api-calls-repo.js';
import { createContractsRepo } from './contracts-repo.js';
import type { Queryable } from './database.js';
import { createDocumentsRepo } from './documents-repo.js';
import { createExplanationsRepo } from './explanations-repo.js';
import { createIdempotencyRepo } from './idempotency-repo.js';
import { createOperatorsRepo } from './operators-repo.js';
import { createOutboxRepo } from './outbox-repo.js';
import { createProviderReportsRepo } from './provider-reports-repo.js';
import { createProviderStatusHistoryRepo } from './provider-status-history-repo.js';
import { createProvidersRepo } from './providers-repo.js';
import { createReconciliationRepo } from './reconciliation-repo.js';
import { createSandboxClockRepo } from './sandbox-clock-repo.js';
import { createTransactionFilesRepo } from './transaction-files-repo.js';
import { createTransactionsRepo } from './transactions-repo.js';
import { createViolationReportsRepo } from './violation-reports-repo.js';

export type Repositories = ReturnType<typeof createRepositories>;

/** Every repository bound to one `Queryable`: the database itself or an open transaction. */
export function createRepositories(q: Queryable) {
  return {
    providers: createProvidersRepo(q),
    transactions: createTransactionsRepo(q),
    transactionFiles: createTransactionFilesRepo(q),
    contracts: createContractsRepo(q),
    documents: createDocumentsRepo(q),
    idempotency: createIdempotencyRepo(q),
    apiCalls: createApiCallsRepo(q),
    sandboxClock: createSandboxClockRepo(q),
    operators: createOperatorsRepo(q),
    providerStatusHistory: createProviderStatusHistoryRepo(q),
    explanations: createExplanationsRepo(q),
    reconciliation: createReconciliationRepo(q),
    outbox: createOutboxRepo(q),
    providerReports: createProviderReportsRepo(q),
    violationReports: createViolationReportsRepo(q),
  };
}
