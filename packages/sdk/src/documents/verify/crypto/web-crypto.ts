import type { HashName } from '../asn1/algorithm-oids.js';
import { type CryptoProvider, KeyCache } from './crypto-provider.js';
import type { SignatureScheme } from './signature-scheme.js';

/** WebCrypto only (browsers, and any runtime without node:crypto); we only retype views for TypeScript. */
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const view = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function importParams(scheme: SignatureScheme): RsaHashedImportParams | EcKeyImportParams {
  return scheme.kind === 'ECDSA'
    ? { name: 'ECDSA', namedCurve: scheme.curve.name }
    : { name: scheme.kind, hash: scheme.hash };
}

function verifyParams(scheme: SignatureScheme): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  if (scheme.kind === 'RSA-PSS') return { name: 'RSA-PSS', saltLength: scheme.saltLength };
  if (scheme.kind === 'ECDSA') return { name: 'ECDSA', hash: scheme.hash };
  return { name: scheme.kind };
}

export function webCryptoProvider(): CryptoProvider {
  const keys = new KeyCache<Promise<CryptoKey>>();
  return {
    name: 'webcrypto',
    async digest(hash: HashName, parts: readonly Uint8Array[]) {
      const data = parts.length === 1 ? parts[0]! : concat(parts);
      return new Uint8Array(await subtle().digest(hash, view(data)));
    },
    async verify(scheme, spki, signature, data) {
      const params = importParams(scheme);
      const key = await keys.get(spki, JSON.stringify(params), () =>
        subtle().importKey('spki', view(spki), params, false, ['verify']),
      );
      return subtle().verify(verifyParams(scheme), key, view(signature), view(data));
    },
  };
}
