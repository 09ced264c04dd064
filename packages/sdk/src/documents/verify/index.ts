export { formatVerificationReport } from './format-report.js';
export type { ReportLanguage, VerifyOptions } from './options.js';
export {
  bindSignaturesToParties,
  decisiveVerifierFinding,
  describePartyMismatch,
  type PartyMismatch,
} from './parties/party-binding.js';
export {
  personalIdentifier,
  requiredPartyIdentifier,
  type SigningParty,
  taxCodeIdentifier,
} from './parties/party-identifiers.js';
export type { OcspHook, OcspStatus, RevocationOptions } from './pki/revocation.js';
export type { TrustAnchorConfig, TrustAnchorInput } from './pki/trust-anchors.js';
export { loadAnchors, TrustConfigurationError } from './pki/trust-anchors.js';
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
export {
  type EvidenceDocumentCheck,
  type EvidenceVerificationReport,
  formatEvidenceReport,
  type SubmittedDocument,
  type VerifyEvidenceOptions,
  verifyEvidence,
} from './verify-evidence.js';
export { type PdfVerificationResult, verifyPdf } from './verify-pdf.js';
