import type { HashName } from '../asn1/algorithm-oids.js';
import type { AlgorithmIdentifier } from '../asn1/certificate.js';
import type { CryptoProvider } from './crypto-provider.js';
import { nodeCryptoProvider } from './node-crypto.js';
import { ecdsaRawSignature, resolveScheme } from './signature-scheme.js';
import { webCryptoProvider } from './web-crypto.js';

let provider: CryptoProvider = nodeCryptoProvider() ?? webCryptoProvider();

/** The provider in use: node:crypto where the runtime has it, else WebCrypto. */
export function cryptoProvider(): CryptoProvider {
  return provider;
}

/** Swaps the provider (tests run the same checks on WebCrypto, as browsers do); returns the previous one. */
export function useCryptoProvider(next: CryptoProvider): CryptoProvider {
  const previous = provider;
  provider = next;
  return previous;
}

export function digest(hash: HashName, parts: readonly Uint8Array[]): Promise<Uint8Array> {
  return Promise.resolve(provider.digest(hash, parts));
}

export interface VerifyInput {
  spki: Uint8Array;
  curveOid?: string;
  algorithm: AlgorithmIdentifier;
  /** CMS digestAlgorithm, needed when the signature algorithm is plain rsaEncryption. */
  digestAlgorithm?: string;
  signature: Uint8Array;
  data: Uint8Array;
}

/**
 * True when the signature verifies; false on a wrong signature or a malformed ECDSA value. Rejects when the
 * algorithm is unsupported or the key does not fit it.
 */
export async function verifySignature(input: VerifyInput): Promise<boolean> {
  const scheme = resolveScheme(input.algorithm, input.digestAlgorithm, input.curveOid);
  let signature = input.signature;
  if (scheme.kind === 'ECDSA') {
    try {
      signature = ecdsaRawSignature(signature, scheme.curve.bytes);
    } catch {
      return false;
    }
  }
  return provider.verify(scheme, input.spki, signature, input.data);
}

/** What a message digest or imprint covers: the bytes, or a function that digests them (see range-digests.ts). */
export type DigestSource = readonly Uint8Array[] | ((hash: HashName) => Promise<Uint8Array>);

export function digestOf(source: DigestSource, hash: HashName): Promise<Uint8Array> {
  return typeof source === 'function' ? source(hash) : digest(hash, source);
}
