import type { ContractMainData, Schemas } from '@hdld/spec';
import { buildContractPdf } from '../documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../documents/pdf/contract-fonts.js';
import { sampleContractMainData } from '../documents/pdf/sample-data.js';
import { signPdf } from '../documents/signing/sign-pdf.js';
import type { TimestampAuthority } from '../documents/signing/timestamp-client.js';
import { issueContractPartyCertificates } from './party-certificates.js';
import { signedPackage } from './signed-package.js';
import type { TestIdentity, TestPki } from './test-pki.js';

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
  /**
   * Who signs; default certificates of the main data's own parties (issueContractPartyCertificates, F8).
   * Give others to build a contract signed by the wrong person.
   */
  signers?: { employer: TestIdentity; employee: TestIdentity };
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
  signers: { employer: TestIdentity; employee: TestIdentity },
  { tsa, fonts }: SampleSubmissionOptions,
): Promise<Uint8Array> {
  const built = await buildContractPdf(mainData, { fonts });
  const widget = (party: 'EMPLOYER' | 'EMPLOYEE') => {
    const field = built.signatureFields.find((f) => f.party === party);
    return field ? { widget: { page: field.page, rect: field.rect } } : {};
  };
  const byEmployer = await signPdf(built.pdf, signers.employer.signer, {
    tsa,
    fieldName: 'EmployerSignature',
    ...widget('EMPLOYER'),
  });
  return signPdf(byEmployer, signers.employee.signer, {
    tsa,
    fieldName: 'EmployeeSignature',
    ...widget('EMPLOYEE'),
  });
}

/**
 * A complete, valid submission as a provider would send it (N1, N2, T7, T8): the contract PDF
 * signed by both parties with timestamps (each with a certificate naming that party, F8), the certification evidence and the transaction log.
 * For tests, benchmarks and the demo only.
 */
export async function createSampleSubmission(options: SampleSubmissionOptions): Promise<SampleSubmission> {
  const { pki, tsa } = options;
  const mainData = options.mainData ?? sampleContractMainData(options.seed);
  const providerReference =
    options.providerReference ??
    `HD-${mainData.concludedOn.slice(0, 4)}-${String(options.seed).padStart(6, '0')}`;
  const signers = options.signers ?? (await issueContractPartyCertificates(pki, mainData));
  const pdf = options.signedPdf ?? (await signByBothParties(mainData, signers, options));
  const { evidenceBytes, ...files } = await signedPackage({
    pki,
    tsa,
    pdf,
    providerReference,
    role: 'CONTRACT',
    parties: { employer: mainData.employer.representative.fullName, employee: mainData.employee.fullName },
    signers,
    provider: options.provider,
    at: options.at,
  });
  const submission: Schemas['ContractSubmission'] = { providerReference, mainData, ...files };
  const { employee } = mainData;
  return {
    mainData,
    pdf,
    evidence: evidenceBytes,
    submission,
    identity: {
      identityNumber: employee.identity.number,
      fullName: employee.fullName,
      dateOfBirth: employee.dateOfBirth,
      sex: employee.sex,
    },
  };
}
