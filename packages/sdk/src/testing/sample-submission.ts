import type { ContractMainData, Schemas } from '@hdld/spec';
import { sha256, toBase64, toHex } from '../documents/cms/bytes.js';
import { buildCertificationEvidence } from '../documents/evidence/build-certification-evidence.js';
import { buildContractPdf } from '../documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../documents/pdf/contract-fonts.js';
import { sampleContractMainData } from '../documents/pdf/sample-data.js';
import { signPdf } from '../documents/signing/sign-pdf.js';
import type { TimestampAuthority } from '../documents/signing/timestamp-client.js';
import type { TestPki } from './test-pki.js';

export type SampleSubmissionOptions = {
  pki: TestPki;
  tsa: TimestampAuthority;
  fonts: ContractFonts;
  /** Picks the sample main data (sampleContractMainData) unless `mainData` is given. */
  seed: number;
  mainData?: ContractMainData;
  providerReference?: string;
  provider?: { id: string; name: string };
  /** Time of the events in the transaction log and evidence; default now. */
  at?: Date;
  /** Reuses an already signed contract (same bytes) instead of building and signing a new one. */
  signedPdf?: Uint8Array;
};

export type SampleSubmission = {
  mainData: ContractMainData;
  /** The contract signed by employer then employee, PAdES B-T. */
  pdf: Uint8Array;
  evidence: Uint8Array;
  submission: Schemas['ContractSubmission'];
  /** The employee as the population registry must know them (sandbox identity). */
  identity: { identityNumber: string; fullName: string; dateOfBirth: string; sex: 'MALE' | 'FEMALE' };
};

/** Builds the contract PDF and signs it as employer then employee, each with a timestamp (B-T). */
async function signByBothParties(
  mainData: ContractMainData,
  { pki, tsa, fonts }: SampleSubmissionOptions,
): Promise<Uint8Array> {
  const built = await buildContractPdf(mainData, { fonts });
  const widget = (party: 'EMPLOYER' | 'EMPLOYEE') => {
    const field = built.signatureFields.find((f) => f.party === party);
    return field ? { widget: { page: field.page, rect: field.rect } } : {};
  };
  const byEmployer = await signPdf(built.pdf, pki.employer.signer, {
    tsa,
    fieldName: 'EmployerSignature',
    ...widget('EMPLOYER'),
  });
  return signPdf(byEmployer, pki.employee.signer, {
    tsa,
    fieldName: 'EmployeeSignature',
    ...widget('EMPLOYEE'),
  });
}

/**
 * A complete, valid submission as a provider would send it (N1, N2, T7, T8): the contract PDF
 * signed by both parties with timestamps, the certification evidence and the transaction log.
 * For tests, benchmarks and the demo only.
 */
export async function createSampleSubmission(options: SampleSubmissionOptions): Promise<SampleSubmission> {
  const { pki, tsa } = options;
  const mainData = options.mainData ?? sampleContractMainData(options.seed);
  const at = (options.at ?? new Date()).toISOString();
  const providerReference =
    options.providerReference ??
    `HD-${mainData.concludedOn.slice(0, 4)}-${String(options.seed).padStart(6, '0')}`;
  const pdf = options.signedPdf ?? (await signByBothParties(mainData, options));
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
  const evidence = await buildCertificationEvidence(
    {
      version: 1,
      provider,
      providerReference,
      issuedAt: at,
      documents: [{ name: fileName, role: 'CONTRACT', sha256: toHex(await sha256(pdf)), size: pdf.length }],
      signers: [
        await signer('EMPLOYER', mainData.employer.representative.fullName, pki.employer.certificate),
        await signer('EMPLOYEE', mainData.employee.fullName, pki.employee.certificate),
      ],
      events: [
        { at, type: 'CREATED', actor: provider.name },
        { at, type: 'SIGNED', actor: mainData.employer.representative.fullName },
        { at, type: 'SIGNED', actor: mainData.employee.fullName },
        { at, type: 'SENT', actor: provider.name },
      ],
    },
    pki.provider.signer,
    { tsa },
  );
  const submission: Schemas['ContractSubmission'] = {
    providerReference,
    mainData,
    documents: [{ role: 'CONTRACT', fileName, mediaType: 'application/pdf', contentBase64: toBase64(pdf) }],
    evidence: { mediaType: 'application/pkcs7-mime', contentBase64: toBase64(evidence) },
    transactionLog: {
      system: { name: 'hdld sample eContract', version: '1.0' },
      events: [
        { at, type: 'CREATED', actor: provider.name, actorRole: 'PROVIDER' },
        { at, type: 'SIGNED', actor: mainData.employer.representative.fullName, actorRole: 'EMPLOYER' },
        { at, type: 'SIGNED', actor: mainData.employee.fullName, actorRole: 'EMPLOYEE' },
        { at, type: 'SENT', actor: provider.name, actorRole: 'SYSTEM' },
      ],
    },
  };
  const { employee } = mainData;
  return {
    mainData,
    pdf,
    evidence,
    submission,
    identity: {
      identityNumber: employee.identity.number,
      fullName: employee.fullName,
      dateOfBirth: employee.dateOfBirth,
      sex: employee.sex,
    },
  };
}
