import type { ContractMainData, Schemas } from '@hdld/spec';
import { sha256, toBase64, toHex } from '../documents/cms/bytes.js';
import { sealConvertedPaper } from '../documents/conversion/seal-converted-paper.js';
import { buildCertificationEvidence } from '../documents/evidence/build-certification-evidence.js';
import { sampleContractMainData } from '../documents/pdf/sample-data.js';
import { signPdf } from '../documents/signing/sign-pdf.js';
import type { TimestampAuthority } from '../documents/signing/timestamp-client.js';
import { createSamplePdf } from './sample-pdf.js';
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
export async function createSampleLifecycleSubmission(options: SampleLifecycleOptions): Promise<Schemas['LifecycleSubmission']> {
  const { pki, tsa, providerReference } = options;
  const at = new Date().toISOString();
  const unsigned = await createSamplePdf({ title: `${TITLES[options.type]} ${providerReference}` });
  const byEmployer = await signPdf(unsigned, pki.employer.signer, { tsa, fieldName: 'EmployerSignature' });
  const pdf = await signPdf(byEmployer, pki.employee.signer, { tsa, fieldName: 'EmployeeSignature' });
  const provider = options.provider ?? { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' };
  const fileName = `${providerReference}.pdf`;
  const certificate = async (der: Uint8Array) => toHex(await sha256(der));
  const evidence = await buildCertificationEvidence(
    {
      version: 1,
      provider,
      providerReference,
      issuedAt: at,
      documents: [{ name: fileName, role: options.type, sha256: toHex(await sha256(pdf)), size: pdf.length }],
      signers: [
        { party: 'EMPLOYER', fullName: 'Đại diện người sử dụng lao động', certificateSha256: await certificate(pki.employer.certificate), authenticationMethod: 'VNEID', authenticatedAt: at, signedAt: at },
        { party: 'EMPLOYEE', fullName: 'Người lao động', certificateSha256: await certificate(pki.employee.certificate), authenticationMethod: 'VNEID', authenticatedAt: at, signedAt: at },
      ],
      events: [
        { at, type: 'CREATED', actor: provider.name },
        { at, type: 'SIGNED', actor: 'EMPLOYER' },
        { at, type: 'SIGNED', actor: 'EMPLOYEE' },
      ],
    },
    pki.provider.signer,
    { tsa },
  );
  return {
    type: options.type,
    providerReference,
    effectiveOn: options.effectiveOn,
    ...(options.changes ? { changes: options.changes } : {}),
    documents: [{ role: 'CONTRACT', fileName, mediaType: 'application/pdf', contentBase64: toBase64(pdf) }],
    evidence: { mediaType: 'application/pkcs7-mime', contentBase64: toBase64(evidence) },
    transactionLog: {
      system: { name: 'hdld sample eContract', version: '1.0' },
      events: [
        { at, type: 'CREATED', actor: provider.name, actorRole: 'PROVIDER' },
        { at, type: 'SIGNED', actor: 'EMPLOYER', actorRole: 'EMPLOYER' },
        { at, type: 'SIGNED', actor: 'EMPLOYEE', actorRole: 'EMPLOYEE' },
      ],
    },
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
    documents: [{ role: 'CONTRACT', fileName: `${options.providerReference}.pdf`, mediaType: 'application/pdf', contentBase64: toBase64(sealed.pdf) }],
    conversionLog: sealed.conversionLog,
  };
}
