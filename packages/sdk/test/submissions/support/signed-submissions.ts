import type { ContractMainData, Schemas } from '@hdld/spec';
import { sha256Hex } from '../../../src/batch/digest.js';
import { toHex } from '../../../src/documents/cms/bytes.js';
import {
  buildCertificationEvidence,
  buildContractPdf,
  certificateSha256,
  sampleContractMainData,
  signPdf,
  type TimestampFunction,
} from '../../../src/documents/index.js';
import type { ContractSubmissionInput } from '../../../src/index.js';
import { loadContractFonts } from '../../../src/node/index.js';
import {
  createSamplePdf,
  createTestPki,
  createTestTsa,
  issueContractPartyCertificates,
  type TestIdentity,
  type TestPki,
} from '../../../src/testing/index.js';

export type ContractFactory = Awaited<ReturnType<typeof contractFactory>>;

/** Trust for the reference server: every service type anchored at the test PKI's root. */
export function trustOf(pki: TestPki) {
  return { ca: [pki.root.certificate], tsa: [pki.root.certificate], certification: [pki.root.certificate] };
}

/**
 * Builds what a provider's eContract produces for one contract (DOMAIN.md core flow 1-2): the PDF
 * signed by the employer then the employee (PAdES B-T, in-process TSA), the certification evidence
 * (T8) and the transaction log. `small` uses a one-line PDF for batches (no embedded main data).
 * `given` signs under an existing PKI and TSA (the cached one of large batches) instead of a new one.
 */
export async function contractFactory(given?: { pki: TestPki; tsa: TimestampFunction }) {
  const pki = given?.pki ?? (await createTestPki());
  const tsa =
    given?.tsa ??
    createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
  const fonts = await loadContractFonts();
  type Parties = { employer: TestIdentity; employee: TestIdentity };
  const fingerprint = async (identity: TestIdentity) => toHex(await certificateSha256(identity.certificate));

  /** Main data whose employee is unique per seed, so every contract is a distinct person and document. */
  function mainDataFor(seed: number): ContractMainData {
    const data = sampleContractMainData(seed);
    data.employee.identity = { type: 'CCCD', number: `0790${String(seed).padStart(8, '0')}` };
    return data;
  }

  /** Signed by the contract's own parties (F8, N2: certificates naming its employer and employee). */
  async function signedDocument(pdf: Uint8Array, parties: Parties) {
    return signPdf(await signPdf(pdf, parties.employer.signer, { tsa }), parties.employee.signer, { tsa });
  }

  async function evidenceFor(
    providerReference: string,
    pdf: Uint8Array,
    role: Schemas['EvidenceDocumentRole'],
    data: ContractMainData,
    parties: Parties,
  ) {
    const at = new Date().toISOString();
    return buildCertificationEvidence(
      {
        version: 1,
        provider: { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' },
        providerReference,
        issuedAt: at,
        documents: [
          {
            name: `${providerReference}.pdf`,
            role,
            sha256: await sha256Hex(pdf),
            size: pdf.length,
          },
        ],
        signers: [
          {
            party: 'EMPLOYER',
            fullName: data.employer.representative.fullName,
            certificateSha256: await fingerprint(parties.employer),
            authenticationMethod: 'VNEID',
            authenticatedAt: at,
            signedAt: at,
          },
          {
            party: 'EMPLOYEE',
            fullName: data.employee.fullName,
            certificateSha256: await fingerprint(parties.employee),
            authenticationMethod: 'VNEID',
            authenticatedAt: at,
            signedAt: at,
          },
        ],
        events: [{ at, type: 'SIGNED', actor: data.employee.fullName }],
      },
      pki.provider.signer,
      { tsa },
    );
  }

  function transactionLog(): Schemas['TransactionLog'] {
    const at = new Date().toISOString();
    return {
      system: { name: 'hdld SDK tests', version: '1' },
      events: [
        { at, type: 'SIGNED', actor: 'employer', actorRole: 'EMPLOYER' },
        { at, type: 'SIGNED', actor: 'employee', actorRole: 'EMPLOYEE' },
      ],
    };
  }

  return {
    pki,
    trust: trustOf(pki),
    mainDataFor,
    /** The identity registry rows the server checks each employee against (F8). */
    identityOf(data: ContractMainData) {
      return {
        identityNumber: data.employee.identity.number,
        fullName: data.employee.fullName,
        dateOfBirth: data.employee.dateOfBirth,
        sex: data.employee.sex,
      };
    },
    async contract(
      seed: number,
      providerReference: string,
      options: { small?: boolean } = {},
    ): Promise<ContractSubmissionInput> {
      const mainData = mainDataFor(seed);
      const unsigned = options.small
        ? await createSamplePdf({ title: `HD ${providerReference}`, useObjectStreams: false })
        : (await buildContractPdf(mainData, { fonts })).pdf;
      const parties = await issueContractPartyCertificates(pki, mainData);
      const pdf = await signedDocument(unsigned, parties);
      return {
        providerReference,
        mainData,
        pdf,
        evidence: await evidenceFor(providerReference, pdf, 'CONTRACT', mainData, parties),
        transactionLog: transactionLog(),
      };
    },
    async lifecycleDocument(seed: number, providerReference: string, role: Schemas['EvidenceDocumentRole']) {
      const mainData = mainDataFor(seed);
      const parties = await issueContractPartyCertificates(pki, mainData);
      const pdf = await signedDocument(
        await createSamplePdf({ title: `${role} ${providerReference}`, useObjectStreams: false }),
        parties,
      );
      return {
        providerReference,
        pdf,
        evidence: await evidenceFor(providerReference, pdf, role, mainData, parties),
        transactionLog: transactionLog(),
      };
    },
  };
}
