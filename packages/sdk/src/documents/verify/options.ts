import type { RevocationOptions } from './pki/revocation.js';
import type { TrustAnchorConfig } from './pki/trust-anchors.js';

export type ReportLanguage = 'en' | 'vi';

/** Options shared by verifyPdf and verifyEvidence (N2, F8). Only plain data besides `ocsp`, so they can cross to workers. */
export interface VerifyOptions extends RevocationOptions {
  /** Trust anchors per service type, each pinned by the SHA-256 of its DER. */
  trust: TrustAnchorConfig;
  /** When to validate; default now. */
  validationTime?: Date;
  /** The Platform requires PAdES B-T: without a signature timestamp the result is TIMESTAMP_MISSING. */
  requireTimestamp?: boolean;
  /** Language of the report's `summary` text. */
  lang?: ReportLanguage;
}
