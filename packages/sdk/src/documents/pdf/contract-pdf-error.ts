/**
 * Why a contract PDF could not give back its main data. The codes are stable so callers (the CLI,
 * the Platform's intake checks, T9) can map them to a file error or a format error.
 */
export type ContractPdfErrorCode =
  /** Not a PDF pdf-lib can parse, or it carries no `contract-data.json` attachment. */
  | 'PDF_MALFORMED'
  /** The attachment is there but is not JSON, or breaks the ContractMainData schema (T6). */
  | 'MAIN_DATA_INVALID';

export class ContractPdfError extends Error {
  readonly code: ContractPdfErrorCode;

  constructor(code: ContractPdfErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContractPdfError';
    this.code = code;
  }
}
