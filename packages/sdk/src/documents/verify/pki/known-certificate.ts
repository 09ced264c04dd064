import { toHex } from '../../cms/bytes.js';
import { type ParsedCertificate, parseCertificate } from '../asn1/certificate.js';
import { BytesCache } from '../crypto/bounded-cache.js';
import { digest } from '../crypto/verify-crypto.js';
import type { CertificateSummary } from '../report.js';

/** A parsed certificate plus its SHA-256 fingerprint, the identity used for pinning and caching. */
export interface KnownCertificate extends ParsedCertificate {
  /** Lowercase hex. */
  sha256: string;
  sha256Bytes: Uint8Array;
}

const certificates = new BytesCache<Promise<KnownCertificate>>(1024);

/** Parses a certificate once per distinct DER (the same CA and TSA certificates recur in every contract). */
export function loadCertificate(der: Uint8Array): Promise<KnownCertificate> {
  return certificates.getOrCreate(der, async (own) => {
    const parsed = parseCertificate(own);
    const sha256Bytes = await digest('SHA-256', [own]);
    return { ...parsed, sha256: toHex(sha256Bytes), sha256Bytes };
  });
}

export function summarizeCertificate(certificate: KnownCertificate): CertificateSummary {
  const summary: CertificateSummary = {
    serialNumber: certificate.serialNumberHex,
    sha256: certificate.sha256,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
  if (certificate.subjectCommonName !== undefined) summary.subjectCommonName = certificate.subjectCommonName;
  if (certificate.subjectUserIds.length > 0) summary.subjectUserIds = certificate.subjectUserIds;
  if (certificate.issuerCommonName !== undefined) summary.issuerCommonName = certificate.issuerCommonName;
  return summary;
}
