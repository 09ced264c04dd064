import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../cms/bytes.js';
import {
  algorithmIdentifier,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  parseAsn1,
  sequence,
} from '../cms/der.js';
import { OID } from '../cms/oids.js';
import { decodePem } from '../cms/pem.js';

const RSA_IMPORT = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const ECDSA_IMPORT = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * Imports an unencrypted private key for signing: PEM "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" (PKCS#1) or
 * "EC PRIVATE KEY" (SEC1, P-256), or PKCS#8 DER. PKCS#1/SEC1 are wrapped into PKCS#8 because that is the only
 * private-key format WebCrypto imports.
 */
export async function importSigningKey(key: string | Uint8Array, extractable = false): Promise<CryptoKey> {
  const pkcs8 = typeof key === 'string' ? pkcs8FromPem(key) : key;
  const algorithm = keyAlgorithmOfPkcs8(pkcs8) === OID.ecPublicKey ? ECDSA_IMPORT : RSA_IMPORT;
  return crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), algorithm, extractable, ['sign']);
}

function pkcs8FromPem(pem: string): Uint8Array {
  const block = decodePem(pem).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block) throw new Error('No private key found in PEM text');
  switch (block.label) {
    case 'PRIVATE KEY':
      return block.der;
    case 'RSA PRIVATE KEY':
      return privateKeyInfo(algorithmIdentifier(OID.rsaEncryption, nullValue()), block.der);
    case 'EC PRIVATE KEY':
      return privateKeyInfo(
        algorithmIdentifier(OID.ecPublicKey, objectIdentifier(OID.prime256v1)),
        block.der,
      );
    default:
      throw new Error(`Unsupported private key PEM "${block.label}"; decrypt it to PKCS#8 first`);
  }
}

function privateKeyInfo(algorithm: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return sequence(integer(0), algorithm, octetString(privateKey));
}

function keyAlgorithmOfPkcs8(pkcs8: Uint8Array): string {
  const info = parseAsn1(pkcs8, 'PKCS#8 private key');
  const algorithm = info instanceof asn1js.Sequence ? info.valueBlock.value[1] : undefined;
  const oid = algorithm instanceof asn1js.Sequence ? algorithm.valueBlock.value[0] : undefined;
  if (!(oid instanceof asn1js.ObjectIdentifier)) throw new Error('Malformed PKCS#8 private key');
  return oid.valueBlock.toString();
}
