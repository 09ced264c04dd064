/**
 * @hdld/sdk: the typed client of the Electronic Labor Contract Platform. The document toolkit
 * (PDF, PAdES, timestamps, verification) is under `@hdld/sdk/documents`; Node-only helpers under
 * `@hdld/sdk/node`; the test PKI under `@hdld/sdk/testing`.
 */

export type { ContractMainData, ErrorCode, Lang, Problem, Transaction } from '@hdld/spec';
export type {
  BatchCounts,
  BatchError,
  BatchProgress,
  BatchSummary,
  ItemOutcome,
} from './batch/batch-progress.js';
export { type Journal, type JournalRecord, memoryJournal } from './batch/journal.js';
export { type ItemState, loadJournalState } from './batch/journal-state.js';
export { type BatchItem, type SyncBatchOptions, syncBatch } from './batch/sync-batch.js';
export type { RequestOptions } from './client/call.js';
export { createHdldClient, type HdldClient } from './client/create-hdld-client.js';
export type { Credentials } from './client/credentials.js';
export {
  type ErrorAction,
  HdldAbortError,
  HdldAuthError,
  HdldConflictError,
  HdldError,
  HdldNetworkError,
  HdldNotFoundError,
  HdldRateLimitError,
  HdldServerError,
  HdldTimeoutError,
  HdldValidationError,
} from './client/errors.js';
export {
  createBaseClient,
  type HdldClientOptions,
  type HdldResources,
  type RawRequest,
} from './client/hdld-client.js';
export { type Logger, redact } from './client/logger.js';
export { type Page, type PageIterable, paginate } from './client/pagination.js';
export type { DownloadedDocument } from './client/resources/contracts.js';
export type {
  AttachmentMediaType,
  ExplanationAttachmentInput,
  ExplanationInput,
  ExplanationListQuery,
} from './client/resources/explanations.js';
export type { FileInput } from './client/resources/file-input.js';
export type { NotificationListQuery } from './client/resources/notifications.js';
export type {
  ProviderReportInput,
  ProviderReportListQuery,
  ProviderReportTrackingQuery,
  TechnicalAuditInput,
} from './client/resources/provider-reports.js';
export type { ReconciliationQuery } from './client/resources/reconciliation.js';
export type { SubmitOptions, Submitted } from './client/resources/submissions.js';
export type {
  FailedTransactionQuery,
  RepushResult,
  TransactionListQuery,
} from './client/resources/transactions.js';
export type { ViolationReportListQuery } from './client/resources/violation-reports.js';
export { type ResponseInfo, responseOf } from './client/response-info.js';
export { SDK_VERSION, userAgent } from './client/version.js';
export {
  CONTRACT_ID_LENGTH,
  type ContractIdParseResult,
  composeContractId,
  computeCheckDigits,
  formatContractId,
  isValidContractId,
  parseContractId,
  SERIAL_LIMIT,
} from './contracts/contract-id.js';
export {
  HdldReceiptError,
  RECEIPT_TYPE,
  type Receipt,
  type VerifyReceiptOptions,
  verifyReceipt,
} from './receipts/verify-receipt.js';
export type * from './schema-types.js';
export {
  type ContractSubmissionInput,
  type ConvertedPaperSubmissionInput,
  contractSubmission,
  convertedPaperSubmission,
  type LifecycleSubmissionInput,
  lifecycleSubmission,
  type SignedFile,
} from './submissions/submission-bodies.js';
export {
  HdldWaitTimeoutError,
  isFinal,
  type WaitOptions,
  waitForResult,
} from './submissions/wait-for-result.js';
export { addMonths, ageOn, vietnamDate } from './validation/calendar-dates.js';
export { checkEvidenceBinding, type EvidenceBinding } from './validation/evidence-binding.js';
export {
  checkFileSize,
  checkPdfFile,
  countPages,
  MAX_DOCUMENT_BYTES,
  MAX_EVIDENCE_BYTES,
  MAX_PAGES,
} from './validation/file-checks.js';
export { type Finding, item, type Localized, renderFinding } from './validation/finding.js';
export { checkLaborRules, type LaborRulesContext } from './validation/labor-rules.js';
export { checkConclusionDate } from './validation/signing-dates.js';
export {
  isLate,
  lastSigningTime,
  lateFinding,
  SUBMISSION_DEADLINE_MS,
} from './validation/submission-deadline.js';
export {
  type LocalValidation,
  type ValidateLocallyInput,
  validateLocally,
} from './validation/validate-locally.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  HdldWebhookError,
  type SignWebhookOptions,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  type WebhookEvent,
} from './webhooks/webhook-signature.js';
