/**
 * Verification report vocabulary, following ETSI EN 319 102-1 (indications and sub-indications) and mapped
 * to the Platform's stable error-code catalog (N2, F8, S2.2; Decree Art. 7.1.a, 7.2.b).
 */

export type Indication = 'TOTAL_PASSED' | 'INDETERMINATE' | 'TOTAL_FAILED';

export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_POE';

/** Stable codes from the Platform's error catalog (packages/spec). REVOCATION_UNAVAILABLE is transient. */
export type VerificationErrorCode =
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_DIGEST_MISMATCH'
  | 'SIGNATURE_BYTERANGE_INVALID'
  | 'SIGNATURE_MODIFIED_AFTER_SIGNING'
  | 'SIGNATURE_PARTY_MISMATCH'
  | 'CERTIFICATE_UNTRUSTED'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_REVOKED'
  | 'CERTIFICATE_USAGE_INVALID'
  | 'TIMESTAMP_MISSING'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_UNTRUSTED'
  | 'REVOCATION_UNAVAILABLE'
  | 'EVIDENCE_INVALID'
  | 'EVIDENCE_DOCUMENT_MISMATCH'
  | 'PDF_MALFORMED'
  | 'PDF_NOT_SIGNED';

/** One failed check. `detail` is technical English for logs; it never contains personal data. */
export interface Finding {
  code: VerificationErrorCode;
  indication: Exclude<Indication, 'TOTAL_PASSED'>;
  subIndication: SubIndication;
  detail: string;
}

/** Something the reader should know that is not a failure (e.g. revocation not checked). */
export type NoteCode = 'REVOCATION_NOT_CHECKED' | 'SIGNING_TIME_UNPROVEN' | 'REVOKED_AFTER_SIGNING';

export interface CertificateSummary {
  subjectCommonName?: string;
  /** Subject UID attributes (`MST:…`, `CCCD:…`, `HC:…`): who the certificate identifies (F8, N2). */
  subjectUserIds?: string[];
  issuerCommonName?: string;
  serialNumber: string;
  /** SHA-256 of the certificate DER, lowercase hex. */
  sha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface TimestampSummary {
  /** genTime of the RFC 3161 token: the proven time of existence of the signature. */
  time: Date;
  serialNumber: string;
  policy: string;
  tsa?: CertificateSummary;
  valid: boolean;
}

/** Changes found in incremental updates made after a signature. */
export interface RevisionChange {
  objectNumber: number;
  kind:
    | 'page-content'
    | 'page-added'
    | 'page-modified'
    | 'catalog-modified'
    | 'object-modified'
    | 'unparsable-update';
}

export interface SignatureReport {
  index: number;
  /** The contract party the signature belongs to, once bound to the main data (bindSignaturesToParties). */
  party?: 'EMPLOYER' | 'EMPLOYEE';
  subFilter?: string;
  indication: Indication;
  subIndication?: SubIndication;
  /** The catalog code of the first (most decisive) failure. */
  code?: VerificationErrorCode;
  findings: Finding[];
  notes: NoteCode[];
  signer?: CertificateSummary;
  chain: CertificateSummary[];
  /** Time proven by the signature timestamp; undefined when the signature has none. */
  signingTime?: Date;
  timestamp?: TimestampSummary;
  byteRange: readonly [number, number, number, number];
  coverage: { wholeDocument: boolean; signedBytes: number; totalBytes: number };
  changesAfterSigning: RevisionChange[];
}

export interface PdfVerificationReport {
  kind: 'pdf';
  indication: Indication;
  subIndication?: SubIndication;
  code?: VerificationErrorCode;
  validationTime: Date;
  /** File size; the caller hashes the file it stores (hashing it here again would cost throughput). */
  totalBytes: number;
  /** Document-level failures (PDF_MALFORMED, PDF_NOT_SIGNED); signature failures live in `signatures`. */
  findings: Finding[];
  signatures: SignatureReport[];
}

const SEVERITY: Record<Indication, number> = { TOTAL_PASSED: 0, INDETERMINATE: 1, TOTAL_FAILED: 2 };

/** The decisive finding: the first TOTAL_FAILED one, else the first INDETERMINATE one. */
export function decisiveFinding(findings: readonly Finding[]): Finding | undefined {
  let worst: Finding | undefined;
  for (const finding of findings)
    if (!worst || SEVERITY[finding.indication] > SEVERITY[worst.indication]) worst = finding;
  return worst;
}

export function outcomeOf(
  findings: readonly Finding[],
): Pick<SignatureReport, 'indication' | 'subIndication' | 'code'> {
  const worst = decisiveFinding(findings);
  return worst
    ? { indication: worst.indication, subIndication: worst.subIndication, code: worst.code }
    : { indication: 'TOTAL_PASSED' };
}

/** True when the outcome may change by retrying later (the server treats it as transient). */
export function isTransient(report: { subIndication?: SubIndication }): boolean {
  return report.subIndication === 'TRY_LATER';
}

export function finding(
  code: VerificationErrorCode,
  indication: Finding['indication'],
  subIndication: SubIndication,
  detail: string,
): Finding {
  return { code, indication, subIndication, detail };
}
