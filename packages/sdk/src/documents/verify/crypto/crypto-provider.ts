import type { HashName } from '../asn1/algorithm-oids.js';
import type { SignatureScheme } from './signature-scheme.js';

/** An incremental hash whose state can be forked: hashes nested ByteRanges in one pass over the file. */
export interface ForkableHash {
  update(bytes: Uint8Array): void;
  /** An independent copy of the current state. */
  fork(): ForkableHash;
  digest(): Uint8Array;
}

/**
 * The cryptography the verifier needs, behind one interface so the core runs on WebCrypto alone (browsers)
 * and on node:crypto's synchronous calls where available (WebCrypto's per-call promise and thread-pool hop
 * cost more than an RSA-2048 verify itself). Results may be plain values or promises; callers await them.
 */
export interface CryptoProvider {
  readonly name: string;
  /** Hash of the concatenated parts (providers that can stream never copy them into one buffer). */
  digest(hash: HashName, parts: readonly Uint8Array[]): Uint8Array | Promise<Uint8Array>;
  /** Present when the provider can fork hash states (node:crypto's Hash.copy; WebCrypto cannot). */
  forkableHash?(hash: HashName): ForkableHash;
  /**
   * Verifies `signature` over `data` with the SubjectPublicKeyInfo `spki`. ECDSA signatures arrive as
   * fixed-size r||s (IEEE P1363). Throws when the key does not fit the scheme.
   */
  verify(
    scheme: SignatureScheme,
    spki: Uint8Array,
    signature: Uint8Array,
    data: Uint8Array,
  ): boolean | Promise<boolean>;
}

/**
 * Imported keys per SubjectPublicKeyInfo object and scheme. Certificates are parsed once and cached
 * (pki/known-certificate.ts), so their `spki` view is a stable identity: each key is imported once per
 * certificate, and the entry goes when the certificate leaves that cache.
 */
export class KeyCache<K> {
  private readonly bySpki = new WeakMap<Uint8Array, Map<string, K>>();

  get(spki: Uint8Array, id: string, create: () => K): K {
    let keys = this.bySpki.get(spki);
    if (!keys) {
      keys = new Map();
      this.bySpki.set(spki, keys);
    }
    let key = keys.get(id);
    if (key === undefined) {
      key = create();
      keys.set(id, key);
    }
    return key;
  }
}
