import { checkEvidenceBinding } from '@hdld/sdk';
import { type VerifyOptions, verifyEvidence } from '@hdld/sdk/documents';
import { catalogEntry } from '@hdld/spec';
import { CheckFailure, type Finding, item, TransientCheckError } from '../check-outcome.js';

/** `sha256`, when known, is the digest of `bytes` the server computed when storing them. */
type Document = { bytes: Uint8Array; fileName?: string; role: string; sha256?: string };

/**
 * T8, N2: the provider's certification of the data message, checked by the SDK's verifier (CMS
 * signature, chain to the certification anchors, timestamp, every submitted document listed with
 * its SHA-256), and it must name this submission. A document's SHA-256 is not computed again when
 * known: the blob key its bytes were read under (a key is the SHA-256 of the bytes stored, blob-store.ts).
 */
export async function checkEvidence(
  der: Uint8Array,
  documents: readonly Document[],
  options: { trust: VerifyOptions['trust']; validationTime: Date; providerReference: string },
): Promise<void> {
  const report = await verifyEvidence(der, {
    trust: options.trust,
    validationTime: options.validationTime,
    requireTimestamp: true,
    documents: documents.map((d) => ({ name: d.fileName ?? d.role, bytes: d.bytes, sha256: d.sha256 })),
  });
  if (report.subIndication === 'TRY_LATER') {
    throw new TransientCheckError(
      report.code ?? 'REVOCATION_UNAVAILABLE',
      report.findings[0]?.detail ?? 'try later',
    );
  }
  const findings: Finding[] = report.findings.map((f) =>
    item(
      f.code,
      { en: `Evidence: ${f.detail}`, vi: `Tệp chứng thực: ${catalogEntry(f.code).title.vi}` },
      '/evidence',
    ),
  );
  // The binding rule `hdld validate` applies offline too (sdk/src/validation/evidence-binding.ts).
  findings.push(...checkEvidenceBinding(report.evidence, { providerReference: options.providerReference }));
  if (findings.length > 0) throw new CheckFailure('SIGNATURE', findings);
}
