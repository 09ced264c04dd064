import { CODE_MESSAGES, INDICATION_MESSAGES, LABELS, NOTE_MESSAGES } from './messages.js';
import type { ReportLanguage } from './options.js';
import type { CertificateSummary, PdfVerificationReport, SignatureReport } from './report.js';

/** Vietnam time (UTC+7), the legal time reference for the Platform; ISO-like so both languages read it. */
function formatTime(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19).replace('T', ' ')} (UTC+7)`;
}

function describeCertificate(certificate: CertificateSummary | undefined, lang: ReportLanguage): string {
  return certificate?.subjectCommonName ?? LABELS.unknown[lang];
}

function signatureLines(signature: SignatureReport, lang: ReportLanguage): string[] {
  const lines = [
    `${LABELS.signature[lang]} #${signature.index + 1}: ${INDICATION_MESSAGES[signature.indication][lang]}`,
  ];
  lines.push(`  ${LABELS.signer[lang]}: ${describeCertificate(signature.signer, lang)}`);
  if (signature.party) lines.push(`  ${LABELS.party[lang]}: ${LABELS[signature.party][lang]}`);
  if (signature.signer) {
    lines.push(`  ${LABELS.issuer[lang]}: ${signature.signer.issuerCommonName ?? LABELS.unknown[lang]}`);
    lines.push(`  ${LABELS.serial[lang]}: ${signature.signer.serialNumber}`);
  }
  const time = signature.signingTime ? formatTime(signature.signingTime) : LABELS.unproven[lang];
  lines.push(`  ${LABELS.signingTime[lang]}: ${time}`);
  const modified = signature.findings.some(
    (f) => f.code === 'SIGNATURE_MODIFIED_AFTER_SIGNING' || f.code === 'SIGNATURE_DIGEST_MISMATCH',
  );
  const integrity = modified
    ? CODE_MESSAGES.SIGNATURE_MODIFIED_AFTER_SIGNING[lang]
    : signature.coverage.wholeDocument
      ? LABELS.intact[lang]
      : LABELS.partial[lang];
  lines.push(`  ${LABELS.integrity[lang]}: ${integrity}`);
  for (const code of new Set(signature.findings.map((f) => f.code)))
    lines.push(`  - ${CODE_MESSAGES[code][lang]}`);
  for (const note of signature.notes) lines.push(`  * ${NOTE_MESSAGES[note][lang]}`);
  return lines;
}

/** The report as readable text in English or Vietnamese: result, then per signature signer, time and integrity. */
export function formatVerificationReport(report: PdfVerificationReport, lang: ReportLanguage = 'en'): string {
  const lines = [
    `${LABELS.document[lang]}: ${report.totalBytes} bytes, ${report.signatures.length} ${LABELS.signature[lang].toLowerCase()}`,
  ];
  const result = report.code ? CODE_MESSAGES[report.code][lang] : INDICATION_MESSAGES.TOTAL_PASSED[lang];
  lines.push(`${LABELS.result[lang]}: ${report.indication} (${result})`);
  for (const f of report.findings) lines.push(`- ${CODE_MESSAGES[f.code][lang]}`);
  for (const signature of report.signatures) lines.push(...signatureLines(signature, lang));
  return lines.join('\n');
}
