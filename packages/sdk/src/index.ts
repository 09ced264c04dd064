/**
 * @hdld/sdk: the typed client of the Electronic Labor Contract Platform. The document toolkit
 * (PDF, PAdES, timestamps, verification) is under `@hdld/sdk/documents`; Node-only helpers under
 * `@hdld/sdk/node`; the test PKI under `@hdld/sdk/testing`.
 */
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
export type { Credentials } from './client/credentials.js';
export {
  HdldAuthError,
  HdldConflictError,
  HdldError,
  HdldNetworkError,
  HdldNotFoundError,
  HdldRateLimitError,
  HdldServerError,
  HdldValidationError,
} from './client/errors.js';
export { createHdldClient, type HdldClient, type HdldClientOptions, type RequestOptions } from './client/hdld-client.js';
export type { Logger } from './client/logger.js';
export { paginate, type Page, type PageIterable } from './client/pagination.js';
export { SDK_VERSION } from './client/version.js';
export type { ContractMainData, ErrorCode, Lang, Problem, Transaction } from '@hdld/spec';
