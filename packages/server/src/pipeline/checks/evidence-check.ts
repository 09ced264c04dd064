import { readCertificationEvidence } from '@hdld/sdk/documents';
import type { VerifyOptions } from '@hdld/sdk/documents';
import { createHash } from 'node:crypto';
import { CheckFailure, type Finding, item } from '../check-outcome.js';

type Document = { sha256: string; bytes: Uint8Array; fileName?: string; role: string };

const invalid = (en: string, vi: string): Finding => item('EVIDENCE_INVALID', { en, vi }, '/evidence');

/**
 * T8, N2: the provider's certification of the data message must be a valid CMS over JSON evidence
 * that names this submission and lists the SHA-256 of every document submitted with it.
 */
export async function checkEvidence(
  der: Uint8Array,
  documents: readonly Document[],
  options: { trust: VerifyOptions['trust']; validationTime: Date; providerReference: string },
): Promise<void> {
  let evidence: ReturnType<typeof readCertificationEvidence>;
  try {
    evidence = readCertificationEvidence(der);
  } catch (error) {
    throw new CheckFailure('SIGNATURE', [
      invalid(`The evidence cannot be read: ${(error as Error).message}`, 'Không đọc được tệp chứng thực thông điệp dữ liệu.'),
    ]);
  }
  const findings: Finding[] = [];
  if (evidence.content.providerReference !== options.providerReference) {
    findings.push(invalid('The evidence names another providerReference.', 'Tệp chứng thực ghi mã tham chiếu khác.'));
  }
  const listed = new Set(evidence.content.documents.map((d) => d.sha256));
  for (const document of documents) {
    const digest = createHash('sha256').update(document.bytes).digest('hex');
    if (!listed.has(digest)) {
      findings.push(
        item(
          'EVIDENCE_DOCUMENT_MISMATCH',
          {
            en: `${document.fileName ?? document.role} is not listed in the evidence (SHA-256 ${digest}).`,
            vi: `${document.fileName ?? document.role} không có trong tệp chứng thực (SHA-256 ${digest}).`,
          },
          '/evidence',
        ),
      );
    }
  }
  if (findings.length > 0) throw new CheckFailure('SIGNATURE', findings);
}
