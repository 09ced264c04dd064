import type { DocumentKind } from '../storage/document-kind.js';
import type { JsonObject } from '../storage/json.js';
import type { LifecycleType, TransactionKind } from '../storage/transactions-repo.js';
import type { Base64Text } from './decode-documents.js';

/** A file of a submission before decoding; `pointer` locates it in the request for error details. */
export type IncomingFile = {
  role: DocumentKind | 'OTHER';
  fileName?: string;
  mediaType: string;
  contentBase64: Base64Text;
  pointer: string;
  /** Largest decoded size accepted for this file. */
  maxBytes: number;
};

/**
 * One submission as the intake stores it, whatever the operation: a new contract, a lifecycle
 * document (N5) or a converted paper contract. `request` keeps every non-file field for the pipeline.
 */
export type SubmissionPackage = {
  kind: TransactionKind;
  lifecycleType?: LifecycleType;
  targetContractId?: string;
  providerReference: string;
  /** SHA-256 the acknowledgement echoes: the raw body for a single submission, the item for a batch. */
  payloadSha256: string;
  files: IncomingFile[];
  request: JsonObject;
};
