/**
 * Content-addressed file store for contract documents, evidence and logs (T7, T8; seed 004 "contract
 * file store"). A blob's key is the SHA-256 of its bytes, so storing the same file twice keeps one copy
 * and a key always names the same bytes. The filesystem store is the default; an object store can
 * implement the same interface later.
 */
export interface BlobInfo {
  key: string;
  size: number;
  /** Last time the blob was written (or re-put); the orphan collector's grace period counts from here. */
  modifiedAt: Date;
}

export interface BlobStore {
  /**
   * Stores the bytes durably (fsynced) before resolving, so a row referencing the key may then commit.
   * `transfer`: the caller no longer needs the bytes, so the store may take their buffer (then detached).
   */
  put(
    data: Uint8Array | AsyncIterable<Uint8Array>,
    options?: { transfer?: boolean },
  ): Promise<{ key: string; size: number }>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** For large downloads (S1.2) without holding the file in memory. */
  stream(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  has(key: string): Promise<boolean>;
  /** True when the blob existed. */
  delete(key: string): Promise<boolean>;
  list(): AsyncIterable<BlobInfo>;
}

const BLOB_KEY = /^[0-9a-f]{64}$/;

/** Keys become file paths: anything but 64 lowercase hex digits is refused (no path traversal). */
export function assertBlobKey(key: string): void {
  if (!BLOB_KEY.test(key)) throw new RangeError('blob key must be a lowercase hex SHA-256');
}

export function isBlobKey(name: string): boolean {
  return BLOB_KEY.test(name);
}
