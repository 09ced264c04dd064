/**
 * A provider's integration end to end (DOMAIN.md N1-N3, F7, F9, S2.4): main data → contract PDF →
 * employer and employee signatures → timestamp → certification evidence → submit → contract ID →
 * receipt verified offline → contract fetched. The keys are given by the caller: your own
 * certificates in production, the test PKI in the sandbox (see test/integrate.test.ts).
 */
import { type ContractMainData, type Credentials, createHdldClient, type TransactionLog } from '@hdld/sdk';
import {
  buildCertificationEvidence,
  buildContractPdf,
  type Signer,
  signPdf,
  type TimestampAuthority,
} from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';

export type IntegrationKeys = {
  employer: { signer: Signer; certificate: Uint8Array };
  employee: { signer: Signer; certificate: Uint8Array };
  /** The provider's certification key, which signs the evidence. */
  provider: { signer: Signer };
  tsa: TimestampAuthority;
};

async function hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function integrate(input: {
  baseUrl: string;
  credentials: Credentials;
  mainData: ContractMainData;
  providerReference: string;
  keys: IntegrationKeys;
}) {
  const { mainData, providerReference, keys } = input;
  const client = createHdldClient({ baseUrl: input.baseUrl, credentials: input.credentials, lang: 'vi' });

  // 1. The contract PDF, from the main data (embedded in it), with a signature field per party.
  const built = await buildContractPdf(mainData, { fonts: await loadContractFonts() });
  const field = (party: 'EMPLOYER' | 'EMPLOYEE') => {
    const found = built.signatureFields.find((f) => f.party === party);
    return found ? { widget: { page: found.page, rect: found.rect } } : {};
  };

  // 2. Employer, then employee: PAdES signatures, each with an RFC 3161 timestamp (B-T).
  const byEmployer = await signPdf(built.pdf, keys.employer.signer, {
    tsa: keys.tsa,
    fieldName: 'EmployerSignature',
    ...field('EMPLOYER'),
  });
  const pdf = await signPdf(byEmployer, keys.employee.signer, {
    tsa: keys.tsa,
    fieldName: 'EmployeeSignature',
    ...field('EMPLOYEE'),
  });

  // 3. The certification evidence: the provider's signed statement of who signed what, when.
  const at = new Date().toISOString();
  const provider = { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' };
  const signer = async (party: 'EMPLOYER' | 'EMPLOYEE', fullName: string, certificate: Uint8Array) => ({
    party,
    fullName,
    certificateSha256: await hex(certificate),
    authenticationMethod: 'VNEID' as const,
    authenticatedAt: at,
    signedAt: at,
  });
  const employerName = mainData.employer.representative.fullName;
  const evidence = await buildCertificationEvidence(
    {
      version: 1,
      provider,
      providerReference,
      issuedAt: at,
      documents: [
        { name: `${providerReference}.pdf`, role: 'CONTRACT', sha256: await hex(pdf), size: pdf.length },
      ],
      signers: [
        await signer('EMPLOYER', employerName, keys.employer.certificate),
        await signer('EMPLOYEE', mainData.employee.fullName, keys.employee.certificate),
      ],
      events: [
        { at, type: 'CREATED', actor: provider.name },
        { at, type: 'SIGNED', actor: employerName },
        { at, type: 'SIGNED', actor: mainData.employee.fullName },
        { at, type: 'SENT', actor: provider.name },
      ],
    },
    keys.provider.signer,
    { tsa: keys.tsa },
  );
  const transactionLog: TransactionLog = {
    system: { name: 'example eContract', version: '1.0' },
    events: [
      { at, type: 'CREATED', actor: provider.name, actorRole: 'PROVIDER' },
      { at, type: 'SIGNED', actor: employerName, actorRole: 'EMPLOYER' },
      { at, type: 'SIGNED', actor: mainData.employee.fullName, actorRole: 'EMPLOYEE' },
      { at, type: 'SENT', actor: provider.name, actorRole: 'SYSTEM' },
    ],
  };

  // 4. Submit, then wait for the outcome: the national contract ID and the signed receipt.
  const ack = await client.submitContract({ providerReference, pdf, mainData, evidence, transactionLog });
  const result = await client.waitForResult(ack.transactionId, { timeoutMs: 120_000 });
  if (result.status !== 'SUCCEEDED' || !result.contractId) {
    return { ack, result, errors: result.errors.map((e) => e.code) };
  }

  // 5. The receipt, verified offline against the Platform's published keys; the contract as stored.
  const receipt = await client.verifyReceipt(result);
  const contract = await client.contracts.get(result.contractId);
  return { ack, result, receipt, contract, errors: [] };
}
