import { sampleContractMainData } from '@hdld/sdk/documents';
import { createTestPki, createTestTsa, issueContractPartyCertificates } from '@hdld/sdk/testing';
import { type StartedSandbox, startSandbox } from '@hdld/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrate } from '../src/integrate.js';

/**
 * Issue 13: the example runs against a real sandbox started in this process, trusting the test PKI
 * (the sandbox's own PKI replaces it once GET /v1/sandbox/pki is on main).
 */
describe('examples/provider-integration', () => {
  let sandbox: StartedSandbox;
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  beforeAll(async () => {
    pki = await createTestPki();
    const root = [pki.root.certificate];
    sandbox = await startSandbox({ trust: { ca: root, tsa: root, certification: root } });
  });
  afterAll(async () => sandbox?.close());

  it('takes a contract from main data to its ID, verified receipt and stored contract', async () => {
    const mainData = sampleContractMainData(7);
    const { employee } = mainData;
    await sandbox.platform.identity.register([
      {
        identityNumber: employee.identity.number,
        fullName: employee.fullName,
        dateOfBirth: employee.dateOfBirth,
        sex: employee.sex,
      },
    ]);
    const parties = await issueContractPartyCertificates(pki, mainData);
    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const outcome = await integrate({
      baseUrl: sandbox.url,
      credentials: { clientId: sandbox.provider.clientId, clientSecret: sandbox.provider.clientSecret },
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
