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
import { type Finding, item, renderFinding } from './finding.js';
import { checkLaborRules } from './labor-rules.js';

export type ValidateLocallyInput = {
  /** The signed principal PDF, as it will be submitted. */
  pdf: Uint8Array;
  /** Default: the name the submission helpers use; must match the evidence's document name. */
  fileName?: string;
  mainData: unknown;
  /** The certification evidence CMS (DER); the evidence checks are skipped without it. */
  evidence?: Uint8Array;
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
  errors: ProblemDetailItem[];
  signatures: PdfVerificationReport;
  evidence?: EvidenceVerificationReport;
};

type Stage = { failureClass: Schemas['FailureClass']; findings: Finding[] };

function schemaStage(mainData: unknown): { data?: ContractMainData; stage: Stage } {
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
function verifierFinding(code: Finding['code'], detail: string, where: string): Finding {
  return item(code, { en: `${where}: ${detail}`, vi: `${where}: ${catalogEntry(code).title.vi}` });
}

function signatureStage(
  report: PdfVerificationReport,
  mismatches: readonly PartyMismatch[],
  name: string,
  minimumSignatures: number,
): Stage {
  const documentLevel = report.findings.map((f) => verifierFinding(f.code, f.detail, name));
  const perSignature = report.signatures.flatMap((s) => {
    const decisive = decisiveVerifierFinding(s);
    return decisive
      ? [verifierFinding(decisive.code, decisive.detail, `${name}, signature ${s.index + 1}`)]
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
 * spec's zod schema), the Labor Code rules (the same module the server runs), every signature and
 * timestamp (the same verifier), each party's signature bound to that party's certificate, the certification evidence and the embedded main data. Only the
 * identity check against the National Population Database needs the Platform.
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
  const stages: Stage[] = [
    schema,
    { failureClass: 'BUSINESS', findings: data ? checkLaborRules(data) : [] },
    signatureStage(signatures, mismatches, name, input.minimumSignatures ?? 2),
    {
      failureClass: 'SIGNATURE',
      findings:
        evidence && evidence.indication !== 'TOTAL_PASSED'
          ? evidence.findings.map((f) => verifierFinding(f.code, f.detail, 'evidence'))
          : [],
    },
    data ? await embeddedDataStage(input.pdf, data) : { failureClass: 'BUSINESS', findings: [] },
  ];
  const failing = stages.find((s) => s.findings.length > 0);
  return {
    ok: !failing,
    ...(failing ? { failureClass: failing.failureClass } : {}),
    errors: stages.flatMap((s) => s.findings.map((f) => renderFinding(f, lang))),
    signatures,
    ...(evidence ? { evidence } : {}),
  };
}
