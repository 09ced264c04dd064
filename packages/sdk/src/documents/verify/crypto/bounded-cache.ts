/**
 * A size-capped memo for pure facts (parsed certificates, imported keys, "certificate X is signed by Y").
 * Entries never depend on the validation time or the caller's trust settings, so sharing them across
 * verifications is safe; that sharing is what lets the CA and TSA chains of every contract be checked once.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  getOrCreate(key: string, create: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = create();
    // Oldest-first eviction (Map keeps insertion order); verification workloads reuse a small working set.
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A compact string key for bytes (one char per byte; Maps cannot key on Uint8Array contents). */
export function bytesKey(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x2000;
  for (let i = 0; i < bytes.byteLength; i += chunk) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return out;
}
