import { ecdsaRawToDer } from './ecdsa-signature.js';
import type { SignatureAlgorithm, Signer } from './signer.js';

export interface RemoteSignerOptions {
  certificateChain: readonly Uint8Array[];
  algorithm: SignatureAlgorithm;
  /**
   * Signs a SHA-256 digest (32 bytes) remotely, e.g. in an HSM or a cloud signing service. Only the digest of
   * the signed attributes is sent: the remote side never sees the document or the attributes.
   * RSA: return the PKCS#1 v1.5 signature (DigestInfo with SHA-256). ECDSA: see `ecdsaSignatureFormat`.
   */
  signDigest: (digest: Uint8Array) => Promise<Uint8Array>;
  /** Encoding of ECDSA signatures returned by signDigest. Default 'der'. */
  ecdsaSignatureFormat?: 'der' | 'ieee-p1363';
}

export function createRemoteSigner(options: RemoteSignerOptions): Signer {
  const { algorithm, signDigest } = options;
  const p1363 = algorithm === 'ECDSA-P256' && options.ecdsaSignatureFormat === 'ieee-p1363';
  return {
    certificateChain: [...options.certificateChain],
    algorithm,
    async sign({ digest }) {
      const signature = await signDigest(digest.slice());
      return p1363 ? ecdsaRawToDer(signature) : signature;
    },
  };
}
