import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHdldClient, type HdldClient } from '@hdld/sdk';
import type { Schemas } from '@hdld/spec';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { contractPaths } from '../../src/contract/layout.js';
import { packageContract } from '../../src/contract/steps.js';
import { makeSampleContracts, type SampleIdentity } from '../../src/demo/sample-contracts.js';
import { type SandboxPki, startSandboxPki } from '../../src/demo/sandbox-pki.js';

/** A reference server, the sandbox PKI, signed sample contracts in a folder and the CLI's environment. */
export type CliSandbox = {
  server: TestServer;
  pki: SandboxPki;
  work: string;
  /** The `<ref>.submission.json` files, one per reference. */
  dir: string;
  references: string[];
  identities: SampleIdentity[];
  /** What `hdld` needs to reach the server as the sandbox provider. */
  env: Record<string, string>;
  /** The Ministry operator, through the SDK (F37 decisions). */
  operator: HdldClient;
  /** The sandbox provider, through the SDK: the test's independent view of the Platform. */
  provider: HdldClient;
  submissionPath(reference: string): string;
  readSubmission(reference: string): Promise<Schemas['ContractSubmission']>;
  writeSubmission(reference: string, submission: Schemas['ContractSubmission']): Promise<void>;
  close(): Promise<void>;
};

export async function startCliSandbox(
  count: number,
  overrides: Parameters<typeof startTestServer>[0] = {},
): Promise<CliSandbox> {
  const work = await mkdtemp(join(tmpdir(), 'hdld-cli-e2e-'));
  const dir = join(work, 'contracts');
  const pki = await startSandboxPki(join(work, 'pki'));
  const server = await startTestServer(overrides, { trust: pki.trust });
  const { references, identities } = await makeSampleContracts({
    dir,
    count,
    pki: pki.pki,
    tsaUrl: pki.tsaUrl,
    provider: { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' },
  });
  const client = (credentials: { clientId: string; clientSecret: string }) =>
    createHdldClient({ baseUrl: server.url, credentials });
  const submissionPath = (reference: string) => join(dir, `${reference}.submission.json`);
  return {
    server,
    pki,
    work,
    dir,
    references,
    identities,
    env: {
      HDLD_CONFIG_DIR: work,
      HDLD_BASE_URL: server.url,
      HDLD_CLIENT_ID: server.sandbox.clientId,
      HDLD_CLIENT_SECRET: server.sandbox.clientSecret,
    },
    operator: client(server.operator),
    provider: client(server.sandbox),
    submissionPath,
    readSubmission: async (reference) => JSON.parse(await readFile(submissionPath(reference), 'utf8')),
    writeSubmission: (reference, submission) =>
      writeFile(submissionPath(reference), JSON.stringify(submission)),
    async close() {
      await server.close();
      await pki.close();
    },
  };
}

/**
 * Packages a duplicate of `original` under the reference `duplicate`: the same signed PDF (so the
 * same contract), its own submission and evidence. The Platform answers it as a replay.
 */
export async function addDuplicateContract(sandbox: CliSandbox, original: string, duplicate: string) {
  const [from, to] = [contractPaths(sandbox.dir, original), contractPaths(sandbox.dir, duplicate)];
  await copyFile(from.pdf, to.pdf);
  const signing = JSON.parse(await readFile(from.signing, 'utf8'));
  await writeFile(to.signing, JSON.stringify({ ...signing, providerReference: duplicate }));
  await packageContract(sandbox.dir, duplicate, {
    provider: { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' },
    certifier: sandbox.pki.pki.provider.signer,
    tsa: sandbox.pki.tsaUrl,
  });
}
