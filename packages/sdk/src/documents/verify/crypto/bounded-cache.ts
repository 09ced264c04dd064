import { bytesEqual } from '../../cms/bytes.js';

/**
 * A size-capped LRU memo for pure facts (parsed certificates, "certificate X is signed by Y"). Entries never
 * depend on the validation time or the caller's trust settings, so sharing them across verifications is
 * safe; that sharing is what lets the CA and TSA chains of every contract be checked once.
 */
export class BoundedCache<V, K = string> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }

  getOrCreate(key: K, create: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = create();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * An LRU memo keyed by byte content. The map key is only a probe (a hash of the length and last bytes: for
 * DER certificates, the end of the signature value); a hit counts only if the stored bytes are identical, so
 * a forged certificate sharing the probe is a miss (it replaces the entry) and never reuses a cached result.
 */
export class BytesCache<V> {
  private readonly cache: BoundedCache<{ bytes: Uint8Array; value: V }, number>;

  constructor(capacity: number) {
    this.cache = new BoundedCache(capacity);
  }

  getOrCreate(bytes: Uint8Array, create: (own: Uint8Array) => V): V {
    const key = probe(bytes);
    const hit = this.cache.get(key);
    if (hit && bytesEqual(hit.bytes, bytes)) return hit.value;
    // Copied (Buffer#slice would only be a view) so the cache never pins, nor follows changes to, the caller's buffer.
    const own = new Uint8Array(bytes);
    const value = create(own);
    this.cache.set(key, { bytes: own, value });
    return value;
  }
}

/** FNV-1a over the length and the last 16 bytes. */
function probe(bytes: Uint8Array): number {
  const length = bytes.length;
  let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  for (let i = Math.max(0, length - 16); i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash;
}
