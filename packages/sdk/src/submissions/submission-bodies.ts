import type { ContractMainData, Schemas } from '@hdld/spec';
import { toBase64 } from './base64.js';

/** A signed PDF that goes along with the principal document (an appendix or another e-document). */
export type SignedFile = { pdf: Uint8Array; fileName: string; role?: 'APPENDIX' | 'OTHER' };

type DocumentsInput = {
  /** The provider's own reference (T10 lookups, no expiry); unique per document. */
  providerReference: string;
  /** The signed principal PDF: the contract, the lifecycle document or the sealed scan. */
  pdf: Uint8Array;
  /** Default: the provider reference with `.pdf`. */
  fileName?: string;
  appendices?: SignedFile[];
};

/** An electronic contract (N1, F7, T5-T8), from bytes produced by the document toolkit. */
export type ContractSubmissionInput = DocumentsInput & {
  mainData: ContractMainData;
  /** The certification evidence CMS (DER), e.g. from `buildCertificationEvidence` (T8). */
  evidence: Uint8Array;
  transactionLog: Schemas['TransactionLog'];
};

/** A later document attached to an existing ID (N5; Decree Art. 9.3). */
export type LifecycleSubmissionInput = DocumentsInput & {
  type: Schemas['LifecycleType'];
  /** ISO date the document takes effect. */
  effectiveOn: string;
  summary?: string;
  changes?: Schemas['ContractMainDataChanges'];
  evidence: Uint8Array;
  transactionLog: Schemas['TransactionLog'];
};

/** A paper contract converted to a data message (Decree Art. 9.2.a, 13.1.b). */
export type ConvertedPaperSubmissionInput = DocumentsInput & {
  mainData: ContractMainData;
  conversionLog: Schemas['ConversionLog'];
  transactionLog?: Schemas['TransactionLog'];
};

/** SubmittedDocument.fileName allows no directory separators nor control characters, at most 255. */
function defaultFileName(providerReference: string): string {
  const safe = [...providerReference].map((c) => (c < ' ' || c === '/' || c === '\\' ? '_' : c)).join('');
  return `${safe.slice(0, 251)}.pdf`;
}

function documentsOf(input: DocumentsInput): Schemas['SubmittedDocument'][] {
  const principal: Schemas['SubmittedDocument'] = {
    role: 'CONTRACT',
    fileName: input.fileName ?? defaultFileName(input.providerReference),
    mediaType: 'application/pdf',
    contentBase64: toBase64(input.pdf),
  };
  const others = (input.appendices ?? []).map((file): Schemas['SubmittedDocument'] => ({
    role: file.role ?? 'APPENDIX',
    fileName: file.fileName,
    mediaType: 'application/pdf',
    contentBase64: toBase64(file.pdf),
  }));
  return [principal, ...others];
}

function evidenceOf(der: Uint8Array): Schemas['CertificationEvidenceFile'] {
  return { mediaType: 'application/pkcs7-mime', contentBase64: toBase64(der) };
}

export function contractSubmission(input: ContractSubmissionInput): Schemas['ContractSubmission'] {
  return {
    providerReference: input.providerReference,
    mainData: input.mainData,
    documents: documentsOf(input),
    evidence: evidenceOf(input.evidence),
    transactionLog: input.transactionLog,
  };
}

export function lifecycleSubmission(input: LifecycleSubmissionInput): Schemas['LifecycleSubmission'] {
  return {
    type: input.type,
    providerReference: input.providerReference,
    effectiveOn: input.effectiveOn,
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.changes !== undefined ? { changes: input.changes } : {}),
    documents: documentsOf(input),
    evidence: evidenceOf(input.evidence),
    transactionLog: input.transactionLog,
  };
}

export function convertedPaperSubmission(
  input: ConvertedPaperSubmissionInput,
): Schemas['ConvertedPaperSubmission'] {
  return {
    providerReference: input.providerReference,
    mainData: input.mainData,
    documents: documentsOf(input),
    conversionLog: input.conversionLog,
    ...(input.transactionLog ? { transactionLog: input.transactionLog } : {}),
  };
}
