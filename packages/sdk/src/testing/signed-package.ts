import type { Schemas } from '@hdld/spec';
import { sha256, toBase64, toHex } from '../documents/cms/bytes.js';
import { buildCertificationEvidence } from '../documents/evidence/build-certification-evidence.js';
import type { TimestampAuthority } from '../documents/signing/timestamp-client.js';
import type { TestIdentity, TestPki } from './test-pki.js';

export type SignedPackageOptions = {
  pki: TestPki;
  tsa: TimestampAuthority;
  /** The document signed by employer then employee. */
  pdf: Uint8Array;
  providerReference: string;
  role: Schemas['EvidenceDocumentRole'];
  parties: { employer: string; employee: string };
  /** The certificates the document was signed with; default the test PKI's employer and employee. */
  signers?: { employer: TestIdentity; employee: TestIdentity };
  provider?: { id: string; name: string };
  at?: Date;
};

export type SignedPackage = Pick<
  Schemas['ContractSubmission'],
  'documents' | 'evidence' | 'transactionLog'
> & {
  evidenceBytes: Uint8Array;
};

/**
 * What a provider sends with any signed document (N1, T7, T8): the file, its certification
 * evidence naming both signers, and the transaction log of the signing.
 */
export async function signedPackage(options: SignedPackageOptions): Promise<SignedPackage> {
  const { pki, tsa, pdf, providerReference, parties } = options;
  const signedBy = options.signers ?? pki;
  const at = (options.at ?? new Date()).toISOString();
  const provider = options.provider ?? { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' };
  const fileName = `${providerReference}.pdf`;
  const signer = async (party: 'EMPLOYER' | 'EMPLOYEE', fullName: string, certificate: Uint8Array) => ({
    party,
    fullName,
    certificateSha256: toHex(await sha256(certificate)),
    authenticationMethod: 'VNEID' as const,
    authenticatedAt: at,
    signedAt: at,
  });
  const evidenceBytes = await buildCertificationEvidence(
    {
      version: 1,
      provider,
      providerReference,
      issuedAt: at,
      documents: [{ name: fileName, role: options.role, sha256: toHex(await sha256(pdf)), size: pdf.length }],
      signers: [
        await signer('EMPLOYER', parties.employer, signedBy.employer.certificate),
        await signer('EMPLOYEE', parties.employee, signedBy.employee.certificate),
      ],
      events: [
        { at, type: 'CREATED', actor: provider.name },
        { at, type: 'SIGNED', actor: parties.employer },
        { at, type: 'SIGNED', actor: parties.employee },
        { at, type: 'SENT', actor: provider.name },
      ],
    },
    pki.provider.signer,
    { tsa },
  );
  return {
    evidenceBytes,
    documents: [{ role: 'CONTRACT', fileName, mediaType: 'application/pdf', contentBase64: toBase64(pdf) }],
    evidence: { mediaType: 'application/pkcs7-mime', contentBase64: toBase64(evidenceBytes) },
    transactionLog: {
      system: { name: 'hdld sample eContract', version: '1.0' },
      events: [
        { at, type: 'CREATED', actor: provider.name, actorRole: 'PROVIDER' },
        { at, type: 'SIGNED', actor: parties.employer, actorRole: 'EMPLOYER' },
        { at, type: 'SIGNED', actor: parties.employee, actorRole: 'EMPLOYEE' },
        { at, type: 'SENT', actor: provider.name, actorRole: 'SYSTEM' },
      ],
    },
  };
}
