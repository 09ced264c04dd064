import * as asn1js from 'asn1js';
import { sha256 } from './bytes.js';
import { parseAsn1 } from './der.js';

/** The raw DER pieces of a certificate that CMS structures refer to. */
export interface CertificateIdentity {
  /** Full DER of the issuer Name. */
  issuer: Uint8Array;
  /** Full DER (tag + length + value) of the serialNumber INTEGER. */
  serialNumber: Uint8Array;
  subject: Uint8Array;
}

/** Reads issuer, serial and subject exactly as encoded in the certificate (no re-encoding). */
export function readCertificateIdentity(certificate: Uint8Array): CertificateIdentity {
  const root = parseAsn1(certificate, 'certificate');
  const tbs = root instanceof asn1js.Sequence ? root.valueBlock.value[0] : undefined;
  if (!(tbs instanceof asn1js.Sequence)) throw new Error('Malformed certificate');
  const fields = tbs.valueBlock.value;
  // tbsCertificate starts with an optional [0] EXPLICIT version.
  const offset = fields[0]?.idBlock.tagClass === 3 ? 1 : 0;
  const raw = (i: number): Uint8Array => {
    const field = fields[offset + i];
    if (!field) throw new Error('Malformed certificate');
    return new Uint8Array(field.valueBeforeDecodeView);
  };
  return { serialNumber: raw(0), issuer: raw(2), subject: raw(4) };
}

/** SHA-256 fingerprint of a DER certificate (used by ESSCertIDv2 and the evidence/conversion records). */
export function certificateSha256(certificate: Uint8Array): Promise<Uint8Array> {
  return sha256(certificate);
}
