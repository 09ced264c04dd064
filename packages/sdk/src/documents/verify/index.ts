export type { ReportLanguage, VerifyOptions } from './options.js';
export type { OcspHook, OcspStatus, RevocationOptions } from './pki/revocation.js';
export type { TrustAnchorConfig, TrustAnchorInput } from './pki/trust-anchors.js';
export { TrustConfigurationError } from './pki/trust-anchors.js';
export type {
  CertificateSummary,
  Finding,
  Indication,
  NoteCode,
  PdfVerificationReport,
  RevisionChange,
  SignatureReport,
  SubIndication,
  TimestampSummary,
  VerificationErrorCode,
} from './report.js';
export { isTransient } from './report.js';
export { formatVerificationReport } from './format-report.js';
export { type PdfVerificationResult, verifyPdf } from './verify-pdf.js';
