import { rangeDigests } from './crypto/range-digests.js';
import { formatVerificationReport } from './format-report.js';
import type { VerifyOptions } from './options.js';
import { asciiBytes, indexOfBytes } from './pdf/byte-search.js';
import { findSignatureDictionaries, MAX_SIGNATURE_DICTIONARIES } from './pdf/signature-dictionaries.js';
import { loadAnchors } from './pki/trust-anchors.js';
import {
  type Finding,
  finding,
  outcomeOf,
  type PdfVerificationReport,
  type SignatureReport,
} from './report.js';
import { verifyPdfSignature } from './verify-pdf-signature.js';

export interface PdfVerificationResult extends PdfVerificationReport {
  /** Human-readable summary in `options.lang` (default English). */
  summary: string;
}

const PDF_HEADER = asciiBytes('%PDF-');
const EOF_MARKER = asciiBytes('%%EOF');

/**
 * Verifies every signature of a signed PDF contract (N2, F8, S2.2; Decree Art. 7.1.a, 7.2.b): PAdES
 * (ETSI.CAdES.detached) signatures, their RFC 3161 timestamps, certificate chains to the configured anchors,
 * revocation when data is supplied, and changes made after each signature. Never throws on bad input.
 */
export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions): Promise<PdfVerificationResult> {
  const validationTime = options.validationTime ?? new Date();
  const [caAnchors, tsaAnchors] = await Promise.all([
    loadAnchors(options.trust.ca),
    loadAnchors(options.trust.tsa),
  ]);
  const base = { kind: 'pdf' as const, validationTime, totalBytes: pdf.byteLength };
  const documentFindings = checkStructure(pdf);
  let signatures: SignatureReport[] = [];
  if (documentFindings.length === 0) {
    const found = findSignatureDictionaries(pdf);
    const dictionaries = (found ?? []).sort(
      (a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]),
    );
    if (!found) {
      documentFindings.push(
        finding(
          'PDF_MALFORMED',
          'TOTAL_FAILED',
          'FORMAT_FAILURE',
          `more than ${MAX_SIGNATURE_DICTIONARIES} signature dictionaries`,
        ),
      );
    } else if (dictionaries.length === 0) {
      documentFindings.push(
        finding('PDF_NOT_SIGNED', 'TOTAL_FAILED', 'FORMAT_FAILURE', 'no signature dictionary found'),
      );
    }
    const last = dictionaries[dictionaries.length - 1];
    if (last && last.byteRange[2] + last.byteRange[3] !== pdf.byteLength) {
      // Whatever follows the last signature is signed by nobody (issue 3: the last signature ends at
      // the end of the file); it also catches a later signature whose dictionary was made unreadable.
      documentFindings.push(
        finding(
          'SIGNATURE_MODIFIED_AFTER_SIGNING',
          'TOTAL_FAILED',
          'FORMAT_FAILURE',
          'bytes after the last signature are not covered by any signature',
        ),
      );
    }
    const wellFormed = dictionaries.filter((d) => d.contents).map((d) => d.byteRange);
    const context = {
      pdf,
      caAnchors,
      tsaAnchors,
      options,
      validationTime,
      signedContent: rangeDigests(pdf, wellFormed),
      // The digits between < and > of each /Contents gap.
      contentsHex: wellFormed.map(([, firstLength, gapEnd]) => [firstLength + 1, gapEnd - 1] as const),
    };
    signatures = checkTimestampOrder(
      await Promise.all(dictionaries.map((d, i) => verifyPdfSignature(i, d, context))),
    );
  }
  const allFindings = [...documentFindings, ...signatures.flatMap((s) => s.findings)];
  const report: PdfVerificationReport = {
    ...base,
    ...outcomeOf(allFindings),
    findings: documentFindings,
    signatures,
  };
  return { ...report, summary: formatVerificationReport(report, options.lang ?? 'en') };
}

function checkStructure(pdf: Uint8Array): Finding[] {
  const header = indexOfBytes(pdf, PDF_HEADER, 0, Math.min(pdf.byteLength, 1024));
  const eof = indexOfBytes(pdf, EOF_MARKER, Math.max(0, pdf.byteLength - 2048));
  return header === -1 || eof === -1
    ? [finding('PDF_MALFORMED', 'TOTAL_FAILED', 'FORMAT_FAILURE', 'missing %PDF- header or %%EOF marker')]
    : [];
}

/** A later revision's signature cannot be proven older than an earlier revision's (ETSI EN 319 102-1 5.6.2.4). */
function checkTimestampOrder(signatures: SignatureReport[]): SignatureReport[] {
  let latest: Date | undefined;
  return signatures.map((signature) => {
    const time = signature.signingTime;
    if (!time) return signature;
    if (latest && time < latest) {
      const findings = [
        ...signature.findings,
        finding(
          'TIMESTAMP_INVALID',
          'INDETERMINATE',
          'TIMESTAMP_ORDER_FAILURE',
          'timestamp is older than the previous revision’s signature timestamp',
        ),
      ];
      return { ...signature, findings, ...outcomeOf(findings) };
    }
    latest = time;
    return signature;
  });
}
