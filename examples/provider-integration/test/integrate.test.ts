import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleContractMainData } from '@hdld/sdk/documents';
import { createTestPki, createTestTsa, issueContractPartyCertificates } from '@hdld/sdk/testing';
import { buildApp, configFromEnv, createPlatform, ensureSandboxProvider } from '@hdld/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrate } from '../src/integrate.js';

/**
 * Issue 13: the example runs against a real sandbox started in this process, trusting the test PKI
 * (the sandbox's own PKI replaces it once GET /v1/sandbox/pki is on main).
 */
describe('examples/provider-integration', () => {
  const started: { close(): Promise<void> }[] = [];
  let baseUrl: string;
  let credentials: { clientId: string; clientSecret: string };
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  let registerIdentity: (identity: {
    identityNumber: string;
    fullName: string;
    dateOfBirth: string;
    sex: 'MALE' | 'FEMALE';
  }) => Promise<void>;

  beforeAll(async () => {
    pki = await createTestPki();
    const dataDir = await mkdtemp(join(tmpdir(), 'hdld-example-'));
    const platform = await createPlatform(
      {
        ...configFromEnv({}),
        mode: 'sandbox',
        port: 0,
        dataDir,
        publicUrl: 'http://127.0.0.1',
        logLevel: 'warn',
      },
      {
        trust: {
          ca: [pki.root.certificate],
          tsa: [pki.root.certificate],
          certification: [pki.root.certificate],
        },
      },
    );
    const sandbox = await ensureSandboxProvider(platform.storage, dataDir);
    const app = await buildApp(platform, { logger: false });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    credentials = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret };
    registerIdentity = async (identity) => {
      await platform.identity.register([identity]);
    };
    started.push({
      async close() {
        await app.close();
        await platform.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    });
  });
  afterAll(async () => {
    for (const s of started) await s.close();
  });

  it('takes a contract from main data to its ID, verified receipt and stored contract', async () => {
    const mainData = sampleContractMainData(7);
    const { employee } = mainData;
    await registerIdentity({
      identityNumber: employee.identity.number,
      fullName: employee.fullName,
      dateOfBirth: employee.dateOfBirth,
      sex: employee.sex,
    });
    const parties = await issueContractPartyCertificates(pki, mainData);
    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const outcome = await integrate({
      baseUrl,
      credentials,
      mainData,
      providerReference: 'HD-EXAMPLE-000007',
      keys: { employer: parties.employer, employee: parties.employee, provider: pki.provider, tsa },
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.ack.created).toBe(true);
    expect(outcome.result.status).toBe('SUCCEEDED');
    expect(outcome.receipt?.outcome).toBeDefined();
    expect(outcome.contract?.contractId).toBe(outcome.result.contractId);
  });
});
