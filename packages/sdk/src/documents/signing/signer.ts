/** Signature algorithms the signer supports (N2: signatures the Platform must be able to check). */
export type SignatureAlgorithm = 'RSASSA-PKCS1-v1_5' | 'ECDSA-P256';

/**
 * What a signer is asked to sign: the DER SET OF signed attributes and its SHA-256 digest. The signed
 * attributes hold only hashes and certificate references, never the document itself, so a remote signer
 * (HSM, cloud signing service) can work from `digest` alone.
 */
export interface SignatureRequest {
  signedAttributes: Uint8Array;
  digest: Uint8Array;
}

export interface Signer {
  /** DER certificates, signer (leaf) first, then intermediates; the root may be omitted. */
  readonly certificateChain: readonly Uint8Array[];
  readonly algorithm: SignatureAlgorithm;
  /**
   * Signs with SHA-256 and returns the CMS signature value: the PKCS#1 v1.5 signature for RSA, or a DER
   * Ecdsa-Sig-Value (SEQUENCE { r, s }) for ECDSA.
   */
  sign(request: SignatureRequest): Promise<Uint8Array>;
}

export function signerCertificate(signer: Signer): Uint8Array {
  const leaf = signer.certificateChain[0];
  if (!leaf) throw new Error('Signer has an empty certificate chain');
  return leaf;
}
