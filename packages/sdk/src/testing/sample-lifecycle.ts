import type { ContractMainData, Schemas } from '@hdld/spec';
import { toBase64 } from '../documents/cms/bytes.js';
import { sealConvertedPaper } from '../documents/conversion/seal-converted-paper.js';
import { sampleContractMainData } from '../documents/pdf/sample-data.js';
import { signPdf } from '../documents/signing/sign-pdf.js';
import type { TimestampAuthority } from '../documents/signing/timestamp-client.js';
import { issueContractPartyCertificates } from './party-certificates.js';
import { createSamplePdf } from './sample-pdf.js';
import { signedPackage } from './signed-package.js';
import type { TestPki } from './test-pki.js';

type LifecycleType = Schemas['LifecycleType'];

export type SampleLifecycleOptions = {
  pki: TestPki;
  tsa: TimestampAuthority;
  type: LifecycleType;
  providerReference: string;
  effectiveOn: string;
  provider?: { id: string; name: string };
  changes?: Schemas['LifecycleSubmission']['changes'];
  /** The contract's main data: its parties sign (F8); default the test PKI's employer and employee. */
  mainData?: ContractMainData;
};

const TITLES: Record<LifecycleType, string> = {
  APPENDIX: 'PHU LUC HOP DONG LAO DONG',
  AMENDMENT: 'VAN BAN SUA DOI HOP DONG',
  SUPPLEMENT: 'VAN BAN BO SUNG HOP DONG',
  SUSPENSION: 'THOA THUAN TAM HOAN HOP DONG',
  RESUMPTION: 'THOA THUAN TIEP TUC HOP DONG',
  TERMINATION: 'THOA THUAN CHAM DUT HOP DONG',
};

/**
 * A lifecycle document (N5, Decree Art. 9.3) signed by both parties with timestamps, with its
 * certification evidence: for tests and the demo only.
 */
export async function createSampleLifecycleSubmission(
  options: SampleLifecycleOptions,
): Promise<Schemas['LifecycleSubmission']> {
  const { pki, tsa, providerReference } = options;
  const unsigned = await createSamplePdf({ title: `${TITLES[options.type]} ${providerReference}` });
  const signers = options.mainData ? await issueContractPartyCertificates(pki, options.mainData) : pki;
  const byEmployer = await signPdf(unsigned, signers.employer.signer, {
    tsa,
    fieldName: 'EmployerSignature',
  });
  const pdf = await signPdf(byEmployer, signers.employee.signer, { tsa, fieldName: 'EmployeeSignature' });
  const { evidenceBytes: _evidence, ...files } = await signedPackage({
    pki,
    tsa,
    pdf,
    providerReference,
    role: options.type,
    signers: { employer: signers.employer, employee: signers.employee },
    parties: { employer: 'Đại diện người sử dụng lao động', employee: 'Người lao động' },
    provider: options.provider,
  });
  return {
    type: options.type,
    providerReference,
    effectiveOn: options.effectiveOn,
    ...(options.changes ? { changes: options.changes } : {}),
    ...files,
  };
}

/**
 * A paper contract scanned, sealed by the converting organisation with a timestamp, with its
 * conversion log (DOMAIN.md core flow step 3, Decree Art. 9.2): for tests and the demo only.
 */
export async function createSampleConvertedPaper(options: {
  pki: TestPki;
  tsa: TimestampAuthority;
  seed: number;
  providerReference: string;
  mainData?: ContractMainData;
}): Promise<Schemas['ConvertedPaperSubmission']> {
  const mainData = options.mainData ?? sampleContractMainData(options.seed);
  const scan = await createSamplePdf({ pages: 2, title: `BAN SCAN HOP DONG ${options.providerReference}` });
  const sealed = await sealConvertedPaper(scan, options.pki.organisation.signer, {
    tsa: options.tsa,
    converter: { system: 'hdld sample scanner 1.0', organisationName: 'Trung tâm số hóa thử nghiệm' },
    checkedMatchesOriginal: true,
  });
  return {
    providerReference: options.providerReference,
    mainData,
    documents: [
      {
        role: 'CONTRACT',
        fileName: `${options.providerReference}.pdf`,
        mediaType: 'application/pdf',
        contentBase64: toBase64(sealed.pdf),
      },
    ],
    conversionLog: sealed.conversionLog,
  };
}
