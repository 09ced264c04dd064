import { sha256 } from './bytes.js';
import { readCertificateIdentity } from './certificate-identity.js';
import { contextConstructed, objectIdentifier, octetString, sequence, setOf } from './der.js';
import { OID } from './oids.js';

/** Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value } */
export function attribute(type: string, ...values: Uint8Array[]): Uint8Array {
  return sequence(objectIdentifier(type), setOf(values));
}

export function contentTypeAttribute(contentType: string): Uint8Array {
  return attribute(OID.contentType, objectIdentifier(contentType));
}

export function messageDigestAttribute(digest: Uint8Array): Uint8Array {
  return attribute(OID.messageDigest, octetString(digest));
}

/**
 * signing-certificate-v2 (RFC 5035) with one ESSCertIDv2 for the signer certificate. hashAlgorithm is
 * omitted because SHA-256 is its DEFAULT (DER forbids encoding defaults); issuerSerial binds issuer + serial.
 */
export async function signingCertificateV2Attribute(certificate: Uint8Array): Promise<Uint8Array> {
  const { issuer, serialNumber } = readCertificateIdentity(certificate);
  const generalNames = sequence(contextConstructed(4, issuer)); // GeneralName directoryName [4] EXPLICIT Name
  const essCertIdV2 = sequence(octetString(await sha256(certificate)), sequence(generalNames, serialNumber));
  return attribute(OID.signingCertificateV2, sequence(sequence(essCertIdV2)));
}
