export type { ApiCall, ApiCallsRepo, NewApiCall } from './api-calls-repo.js';
export type {
  Contract,
  ContractOrigin,
  ContractState,
  ContractSummary,
  ContractsRepo,
  NewContract,
} from './contracts-repo.js';
export {
  createStorage,
  migrateDatabase,
  openDatabase,
  type Storage,
  type StorageOptions,
} from './create-storage.js';
export type { Database, Engine, Queryable, QueryResult } from './database.js';
export type { DocumentKind, FileFacts } from './document-kind.js';
export type { DocumentsRepo, NewDocument, StoredDocument } from './documents-repo.js';
export { isUniqueViolation } from './errors.js';
export type {
  ExplainedTransaction,
  ExplanationAttachmentFile,
  ExplanationState,
  ExplanationsRepo,
  StoredExplanation,
} from './explanations-repo.js';
export type { IdempotencyClaim, IdempotencyRepo } from './idempotency-repo.js';
export type { JsonObject, JsonValue } from './json.js';
export { loadMigrations, type Migration, type MigrationReport, migrate } from './migrate.js';
export type { Operator, OperatorsRepo } from './operators-repo.js';
export { openPgliteDatabase } from './pglite-database.js';
export { openPostgresDatabase, type PostgresOptions } from './postgres-database.js';
export type { ProviderStatusChange, ProviderStatusHistoryRepo } from './provider-status-history-repo.js';
export type {
  NewProvider,
  Provider,
  ProviderCapability,
  ProviderStatus,
  ProvidersRepo,
} from './providers-repo.js';
export type { ProviderReconciliationRow, ReconciliationRepo } from './reconciliation-repo.js';
export { createRepositories, type Repositories } from './repositories.js';
export type { SandboxClockRepo } from './sandbox-clock-repo.js';
export type { TransactionFile, TransactionFilesRepo } from './transaction-files-repo.js';
export type {
  ExplanationStatus,
  FailureClass,
  LifecycleType,
  NewTransaction,
  StoredTransaction,
  TransactionKind,
  TransactionListQuery,
  TransactionStatus,
  TransactionsRepo,
} from './transactions-repo.js';
