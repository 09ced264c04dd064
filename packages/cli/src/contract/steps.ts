import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { contractSubmission } from '@hdld/sdk';
import {
  buildCertificationEvidence,
  buildContractPdf,
  type ContractFonts,
  extractMainData,
  type Signer,
  signPdf,
  type TimestampAuthority,
} from '@hdld/sdk/documents';
import type { ContractMainData, Schemas } from '@hdld/spec';
import {
  contractPaths,
  type Party,
  readSigningRecord,
  type SigningRecord,
  writeAtomic,
  writeJson,
} from './layout.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `contract build` for one row: the PDF with the main data attached, and the main-data JSON. */
export async function buildContract(
  dir: string,
  reference: string,
  mainData: ContractMainData,
  fonts: ContractFonts,
) {
  const paths = contractPaths(dir, reference);
  const built = await buildContractPdf(mainData, { fonts });
  await writeAtomic(paths.pdf, built.pdf);
  await writeJson(paths.mainData, mainData);
  const record: SigningRecord = { providerReference: reference, fields: built.signatureFields, signers: [] };
  await writeJson(paths.signing, record);
  return { paths, sha256: built.sha256 };
}

export type SignStep = {
  party: Party;
  signer: Signer;
  tsa?: TimestampAuthority;
  authenticationMethod?: Schemas['CertificationEvidence']['signers'][number]['authenticationMethod'];
  now?: () => Date;
};

/**
 * `contract sign` for one party (Decree Art. 8: each party in turn): a new signed revision of the
 * PDF, in the empty signature box the builder left for that party, and the signer recorded in the
 * signing record for the certification evidence.
 */
export async function signContract(dir: string, reference: string, step: SignStep): Promise<SigningRecord> {
  const paths = contractPaths(dir, reference);
  const pdf = new Uint8Array(await readFile(paths.pdf));
  const mainData = await extractMainData(pdf);
  const fullName =
    step.party === 'EMPLOYER' ? mainData.employer.representative.fullName : mainData.employee.fullName;
  const fieldName = step.party === 'EMPLOYER' ? 'EmployerSignature' : 'EmployeeSignature';
  const now = step.now ?? (() => new Date());
  const authenticatedAt = now().toISOString();
  const record = await readSigningRecord(paths.signing, reference);
  const box = record.fields.find((f) => f.party === step.party);
  const signed = await signPdf(pdf, step.signer, {
    ...(step.tsa ? { tsa: step.tsa } : {}),
    ...(box ? { widget: { page: box.page, rect: box.rect } } : {}),
    fieldName,
    signerName: fullName,
    clock: now,
  });
  await writeAtomic(paths.pdf, signed);
  const certificate = step.signer.certificateChain[0];
  if (!certificate) throw new Error('the signer has no certificate');
  const signers = [
    ...record.signers.filter((s) => s.party !== step.party),
    {
      party: step.party,
      fullName,
      certificateSha256: sha256(certificate),
      authenticationMethod: step.authenticationMethod ?? 'OTHER',
      authenticatedAt,
      signedAt: now().toISOString(),
    },
  ];
  const next = { ...record, signers };
  await writeJson(paths.signing, next);
  return next;
}

export type PackageStep = {
  provider: { id: string; name: string };
  /** The provider's certification certificate and key (data message certification, T8). */
  certifier: Signer;
  tsa: TimestampAuthority;
  system?: { name: string; version: string };
  now?: () => Date;
};

/**
 * `contract package`: the certification evidence over the signed PDF (N2, T8) and the
 * ContractSubmission that `hdld sync` sends (N1, F7): main data taken from the PDF itself, so what is
 * declared is what was signed.
 */
export async function packageContract(dir: string, reference: string, step: PackageStep) {
  const paths = contractPaths(dir, reference);
  const pdf = new Uint8Array(await readFile(paths.pdf));
  const mainData = await extractMainData(pdf);
  const record = await readSigningRecord(paths.signing, reference);
  if (record.signers.length === 0)
    throw new Error(`${reference}: no signature recorded in ${basename(paths.signing)}`);
  const at = (step.now ?? (() => new Date()))().toISOString();
  const fileName = basename(paths.pdf);
  const provider = step.provider;
  const signedEvents = [...record.signers].sort((a, b) => a.signedAt.localeCompare(b.signedAt));
  const evidence = await buildCertificationEvidence(
    {
      version: 1,
      provider,
      providerReference: reference,
      issuedAt: at,
      documents: [{ name: fileName, role: 'CONTRACT', sha256: sha256(pdf), size: pdf.length }],
      signers: record.signers,
      events: [
        ...signedEvents.flatMap((s) => [
          { at: s.authenticatedAt, type: 'AUTHENTICATED' as const, actor: s.fullName },
          { at: s.signedAt, type: 'SIGNED' as const, actor: s.fullName },
        ]),
        { at, type: 'SENT', actor: provider.name },
      ],
    },
    step.certifier,
    { tsa: step.tsa },
  );
  await writeAtomic(paths.evidence, evidence);
  const submission = contractSubmission({
    providerReference: reference,
    mainData,
    pdf,
    fileName,
    evidence,
    transactionLog: {
      system: step.system ?? { name: 'hdld', version: '0.1.0' },
      events: [
        ...signedEvents.flatMap((s) => [
          {
            at: s.authenticatedAt,
            type: 'AUTHENTICATED' as const,
            actor: s.fullName,
            actorRole: s.party as 'EMPLOYER' | 'EMPLOYEE',
          },
          {
            at: s.signedAt,
            type: 'SIGNED' as const,
            actor: s.fullName,
            actorRole: s.party as 'EMPLOYER' | 'EMPLOYEE',
          },
        ]),
        { at, type: 'SENT', actor: provider.name, actorRole: 'SYSTEM' },
      ],
    },
  });
  await writeJson(paths.submission, submission);
  return { paths, submission };
}
