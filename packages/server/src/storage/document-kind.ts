/** Kinds of stored files (T7, T8, N5): the contract itself, lifecycle documents, evidence and logs. */
export type DocumentKind =
  | 'CONTRACT'
  | 'APPENDIX'
  | 'AMENDMENT'
  | 'SUPPLEMENT'
  | 'SUSPENSION'
  | 'RESUMPTION'
  | 'TERMINATION'
  | 'CONVERTED_PAPER'
  | 'EVIDENCE'
  | 'TRANSACTION_LOG'
  | 'CONVERSION_LOG'
  | 'OTHER';

/** What every stored file row knows about its bytes in the blob store. */
export interface FileFacts {
  sha256: string;
  size: number;
  mediaType: string;
  fileName?: string;
  blobKey: string;
}
