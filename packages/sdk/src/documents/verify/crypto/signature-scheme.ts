import { ALGORITHM_OID, type HashName, hashByOid } from '../asn1/algorithm-oids.js';
import type { AlgorithmIdentifier } from '../asn1/certificate.js';
import {
  children,
  contentOf,
  contextTag,
  DerError,
  readElement,
  readOid,
  readSmallInteger,
} from '../asn1/der-reader.js';

/** A signature algorithm resolved from its AlgorithmIdentifier: what every crypto provider needs to verify. */
export type SignatureScheme =
  | { kind: 'RSASSA-PKCS1-v1_5'; hash: HashName }
  | { kind: 'RSA-PSS'; hash: HashName; saltLength: number }
  | { kind: 'ECDSA'; hash: HashName; curve: EcCurve };

export interface EcCurve {
  /** WebCrypto name. */
  name: 'P-256' | 'P-384' | 'P-521';
  /** OpenSSL name (node:crypto's asymmetricKeyDetails.namedCurve). */
  openSsl: string;
  /** Size of r and s in the fixed-size (IEEE P1363) encoding. */
  bytes: number;
}

const CURVES: Record<string, EcCurve> = {
  [ALGORITHM_OID.prime256v1]: { name: 'P-256', openSsl: 'prime256v1', bytes: 32 },
  [ALGORITHM_OID.secp384r1]: { name: 'P-384', openSsl: 'secp384r1', bytes: 48 },
  [ALGORITHM_OID.secp521r1]: { name: 'P-521', openSsl: 'secp521r1', bytes: 66 },
};

const RSA_PKCS1_HASH: Record<string, HashName> = {
  [ALGORITHM_OID.sha256WithRSAEncryption]: 'SHA-256',
  [ALGORITHM_OID.sha384WithRSAEncryption]: 'SHA-384',
  [ALGORITHM_OID.sha512WithRSAEncryption]: 'SHA-512',
};

const ECDSA_HASH: Record<string, HashName> = {
  [ALGORITHM_OID.ecdsaWithSHA256]: 'SHA-256',
  [ALGORITHM_OID.ecdsaWithSHA384]: 'SHA-384',
  [ALGORITHM_OID.ecdsaWithSHA512]: 'SHA-512',
};

export class UnsupportedAlgorithmError extends Error {
  override readonly name = 'UnsupportedAlgorithmError';
}

/**
 * Maps a signature AlgorithmIdentifier (plus, for CMS, the separate digest algorithm that goes with a bare
 * rsaEncryption OID) and the key's curve to a scheme. SHA-1 is refused.
 */
export function resolveScheme(
  algorithm: AlgorithmIdentifier,
  digestAlgorithm: string | undefined,
  curveOid: string | undefined,
): SignatureScheme {
  const { oid } = algorithm;
  // Only RSASSA-PSS carries parameters; for the others anything but absent/NULL is a malformed (malleable) field.
  if (algorithm.parameters && oid !== ALGORITHM_OID.rsassaPss)
    throw new UnsupportedAlgorithmError(`Unexpected parameters for ${oid}`);
  const pkcs1Hash =
    RSA_PKCS1_HASH[oid] ??
    (oid === ALGORITHM_OID.rsaEncryption && digestAlgorithm ? hashByOid(digestAlgorithm) : undefined);
  if (pkcs1Hash && pkcs1Hash !== 'SHA-1') return { kind: 'RSASSA-PKCS1-v1_5', hash: pkcs1Hash };
  if (oid === ALGORITHM_OID.rsassaPss) return { kind: 'RSA-PSS', ...readPssParameters(algorithm.parameters) };
  const ecdsaHash = ECDSA_HASH[oid];
  const curve = curveOid ? CURVES[curveOid] : undefined;
  if (ecdsaHash && curve) return { kind: 'ECDSA', hash: ecdsaHash, curve };
  throw new UnsupportedAlgorithmError(`Unsupported signature algorithm ${oid}`);
}

function readPssParameters(parameters: Uint8Array | undefined): { hash: HashName; saltLength: number } {
  let hash: HashName | undefined = 'SHA-1';
  let mgfHash: HashName | undefined = 'SHA-1';
  let saltLength = 20;
  if (parameters) {
    for (const field of children(readElement(parameters))) {
      const inner = children(field)[0]!;
      const tag = contextTag(field);
      if (tag === 0) hash = hashByOid(readOid(children(inner)[0]!));
      if (tag === 1) mgfHash = hashByOid(readOid(children(children(inner)[1]!)[0]!));
      if (tag === 2) saltLength = readSmallInteger(inner);
    }
  }
  if (!hash || hash === 'SHA-1' || hash !== mgfHash)
    throw new UnsupportedAlgorithmError('Unsupported RSASSA-PSS parameters');
  return { hash, saltLength };
}

/** DER ECDSA-Sig-Value -> r||s, each left-padded to the curve size (both providers verify this form). */
export function ecdsaRawSignature(der: Uint8Array, size: number): Uint8Array {
  const [r, s] = children(readElement(der));
  if (!r || !s) throw new DerError('Malformed ECDSA signature');
  const out = new Uint8Array(size * 2);
  [r, s].forEach((integer, index) => {
    let value = contentOf(integer);
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new DerError('ECDSA integer too large');
    out.set(value, index * size + size - value.length);
  });
  return out;
}
