import { toHex } from '../../cms/bytes.js';
import { type ParsedCertificate, parseCertificate } from '../asn1/certificate.js';
import { BoundedCache, bytesKey } from '../crypto/bounded-cache.js';
import { digest } from '../crypto/web-crypto.js';
import type { CertificateSummary } from '../report.js';

/** A parsed certificate plus its SHA-256 fingerprint, the identity used for pinning and caching. */
export interface KnownCertificate extends ParsedCertificate {
  sha256: string;
}

const certificates = new BoundedCache<Promise<KnownCertificate>>(1024);

/**
 * Parses a certificate once per distinct DER (the same CA and TSA certificates recur in every contract).
 * The DER is copied so the cache never pins the PDF buffer the certificate was embedded in.
 */
export function loadCertificate(der: Uint8Array): Promise<KnownCertificate> {
  return certificates.getOrCreate(bytesKey(der), async () => {
    const own = der.slice();
    const parsed = parseCertificate(own);
    return { ...parsed, sha256: toHex(await digest('SHA-256', [own])) };
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
  if (certificate.issuerCommonName !== undefined) summary.issuerCommonName = certificate.issuerCommonName;
  return summary;
}
