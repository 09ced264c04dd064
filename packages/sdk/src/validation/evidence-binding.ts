import type { CertificationEvidence } from '../documents/evidence/certification-evidence.js';
import { type Finding, item } from './finding.js';

/** What the evidence must name: this submission's reference. */
export type EvidenceBinding = { providerReference?: string };

/**
 * T8, N2: a certification evidence is bound to one submission; one naming another reference
 * certifies something else. The Platform (pipeline/checks/evidence-check.ts) and
 * `validateLocally` (`hdld validate`) apply this one rule.
 */
export function checkEvidenceBinding(
  evidence: CertificationEvidence | undefined,
  expected: EvidenceBinding,
): Finding[] {
  if (!evidence || expected.providerReference === undefined) return [];
  if (evidence.providerReference === expected.providerReference) return [];
  return [
    item(
      'EVIDENCE_INVALID',
      {
        en: `The evidence names another providerReference (${evidence.providerReference}, not ${expected.providerReference}).`,
        vi: `Tệp chứng thực ghi mã tham chiếu khác (${evidence.providerReference}, không phải ${expected.providerReference}).`,
      },
      '/evidence',
    ),
  ];
}
