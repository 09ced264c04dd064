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
import { BoundedCache, bytesKey } from './bounded-cache.js';

/** WebCrypto only (Node and browsers); inputs are never copied, we only retype the views for TypeScript. */
const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const view = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

export async function digest(hash: HashName, parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const data = parts.length === 1 ? parts[0]! : concat(parts);
  return new Uint8Array(await subtle().digest(hash, view(data)));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

type VerifyParams =
  | { name: 'RSASSA-PKCS1-v1_5' }
  | { name: 'RSA-PSS'; saltLength: number }
  | { name: 'ECDSA'; hash: HashName };

interface SignatureScheme {
  importParams: RsaHashedImportParams | EcKeyImportParams;
  verifyParams: VerifyParams;
  /** ECDSA signatures arrive DER-encoded; WebCrypto wants fixed-size r||s. */
  ecCoordinateBytes?: number;
}

const CURVES: Record<string, { name: string; bytes: number }> = {
  [ALGORITHM_OID.prime256v1]: { name: 'P-256', bytes: 32 },
  [ALGORITHM_OID.secp384r1]: { name: 'P-384', bytes: 48 },
  [ALGORITHM_OID.secp521r1]: { name: 'P-521', bytes: 66 },
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
 * rsaEncryption OID) and the key's curve to WebCrypto parameters.
 */
function resolveScheme(
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
  if (pkcs1Hash && pkcs1Hash !== 'SHA-1') {
    return {
      importParams: { name: 'RSASSA-PKCS1-v1_5', hash: pkcs1Hash },
      verifyParams: { name: 'RSASSA-PKCS1-v1_5' },
    };
  }
  if (oid === ALGORITHM_OID.rsassaPss) {
    const { hash, saltLength } = readPssParameters(algorithm.parameters);
    return { importParams: { name: 'RSA-PSS', hash }, verifyParams: { name: 'RSA-PSS', saltLength } };
  }
  const ecdsaHash = ECDSA_HASH[oid];
  const curve = curveOid ? CURVES[curveOid] : undefined;
  if (ecdsaHash && curve) {
    return {
      importParams: { name: 'ECDSA', namedCurve: curve.name },
      verifyParams: { name: 'ECDSA', hash: ecdsaHash },
      ecCoordinateBytes: curve.bytes,
    };
  }
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

/** DER ECDSA-Sig-Value -> r||s, each left-padded to the curve size. */
function ecdsaRawSignature(der: Uint8Array, size: number): Uint8Array {
  const [r, s] = children(readElement(der));
  if (!r || !s) throw new DerError('Malformed ECDSA signature');
  const out = new Uint8Array(size * 2);
  [r, s].forEach((integer, index) => {
    let value = contentOf(integer);
    while (value.byteLength > size && value[0] === 0) value = value.subarray(1);
    if (value.byteLength > size) throw new DerError('ECDSA integer too large');
    out.set(value, index * size + size - value.byteLength);
  });
  return out;
}

const keys = new BoundedCache<Promise<CryptoKey>>(512);

export interface VerifyInput {
  spki: Uint8Array;
  curveOid?: string;
  algorithm: AlgorithmIdentifier;
  /** CMS digestAlgorithm, needed when the signature algorithm is plain rsaEncryption. */
  digestAlgorithm?: string;
  signature: Uint8Array;
  data: Uint8Array;
}

/** True when the signature verifies; false on a wrong signature or a malformed ECDSA value. */
export async function verifySignature(input: VerifyInput): Promise<boolean> {
  const scheme = resolveScheme(input.algorithm, input.digestAlgorithm, input.curveOid);
  const keyId = `${JSON.stringify(scheme.importParams)}|${bytesKey(input.spki)}`;
  const key = await keys.getOrCreate(keyId, () =>
    subtle().importKey('spki', view(input.spki), scheme.importParams, false, ['verify']),
  );
  let signature = input.signature;
  if (scheme.ecCoordinateBytes) {
    try {
      signature = ecdsaRawSignature(signature, scheme.ecCoordinateBytes);
    } catch {
      return false;
    }
  }
  return subtle().verify(scheme.verifyParams, key, view(signature), view(input.data));
}
