import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../documents/cms/bytes.js';
import { ensureCryptoEngine } from '../documents/cms/engine.js';
import { OID } from '../documents/cms/oids.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  crlDistributionPoints,
  extendedKeyUsage,
  type KeyUsageBit,
  keyUsage,
  subjectKeyIdentifier,
} from './certificate-extensions.js';

export type TestKeyType = 'RSA' | 'ECDSA-P256';

export interface CertificateAuthorityKey {
  /** DER Name of the authority (the issuer of what it signs). */
  name: Uint8Array;
  keyId: Uint8Array;
  privateKey: CryptoKey;
}

export interface CertificateRequest {
  subject: Uint8Array;
  publicKey: CryptoKey;
  /** Issuing authority; omit for a self-signed root (then `selfSignKey` signs). */
  issuer?: CertificateAuthorityKey;
  selfSignKey?: CryptoKey;
  serialNumber: bigint;
  notBefore: Date;
  notAfter: Date;
  ca?: { pathLength?: number };
  keyUsage: readonly KeyUsageBit[];
  extendedKeyUsage?: { purposes: readonly string[]; critical: boolean };
  crlUrl?: string;
}

export interface IssuedCertificate {
  der: Uint8Array;
  keyId: Uint8Array;
}

export async function generateTestKeyPair(type: TestKeyType, modulusLength = 2048): Promise<CryptoKeyPair> {
  const algorithm =
    type === 'ECDSA-P256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength,
          publicExponent: Uint8Array.of(1, 0, 1),
          hash: 'SHA-256',
        };
  // Extractable so tests can export PKCS#8/PEM and build PKCS#12 files for the node loaders.
  return crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

/** Issues an X.509 v3 certificate signed with SHA-256 by the issuer (or self-signed). */
export async function issueCertificate(request: CertificateRequest): Promise<IssuedCertificate> {
  ensureCryptoEngine();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = asn1js.Integer.fromBigInt(request.serialNumber);
  cert.subject = pkijs.RelativeDistinguishedNames.fromBER(toArrayBuffer(request.subject));
  cert.issuer = pkijs.RelativeDistinguishedNames.fromBER(
    toArrayBuffer(request.issuer?.name ?? request.subject),
  );
  cert.notBefore.value = request.notBefore;
  cert.notAfter.value = request.notAfter;
  await cert.subjectPublicKeyInfo.importKey(request.publicKey);

  const keyId = new Uint8Array(
    await crypto.subtle.digest(
      'SHA-1',
      toArrayBuffer(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
    ),
  );
  const extension = (extnID: string, critical: boolean, value: Uint8Array) =>
    new pkijs.Extension({ extnID, critical, extnValue: toArrayBuffer(value) });
  cert.extensions = [
    extension(OID.basicConstraints, true, basicConstraints(Boolean(request.ca), request.ca?.pathLength)),
    extension(OID.keyUsage, true, keyUsage(request.keyUsage)),
    extension(OID.subjectKeyIdentifier, false, subjectKeyIdentifier(keyId)),
    extension(OID.authorityKeyIdentifier, false, authorityKeyIdentifier(request.issuer?.keyId ?? keyId)),
  ];
  if (request.extendedKeyUsage) {
    const { purposes, critical } = request.extendedKeyUsage;
    cert.extensions.push(extension(OID.extKeyUsage, critical, extendedKeyUsage(purposes)));
  }
  if (request.crlUrl)
    cert.extensions.push(extension(OID.crlDistributionPoints, false, crlDistributionPoints(request.crlUrl)));

  const signingKey = request.issuer?.privateKey ?? request.selfSignKey;
  if (!signingKey) throw new Error('A self-signed certificate needs selfSignKey');
  await cert.sign(signingKey, 'SHA-256');
  return { der: new Uint8Array(cert.toSchema(true).toBER()), keyId };
}
