import {
  type ContractMainData,
  ContractMainDataSchema,
  catalogEntry,
  type Lang,
  type ProblemDetailItem,
  type Schemas,
} from '@hdld/spec';
import { canonicalJson } from '../documents/pdf/canonical-json.js';
import { extractMainData } from '../documents/pdf/extract-main-data.js';
import {
  bindSignaturesToParties,
  decisiveVerifierFinding,
  describePartyMismatch,
  type EvidenceVerificationReport,
  type PartyMismatch,
  type PdfVerificationReport,
  type VerifyOptions,
  verifyEvidence,
  verifyPdf,
} from '../documents/verify/index.js';
import { checkEvidenceBinding } from './evidence-binding.js';
import { checkFileSize, checkPdfFile, MAX_DOCUMENT_BYTES, MAX_EVIDENCE_BYTES } from './file-checks.js';
import { type Finding, item, type Localized, renderFinding } from './finding.js';
import { checkLaborRules } from './labor-rules.js';
import { checkConclusionDate } from './signing-dates.js';
import { isLate, lastSigningTime, lateFinding } from './submission-deadline.js';

export type ValidateLocallyInput = {
  /** The signed principal PDF, as it will be submitted. */
  pdf: Uint8Array;
  /** Default: the name the submission helpers use; must match the evidence's document name. */
  fileName?: string;
  /** Undefined when there is none (a foreign PDF with nothing attached): one more finding, the rest still runs. */
  mainData: unknown;
  /** The certification evidence CMS (DER); the evidence checks are skipped without it. */
  evidence?: Uint8Array;
  /** The submission's reference, which the evidence must name (T8). */
  providerReference?: string;
  /**
   * When it will be sent: SUBMISSION_LATE (a warning) if over 24 h after the last signature (F38),
   * and the "now" a conclusion date may not be after (default `validationTime`, else now).
   */
  submittedAt?: Date;
  /** The anchors the Platform trusts (CA, TSA, certification): the sandbox's or production's. */
  trust: VerifyOptions['trust'];
  validationTime?: Date;
  /** Employer and employee (Decree Art. 8): 2; a sealed paper scan: 1. */
  minimumSignatures?: number;
  lang?: Lang;
};

export type LocalValidation = {
  ok: boolean;
  /** The class the Platform would fail the transaction with: the first failing stage (T10). */
  failureClass?: Schemas['FailureClass'];
  /** Every finding; a WARNING (SUBMISSION_LATE) does not make `ok` false, as on the Platform. */
  errors: ProblemDetailItem[];
  signatures: PdfVerificationReport;
  evidence?: EvidenceVerificationReport;
};

type Stage = { failureClass: Schemas['FailureClass']; findings: Finding[] };

function schemaStage(mainData: unknown): { data?: ContractMainData; stage: Stage } {
  if (mainData === undefined) {
    const missing = item(
      'MAIN_DATA_INVALID',
      {
        en: 'No main data: none given and none attached to the PDF (contract-data.json).',
        vi: 'Không có dữ liệu chính: không được cung cấp và không đính kèm trong tệp PDF (contract-data.json).',
      },
      '/mainData',
    );
    return { stage: { failureClass: 'FORMAT', findings: [missing] } };
  }
  const parsed = ContractMainDataSchema.safeParse(mainData);
  const findings = parsed.success
    ? []
    : parsed.error.issues.map((issue) =>
        item(
          'REQUEST_INVALID',
          { en: issue.message, vi: `${catalogEntry('REQUEST_INVALID').title.vi}: ${issue.path.join('.')}` },
          `/mainData/${issue.path.join('/')}`,
        ),
      );
  return {
    data: parsed.success ? (parsed.data as ContractMainData) : undefined,
    stage: { failureClass: 'FORMAT', findings },
  };
}

/** A verifier finding in both languages: its technical detail, or the catalog title in Vietnamese. */
function verifierFinding(code: Finding['code'], detail: string, where: Localized): Finding {
  return item(code, { en: `${where.en}: ${detail}`, vi: `${where.vi}: ${catalogEntry(code).title.vi}` });
}

function signatureStage(
  report: PdfVerificationReport,
  mismatches: readonly PartyMismatch[],
  name: string,
  minimumSignatures: number,
): Stage {
  const documentLevel = report.findings.map((f) => verifierFinding(f.code, f.detail, { en: name, vi: name }));
  const perSignature = report.signatures.flatMap((s) => {
    const decisive = decisiveVerifierFinding(s);
    return decisive
      ? [
          verifierFinding(decisive.code, decisive.detail, {
            en: `${name}, signature ${s.index + 1}`,
            vi: `${name}, chữ ký ${s.index + 1}`,
          }),
        ]
      : [];
  });
  const wrongParty = mismatches.map((m) => item('SIGNATURE_PARTY_MISMATCH', describePartyMismatch(m, name)));
  const missing =
    report.findings.length === 0 && report.signatures.length < minimumSignatures
      ? [
          item('SIGNATURE_PARTY_MISSING', {
            en: `${name} has ${report.signatures.length} signature(s); ${minimumSignatures} are required.`,
            vi: `${name} có ${report.signatures.length} chữ ký; cần ${minimumSignatures} chữ ký.`,
          }),
        ]
      : [];
  const malformed = report.findings.some((f) => f.code === 'PDF_MALFORMED');
  return {
    failureClass: malformed ? 'FILE' : 'SIGNATURE',
    findings: [...documentLevel, ...perSignature, ...wrongParty, ...missing],
  };
}

async function embeddedDataStage(pdf: Uint8Array, data: ContractMainData): Promise<Stage> {
  const embedded = await extractMainData(pdf).catch(() => undefined);
  const differs = embedded !== undefined && canonicalJson(embedded) !== canonicalJson(data);
  const findings = differs
    ? [
        item(
          'MAIN_DATA_MISMATCH',
          {
            en: 'mainData differs from the contract data embedded in the signed PDF.',
            vi: 'mainData khác với dữ liệu hợp đồng đính kèm trong tệp PDF đã ký.',
          },
          '/mainData',
        ),
      ]
    : [];
  return { failureClass: 'BUSINESS', findings };
}

/**
 * The Platform's checks (T9; N2, F8), offline, before anything is sent: the main data schema (the
 * spec's zod schema), the Labor Code rules, the file limits (size, structure, pages), every
 * signature and timestamp (the same verifier), each party's signature bound to that party's
 * certificate, the certification evidence and what it names, the embedded main data, the conclusion date against the last
 * signature (Decree Art. 8) and the 24-hour rule; each with the module the server runs. Every stage runs whatever an earlier one found, so a
 * PDF without main data still has its signatures checked. Only the identity check against the
 * national registries needs the Platform.
 */
export async function validateLocally(input: ValidateLocallyInput): Promise<LocalValidation> {
  const lang = input.lang ?? 'en';
  const name = input.fileName ?? 'contract.pdf';
  const options = { trust: input.trust, validationTime: input.validationTime, requireTimestamp: true };
  const { data, stage: schema } = schemaStage(input.mainData);
  const verified = await verifyPdf(input.pdf, options);
  // F8, N2: with valid main data, each party's signature must be made with that party's certificate.
  const { report: signatures, mismatches } = data
    ? bindSignaturesToParties(verified, data)
    : { report: verified, mismatches: [] };
  const evidence = input.evidence
    ? await verifyEvidence(input.evidence, { ...options, documents: [{ name, bytes: input.pdf }] })
    : undefined;
  // The limits the Platform applies at intake and in its file checks (file-checks.ts, T9).
  const fileStage: Stage = {
    failureClass: 'FILE',
    findings: [
      ...checkFileSize(input.pdf.length, MAX_DOCUMENT_BYTES, name, '/documents/0/contentBase64'),
      ...(input.evidence
        ? checkFileSize(input.evidence.length, MAX_EVIDENCE_BYTES, 'evidence', '/evidence/contentBase64')
        : []),
      ...(await checkPdfFile(input.pdf, name)),
    ],
  };
  const lastSignedAt = lastSigningTime(signatures);
  const stages: Stage[] = [
    schema,
    {
      failureClass: 'BUSINESS',
      findings: data
        ? checkLaborRules(data, { submittedAt: input.submittedAt ?? input.validationTime ?? new Date() })
        : [],
    },
    fileStage,
    signatureStage(signatures, mismatches, name, input.minimumSignatures ?? 2),
    {
      failureClass: 'SIGNATURE',
      findings: [
        ...(evidence && evidence.indication !== 'TOTAL_PASSED'
          ? evidence.findings.map((f) =>
              verifierFinding(f.code, f.detail, { en: 'evidence', vi: 'tệp chứng thực' }),
            )
          : []),
        ...checkEvidenceBinding(evidence?.evidence, input),
      ],
    },
    data ? await embeddedDataStage(input.pdf, data) : { failureClass: 'BUSINESS', findings: [] },
    // Decree 337/2025 Art. 8, after the signatures: the server checks it after its document checks.
    {
      failureClass: 'BUSINESS',
      findings: data ? checkConclusionDate(data, lastSignedAt) : [],
    },
  ];
  const failing = stages.find((s) => s.findings.length > 0);
  const warnings =
    input.submittedAt && lastSignedAt && isLate(lastSignedAt, input.submittedAt)
      ? [lateFinding(lastSignedAt, input.submittedAt)]
      : [];
  return {
    ok: !failing,
    ...(failing ? { failureClass: failing.failureClass } : {}),
    errors: [...stages.flatMap((s) => s.findings), ...warnings].map((f) => renderFinding(f, lang)),
    signatures,
    ...(evidence ? { evidence } : {}),
  };
}
