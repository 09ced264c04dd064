import { createSampleConvertedPaper, createSampleLifecycleSubmission } from '@hdld/sdk/testing';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Final = { status: string; failureClass?: string; contractId?: string; errors: { code: string }[] };

/** F10, N5, Decree Art. 9.2-9.3: lifecycle documents under one ID, with an explicit state machine. */
describe.each(engines)('contract lifecycle on %s', (engine) => {
  let kit: SandboxKit;
  let contractId: string;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    const sample = await kit.sample(40);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    contractId = (await waitForFinal(kit, ack.transactionId)).contractId as string;
  });
  afterAll(async () => kit?.close());

  const submit = async (
    type: Schemas['LifecycleType'],
    reference: string,
    target = contractId,
  ): Promise<Final> => {
    const body = await createSampleLifecycleSubmission({
      pki: kit.pki,
      tsa: kit.tsa,
      type,
      providerReference: reference,
      effectiveOn: '2026-06-01',
    });
    const response = await kit.api(`/v1/contracts/${target}/lifecycle`, { body });
    if (response.status !== 202) return (await response.json()) as Final;
    const { transactionId } = (await response.json()) as { transactionId: string };
    return (await waitForFinal(kit, transactionId)) as unknown as Final;
  };
  const contract = async () =>
    (await (await kit.api(`/v1/contracts/${contractId}`)).json()) as Schemas['Contract'];

  it('runs appendix → suspension → resumption → termination under one ID', async () => {
    expect(await submit('APPENDIX', 'LC-40-1')).toMatchObject({ status: 'SUCCEEDED', contractId });
    expect(await submit('SUSPENSION', 'LC-40-2')).toMatchObject({ status: 'SUCCEEDED', contractId });
    expect((await contract()).state).toBe('SUSPENDED');
    expect(await submit('RESUMPTION', 'LC-40-3')).toMatchObject({ status: 'SUCCEEDED', contractId });
    expect((await contract()).state).toBe('ACTIVE');
    expect(await submit('TERMINATION', 'LC-40-4')).toMatchObject({ status: 'SUCCEEDED', contractId });
    const terminated = await contract();
    expect(terminated.state).toBe('TERMINATED');
    expect(terminated.history.map((h) => h.event)).toEqual([
      'ISSUED',
      'APPENDIX_ADDED',
      'SUSPENDED',
      'RESUMED',
      'TERMINATED',
    ]);
    expect(
      terminated.documents.filter((d) => d.kind === 'APPENDIX' || d.kind === 'TERMINATION'),
    ).toHaveLength(2);
  });

  it('refuses illegal transitions with LIFECYCLE_TRANSITION_INVALID', async () => {
    const resumed = await submit('RESUMPTION', 'LC-40-5');
    expect(resumed).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(resumed.errors[0]!.code).toBe('LIFECYCLE_TRANSITION_INVALID');
  });

  it('refuses a document for an unknown contract ID with CONTRACT_NOT_FOUND', async () => {
    const problem = await submit('APPENDIX', 'LC-40-6', '2600000000000097');
    expect(problem).toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
  });

  it('gives a converted paper contract an ID, then accepts e-documents under it (Art. 9.2)', async () => {
    const paper = await createSampleConvertedPaper({
      pki: kit.pki,
      tsa: kit.tsa,
      seed: 41,
      providerReference: 'PAPER-41',
    });
    const employee = paper.mainData.employee;
    await kit.server.platform.identity.register([
      {
        identityNumber: employee.identity.number,
        fullName: employee.fullName,
        dateOfBirth: employee.dateOfBirth,
        sex: employee.sex,
      },
    ]);
    const ack = (await (await kit.api('/v1/converted-paper-contracts', { body: paper })).json()) as {
      transactionId: string;
    };
    const issued = (await waitForFinal(kit, ack.transactionId)) as unknown as Final;
    expect(issued.errors).toEqual([]);
    expect(issued).toMatchObject({ status: 'SUCCEEDED' });
    expect(await submit('AMENDMENT', 'LC-41-1', issued.contractId)).toMatchObject({ status: 'SUCCEEDED' });
    const stored = (await (
      await kit.api(`/v1/contracts/${issued.contractId}`)
    ).json()) as Schemas['Contract'];
    expect(stored.origin).toBe('CONVERTED_PAPER');
  });
});
