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

/**
 * The FileFacts of several files as one array per column (sha256, size, media type, file name, blob
 * key), in that order, for a single `unnest(...)` insert of all of them.
 */
export function fileFactColumns(files: readonly FileFacts[]): unknown[][] {
  return [
    files.map((f) => f.sha256),
    files.map((f) => f.size),
    files.map((f) => f.mediaType),
    files.map((f) => f.fileName ?? null),
    files.map((f) => f.blobKey),
  ];
}
