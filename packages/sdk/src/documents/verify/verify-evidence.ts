import { toHex } from '../cms/bytes.js';
import {
  type CertificationEvidence,
  CertificationEvidenceSchema,
} from '../evidence/certification-evidence.js';
import { ALGORITHM_OID } from './asn1/algorithm-oids.js';
import { DerError, encodingOf } from './asn1/der-reader.js';
import { parseSignedData, type SignedData } from './asn1/signed-data.js';
import { checkSignerInfo } from './cms/signer-info-check.js';
import { checkTimestampToken } from './cms/timestamp-check.js';
import { digest } from './crypto/verify-crypto.js';
import { CODE_MESSAGES, INDICATION_MESSAGES, LABELS } from './messages.js';
import type { ReportLanguage, VerifyOptions } from './options.js';
import { buildPath, checkPath } from './pki/certificate-chain.js';
import { summarizeCertificate } from './pki/known-certificate.js';
import { checkRevocation } from './pki/revocation.js';
import { loadAnchors } from './pki/trust-anchors.js';
import {
  type CertificateSummary,
  type Finding,
  finding,
  type Indication,
  type NoteCode,
  outcomeOf,
  type SubIndication,
  type TimestampSummary,
  type VerificationErrorCode,
} from './report.js';

export interface SubmittedDocument {
  name: string;
  bytes: Uint8Array;
  /**
   * SHA-256 of `bytes` (hex) when the caller has already computed it from these same bytes (a server
   * that stored them under it): it is then used instead of hashing the bytes again. A wrong value can
   * only make the listing fail to match, so give it only when it is the digest of exactly `bytes`.
   */
  sha256?: string;
}

export interface VerifyEvidenceOptions extends VerifyOptions {
  /** The documents submitted with the evidence (contract PDF, appendices...): each must be listed with its SHA-256. */
  documents: readonly SubmittedDocument[];
}

export interface EvidenceDocumentCheck {
  name: string;
  sha256: string;
  /** Listed in the evidence with this hash and size. */
  listed: boolean;
}

export interface EvidenceVerificationReport {
  kind: 'evidence';
  indication: Indication;
  subIndication?: SubIndication;
  code?: VerificationErrorCode;
  validationTime: Date;
  findings: Finding[];
  notes: NoteCode[];
  /** The provider's certification certificate. */
  signer?: CertificateSummary;
  chain: CertificateSummary[];
  signingTime?: Date;
  timestamp?: TimestampSummary;
  /** The signed JSON content, when it parsed and matched the schema. */
  evidence?: CertificationEvidence;
  documents: EvidenceDocumentCheck[];
  summary: string;
}

const invalid = (subIndication: SubIndication, detail: string): Finding =>
  finding('EVIDENCE_INVALID', 'TOTAL_FAILED', subIndication, detail);

/**
 * Verifies the provider's data-message certification evidence (N2, F8, T8; Decree Art. 7.1.d, 7.2.b): the CMS
 * signature over the encapsulated JSON, the chain to the "certification" anchors, the optional signature
 * timestamp, the JSON schema, and that every listed document hash matches a submitted document and back.
 */
export async function verifyEvidence(
  der: Uint8Array,
  options: VerifyEvidenceOptions,
): Promise<EvidenceVerificationReport> {
  const validationTime = options.validationTime ?? new Date();
  const [anchors, tsaAnchors, documentHashes] = await Promise.all([
    loadAnchors(options.trust.certification),
    loadAnchors(options.trust.tsa),
    Promise.all(
      options.documents.map(
        async (d) => d.sha256?.toLowerCase() ?? toHex(await digest('SHA-256', [d.bytes])),
      ),
    ),
  ]);
  const base = { kind: 'evidence' as const, validationTime, chain: [] as CertificateSummary[] };
  const documents = options.documents.map((d, i) => ({
    name: d.name,
    sha256: documentHashes[i]!,
    listed: false,
  }));
  let signedData: SignedData;
  try {
    signedData = parseSignedData(der);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return finish(
      { ...base, findings: [invalid('FORMAT_FAILURE', error.message)], notes: [], documents },
      options.lang,
    );
  }
  if (signedData.contentType !== ALGORITHM_OID.data || !signedData.content) {
    return finish(
      {
        ...base,
        findings: [invalid('FORMAT_FAILURE', 'evidence does not encapsulate id-data content')],
        notes: [],
        documents,
      },
      options.lang,
    );
  }
  const content = signedData.content;
  const cms = await checkSignerInfo(signedData, [content], {
    invalid: 'EVIDENCE_INVALID',
    digestMismatch: 'EVIDENCE_INVALID',
  });
  const findings = [...cms.findings];
  const notes = new Set<NoteCode>();
  const report: Partial<EvidenceVerificationReport> = {};
  if (cms.signer && cms.signerInfo) {
    report.signer = summarizeCertificate(cms.signer);
    const token = cms.signerInfo.unsignedAttributes.find(
      (a) => a.oid === ALGORITHM_OID.signatureTimeStampToken,
    )?.values[0];
    let provenTime: Date | undefined;
    if (token) {
      const stamp = await checkTimestampToken(
        encodingOf(token),
        [cms.signerInfo.signature],
        tsaAnchors,
        options,
      );
      findings.push(...stamp.findings);
      for (const n of stamp.notes) notes.add(n);
      if (stamp.summary) report.timestamp = stamp.summary;
      if (stamp.summary?.valid) provenTime = report.signingTime = stamp.summary.time;
    } else if (options.requireTimestamp) {
      findings.push(
        finding(
          'TIMESTAMP_MISSING',
          'INDETERMINATE',
          'SIG_CONSTRAINTS_FAILURE',
          'evidence has no signature timestamp',
        ),
      );
    }
    const path = await buildPath(cms.signer, cms.embedded, anchors);
    if (!path) {
      findings.push(
        finding(
          'CERTIFICATE_UNTRUSTED',
          'INDETERMINATE',
          'NO_CERTIFICATE_CHAIN_FOUND',
          'certificate does not chain to a certification anchor',
        ),
      );
    } else {
      const time = provenTime ?? validationTime;
      const revocation = await checkRevocation(path, time, provenTime !== undefined, options);
      findings.push(...checkPath(path, 'signature', time, provenTime !== undefined), ...revocation.findings);
      for (const n of revocation.notes) notes.add(n);
      report.chain = path.map(summarizeCertificate);
    }
  }
  const evidence = readEvidenceJson(content);
  if ('issues' in evidence) findings.push(invalid('FORMAT_FAILURE', evidence.issues));
  else {
    report.evidence = evidence.content;
    findings.push(...matchDocuments(evidence.content, options.documents, documents));
  }
  return finish({ ...base, ...report, findings, notes: [...notes], documents }, options.lang);
}

function readEvidenceJson(content: Uint8Array): { content: CertificationEvidence } | { issues: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(content));
  } catch {
    return { issues: 'evidence content is not UTF-8 JSON' };
  }
  const parsed = CertificationEvidenceSchema.safeParse(json);
  return parsed.success
    ? { content: parsed.data }
    : { issues: `evidence JSON: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` };
}

/** Both directions: each listed document was submitted (same hash and size), and each submitted one is listed. */
function matchDocuments(
  evidence: CertificationEvidence,
  submitted: readonly SubmittedDocument[],
  checks: EvidenceDocumentCheck[],
): Finding[] {
  const findings: Finding[] = [];
  evidence.documents.forEach((listed, index) => {
    const match = checks.findIndex(
      (c, i) => c.sha256 === listed.sha256.toLowerCase() && submitted[i]!.bytes.byteLength === listed.size,
    );
    if (match === -1) {
      findings.push(
        finding(
          'EVIDENCE_DOCUMENT_MISMATCH',
          'TOTAL_FAILED',
          'HASH_FAILURE',
          `listed document #${index + 1} matches no submitted document`,
        ),
      );
    } else checks[match]!.listed = true;
  });
  checks.forEach((check, index) => {
    if (!check.listed) {
      findings.push(
        finding(
          'EVIDENCE_DOCUMENT_MISMATCH',
          'TOTAL_FAILED',
          'HASH_FAILURE',
          `submitted document #${index + 1} is not listed in the evidence`,
        ),
      );
    }
  });
  return findings;
}

function finish(
  report: Omit<EvidenceVerificationReport, 'indication' | 'summary'>,
  lang: ReportLanguage = 'en',
): EvidenceVerificationReport {
  const outcome = outcomeOf(report.findings);
  const full = { ...report, ...outcome, summary: '' };
  full.summary = formatEvidenceReport(full, lang);
  return full;
}

/** Evidence result as readable English or Vietnamese text. */
export function formatEvidenceReport(
  report: EvidenceVerificationReport,
  lang: ReportLanguage = 'en',
): string {
  const result = report.code ? CODE_MESSAGES[report.code][lang] : LABELS.evidenceValid[lang];
  const lines = [
    `${LABELS.evidence[lang]}: ${report.indication === 'TOTAL_PASSED' ? INDICATION_MESSAGES.TOTAL_PASSED[lang] : result}`,
  ];
  lines.push(
    `  ${LABELS.provider[lang]}: ${report.evidence?.provider.name ?? report.signer?.subjectCommonName ?? LABELS.unknown[lang]}`,
  );
  if (report.signingTime) lines.push(`  ${LABELS.signingTime[lang]}: ${report.signingTime.toISOString()}`);
  for (const code of new Set(report.findings.map((f) => f.code)))
    lines.push(`  - ${CODE_MESSAGES[code][lang]}`);
  return lines.join('\n');
}
