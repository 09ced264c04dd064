import { lastSigningTime } from '@hdld/sdk';
import {
  bindSignaturesToParties,
  decisiveVerifierFinding,
  describePartyMismatch,
  type PdfVerificationReport,
  type VerifyOptions,
  verifyPdf,
} from '@hdld/sdk/documents';
import { type ContractMainData, catalogEntry } from '@hdld/spec';
import { CheckFailure, type Finding, item, TransientCheckError } from '../check-outcome.js';

export type SignatureCheckOptions = {
  trust: VerifyOptions['trust'];
  crls?: VerifyOptions['crls'];
  validationTime: Date;
  /** Employer and employee both sign a contract (Decree Art. 8); a sealed scan has one seal. */
  minimumSignatures: number;
  documentName: string;
  /** A contract's main data: each party's signature must be made with that party's certificate (F8, N2). */
  mainData?: ContractMainData;
};

/** What the pipeline keeps from a successful verification. */
export type SignatureCheckResult = { lastSignedAt?: Date; report: PdfVerificationReport };

/** Each signature's decisive failure other than a party mismatch (those are described with their subject). */
function signatureFindings(report: PdfVerificationReport, name: string): Finding[] {
  return report.signatures
    .flatMap((s) => {
      const decisive = decisiveVerifierFinding(s);
      return decisive ? [{ s, decisive }] : [];
    })
    .map(({ s, decisive }) => {
      const code = decisive.code;
      const first = decisive.detail;
      return {
        ...item(code, {
          en: `${name}, signature ${s.index + 1}: ${first || catalogEntry(code).title.en}`,
          vi: `${name}, chữ ký ${s.index + 1}: ${catalogEntry(code).title.vi}`,
        }),
        location: { document: name, field: `signature ${s.index + 1}` },
      };
    });
}

/**
 * N2, F8: every signature of the document must verify (PAdES B-T, chain to the configured anchors,
 * timestamp from a trusted TSA). INDETERMINATE for a transient reason is retried, not failed.
 */
export async function checkPdfSignatures(
  pdf: Uint8Array,
  options: SignatureCheckOptions,
): Promise<SignatureCheckResult> {
  const verified = await verifyPdf(pdf, {
    trust: options.trust,
    crls: options.crls,
    validationTime: options.validationTime,
    requireTimestamp: true,
  });
  const name = options.documentName;
  const { report, mismatches } = options.mainData
    ? bindSignaturesToParties(verified, options.mainData)
    : { report: verified, mismatches: [] };
  const documentLevel = report.findings.map((f) =>
    item(f.code, { en: `${name}: ${f.detail}`, vi: `${name}: ${catalogEntry(f.code).title.vi}` }),
  );
  if (report.findings.some((f) => f.code === 'PDF_MALFORMED')) throw new CheckFailure('FILE', documentLevel);
  if (documentLevel.length > 0) throw new CheckFailure('SIGNATURE', documentLevel);
  const transient = report.signatures.find((s) => s.subIndication === 'TRY_LATER');
  if (transient)
    throw new TransientCheckError(
      transient.code ?? 'REVOCATION_UNAVAILABLE',
      `${name}: ${transient.findings[0]?.detail ?? 'try later'}`,
    );
  const failures = [
    ...signatureFindings(report, name),
    ...mismatches.map((m) => ({
      ...item('SIGNATURE_PARTY_MISMATCH', describePartyMismatch(m, name)),
      location: { document: name, field: `signature ${m.signatureIndex + 1}` },
    })),
  ];
  if (failures.length > 0) throw new CheckFailure('SIGNATURE', failures);
  if (report.signatures.length < options.minimumSignatures) {
    throw new CheckFailure('SIGNATURE', [
      item('SIGNATURE_PARTY_MISSING', {
        en: `${name} has ${report.signatures.length} signature(s); ${options.minimumSignatures} are required (employer and employee).`,
        vi: `${name} có ${report.signatures.length} chữ ký; cần ${options.minimumSignatures} chữ ký (người sử dụng lao động và người lao động).`,
      }),
    ]);
  }
  return { report, lastSignedAt: lastSigningTime(report) };
}
