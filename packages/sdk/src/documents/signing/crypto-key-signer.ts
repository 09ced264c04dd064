import { toArrayBuffer } from '../cms/bytes.js';
import { ecdsaRawToDer } from './ecdsa-signature.js';
import type { SignatureAlgorithm, Signer } from './signer.js';

export interface CryptoKeySignerOptions {
  /** A WebCrypto private key with usage 'sign' (RSASSA-PKCS1-v1_5/SHA-256 or ECDSA P-256). */
  privateKey: CryptoKey;
  /** DER certificates, leaf first. */
  certificateChain: readonly Uint8Array[];
}

/** A signer backed by a WebCrypto key (browser or Node); the key never leaves the crypto provider. */
export function signerFromCryptoKey({ privateKey, certificateChain }: CryptoKeySignerOptions): Signer {
  const algorithm = algorithmOfKey(privateKey);
  return {
    certificateChain: [...certificateChain],
    algorithm,
    async sign({ signedAttributes }) {
      if (algorithm === 'ECDSA-P256') {
        const raw = await crypto.subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          privateKey,
          toArrayBuffer(signedAttributes),
        );
        return ecdsaRawToDer(new Uint8Array(raw));
      }
      return new Uint8Array(
        await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, privateKey, toArrayBuffer(signedAttributes)),
      );
    },
  };
}

function algorithmOfKey(key: CryptoKey): SignatureAlgorithm {
  const algorithm = key.algorithm as { name: string; namedCurve?: string; hash?: { name: string } };
  if (algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256') return 'ECDSA-P256';
  if (algorithm.name === 'RSASSA-PKCS1-v1_5' && algorithm.hash?.name === 'SHA-256')
    return 'RSASSA-PKCS1-v1_5';
  throw new Error(
    `Unsupported signing key ${algorithm.name}; use RSASSA-PKCS1-v1_5 with SHA-256 or ECDSA P-256`,
  );
}
