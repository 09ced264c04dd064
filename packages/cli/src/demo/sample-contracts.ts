import { mkdir } from 'node:fs/promises';
import { sampleContractMainData } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import { issueContractPartyCertificates, type TestPki } from '@hdld/sdk/testing';
import { buildContract, packageContract, signContract } from '../contract/steps.js';

export type SampleIdentity = {
  identityNumber: string;
  fullName: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
};

/**
 * The demo's contracts, made with the same steps as `hdld contract build|sign|package`: Vietnamese
 * sample data, signed by the employer then the employee (PAdES B-T through the TSA), each with a
 * certificate naming that contract's own party (UID MST: / CCCD: / HC:, F8, N2), certified by
 * the provider, written as `<ref>.submission.json` for `hdld sync`.
 */
export async function makeSampleContracts(options: {
  dir: string;
  count: number;
  pki: TestPki;
  tsaUrl: string;
  provider: { id: string; name: string };
  concurrency?: number;
  onDone?: (done: number) => void;
}): Promise<{ references: string[]; identities: SampleIdentity[] }> {
  await mkdir(options.dir, { recursive: true });
  const fonts = await loadContractFonts();
  const seeds = Array.from({ length: options.count }, (_, i) => i + 1);
  const references: string[] = new Array(options.count);
  const identities: SampleIdentity[] = new Array(options.count);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < seeds.length) {
      const index = next++;
      const mainData = sampleContractMainData(seeds[index]!);
      // Sample contract numbers repeat across seeds; the reference must be unique per provider.
      const reference = `HD-DEMO-${String(seeds[index]).padStart(6, '0')}`;
      const parties = await issueContractPartyCertificates(options.pki, mainData);
      await buildContract(options.dir, reference, mainData, fonts);
      await signContract(options.dir, reference, {
        party: 'EMPLOYER',
        signer: parties.employer.signer,
        tsa: options.tsaUrl,
        authenticationMethod: 'VNEID',
      });
      await signContract(options.dir, reference, {
        party: 'EMPLOYEE',
        signer: parties.employee.signer,
        tsa: options.tsaUrl,
        authenticationMethod: 'VNEID',
      });
      await packageContract(options.dir, reference, {
        provider: options.provider,
        certifier: options.pki.provider.signer,
        tsa: options.tsaUrl,
      });
      const { employee } = mainData;
      references[index] = reference;
      identities[index] = {
        identityNumber: employee.identity.number,
        fullName: employee.fullName,
        dateOfBirth: employee.dateOfBirth,
        sex: employee.sex,
      };
      options.onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { references, identities };
}
