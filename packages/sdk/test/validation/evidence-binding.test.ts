import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CertificationEvidence } from '../../src/documents/evidence/certification-evidence.js';
import { checkEvidenceBinding } from '../../src/validation/evidence-binding.js';

const evidenceFor = (providerReference: string) =>
  ({ providerReference, provider: { id: 'sandbox', name: 'Sandbox' } }) as CertificationEvidence;

/** T8, N2: the one binding rule of the Platform and `hdld validate` (issue 14). */
describe('checkEvidenceBinding', () => {
  it('finds EVIDENCE_INVALID exactly when the evidence names another reference', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (named, expected) => {
        const findings = checkEvidenceBinding(evidenceFor(named), { providerReference: expected });
        expect(findings.map((f) => f.code)).toEqual(named === expected ? [] : ['EVIDENCE_INVALID']);
        for (const f of findings) expect(f.detail.vi).toContain(named);
      }),
    );
  });

  it('has nothing to say without evidence content or an expected reference', () => {
    expect(checkEvidenceBinding(undefined, { providerReference: 'HD-1' })).toEqual([]);
    expect(checkEvidenceBinding(evidenceFor('HD-1'), {})).toEqual([]);
  });
});
