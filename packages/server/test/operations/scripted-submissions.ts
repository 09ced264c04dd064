import type { SandboxKit } from '../support/sandbox-kit.js';

/**
 * What a scripted submission should turn into (T10): a success, a failure of one class with its
 * catalog code, or a FORMAT refusal that never becomes a transaction.
 */
export type Outcome =
  | { kind: 'ok' }
  | { kind: 'failed'; failureClass: 'BUSINESS' | 'FILE' | 'SIGNATURE'; code: string }
  | { kind: 'refused' };

export const SCRIPT = {
  ok: { kind: 'ok' },
  laborTerm: { kind: 'failed', failureClass: 'BUSINESS', code: 'LABOR_TERM_INVALID' },
  notPdf: { kind: 'failed', failureClass: 'FILE', code: 'PDF_MALFORMED' },
  foreignEvidence: { kind: 'failed', failureClass: 'SIGNATURE', code: 'EVIDENCE_DOCUMENT_MISMATCH' },
  badSex: { kind: 'refused' },
} as const satisfies Record<string, Outcome>;

export type Step = keyof typeof SCRIPT;

/**
 * A submission body crafted to produce the step's outcome, as in test/intake/failure-classes.test.ts:
 * seeds must be distinct across the whole test file (a seed is a contract and its people).
 */
export async function craft(kit: SandboxKit, step: Step, seed: number): Promise<unknown> {
  const sample = await kit.sample(seed);
  const { submission, mainData } = sample;
  switch (step) {
    case 'ok':
      return submission;
    case 'laborTerm': {
      const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
      return { ...submission, mainData: { ...mainData, term } };
    }
    case 'notPdf': {
      const notPdf = Buffer.from('not a pdf').toString('base64');
      return { ...submission, documents: [{ ...submission.documents[0]!, contentBase64: notPdf }] };
    }
    case 'foreignEvidence': {
      const other = await kit.sample(seed + 5000, { providerReference: submission.providerReference });
      return { ...submission, evidence: other.submission.evidence };
    }
    case 'badSex':
      return { ...submission, mainData: { ...mainData, employee: { ...mainData.employee, sex: 'X' } } };
  }
}
