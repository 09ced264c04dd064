/**
 * The bytes of blobs just written, kept in memory (up to `maxBytes`, oldest dropped first) for the
 * one read that usually follows: the pipeline checks a submission's files right after the intake
 * stored them. Each entry is handed out once (`take`): the reader owns the bytes and may move them
 * to a worker thread; a later read goes to disk.
 */
export function createRecentBlobs(maxBytes: number) {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  const drop = (key: string) => {
    const bytes = entries.get(key);
    if (!bytes) return undefined;
    entries.delete(key);
    total -= bytes.byteLength;
    return bytes;
  };
  return {
    add(key: string, bytes: Uint8Array): void {
      drop(key);
      if (bytes.byteLength > maxBytes) return;
      entries.set(key, bytes);
      total += bytes.byteLength;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        drop(oldest);
      }
    },
    take: drop,
    get bytes() {
      return total;
    },
  };
}
