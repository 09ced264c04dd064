import { sampleContractMainData, signPdf } from '@hdld/sdk/documents';
import {
  createSamplePdf,
  createSampleSubmission,
  issueContractPartyCertificates,
  type SampleSubmission,
} from '@hdld/sdk/testing';
import type { ContractMainData } from '@hdld/spec';
import {
  type CachedContracts,
  type ContractGenerator,
  cachedContracts,
  fixtureCacheDir,
} from './signed-contract-cache.js';

type BulkItem = Pick<SampleSubmission, 'submission' | 'identity'>;

/** `PREFIX-17` -> seed 17: contracts of different prefixes share main data but never bytes. */
const seedOf = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));

/** The main data of a bulk contract, known without reading it (for the identity registry). */
export const bulkMainData = (key: string): ContractMainData => sampleContractMainData(seedOf(key));

/**
 * One distinct, valid submission (cache builder): a one-page PDF signed by both parties with
 * timestamps (PAdES B-T), each with a certificate naming that party (F8), plus its timestamped
 * certification evidence.
 */
export async function buildBulkSubmission(gen: ContractGenerator, key: string): Promise<BulkItem> {
  const { pki, tsa, fonts } = gen;
  const mainData = bulkMainData(key);
  const signers = await issueContractPartyCertificates(pki, mainData);
  const unsigned = await createSamplePdf({ title: `HOP DONG ${key}` });
  const byEmployer = await signPdf(unsigned, signers.employer.signer, {
    tsa,
    fieldName: 'EmployerSignature',
  });
  const signedPdf = await signPdf(byEmployer, signers.employee.signer, {
    tsa,
    fieldName: 'EmployeeSignature',
  });
  const { submission, identity } = await createSampleSubmission({
    pki,
    tsa,
    fonts,
    seed: seedOf(key),
    mainData,
    signedPdf,
    signers,
    providerReference: key,
  });
  return { submission, identity };
}

export type BulkSubmissions = Omit<CachedContracts<BulkItem>, 'read'> & {
  /** Provider references `${prefix}-0` ... `${prefix}-${count - 1}`. */
  keys: string[];
  /** The employees the population registry must know (F8); passports are not in it (the check skips them). */
  registryIdentities: SampleSubmission['identity'][];
  read(key: string): Promise<BulkItem & { pdf: Uint8Array }>;
};

/**
 * Many distinct, valid submissions for load, concurrency and crash tests, all under one cached test
 * PKI (`rootCertificate` is the servers' trust anchor): generated once, then read from disk.
 */
export async function bulkSubmissions(count: number, prefix: string): Promise<BulkSubmissions> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const cache = await cachedContracts<BulkItem>({
    dir: await fixtureCacheDir('bulk', [import.meta.url]),
    keys,
    builder: { module: import.meta.url, name: 'buildBulkSubmission' },
  });
  const registryIdentities = keys
    .map((key) => bulkMainData(key).employee)
    .filter((employee) => employee.identity.type !== 'PASSPORT')
    .map(({ identity, fullName, dateOfBirth, sex }) => ({
      identityNumber: identity.number,
      fullName,
      dateOfBirth,
      sex,
    }));
  return {
    ...cache,
    keys,
    registryIdentities,
    async read(key) {
      const item = await cache.read(key);
      return {
        ...item,
        pdf: new Uint8Array(Buffer.from(item.submission.documents[0]!.contentBase64, 'base64')),
      };
    },
  };
}
