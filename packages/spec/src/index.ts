/**
 * @hdld/spec: the OpenAPI 3.1 contract and everything generated from it. Nothing here is written
 * by hand except this index and the small catalog lookups below.
 */
import { type ErrorCode, errorCatalog } from './generated/error-catalog.js';
import type { components } from './generated/types.js';

export { openapiDocument } from './generated/document.js';
export { type ErrorCode, errorCatalog } from './generated/error-catalog.js';
export type { components, operations, paths } from './generated/types.js';
export * from './generated/zod.js';

export type Schemas = components['schemas'];
export type ContractMainData = Schemas['ContractMainData'];
export type Transaction = Schemas['Transaction'];
export type Problem = Schemas['Problem'];
export type ProblemDetailItem = Schemas['ProblemDetailItem'];

export { type Lang, pickLang } from './lang.js';
export type CatalogEntry = (typeof errorCatalog.codes)[ErrorCode];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCatalog.codes, code);
}

export function catalogEntry(code: ErrorCode): CatalogEntry {
  return errorCatalog.codes[code];
}

/** The problem `type` URI of a catalog code (RFC 9457 section 3.1.1). */
export function problemType(code: ErrorCode): string {
  return `${errorCatalog.typeBase}${code}`;
}
