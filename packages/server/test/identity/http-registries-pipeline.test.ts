import type { SampleSubmission } from '@hdld/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_CONFIG } from '../../src/config/registry-config.js';
import { createJobQueue } from '../../src/queue/index.js';
import { eventually } from '../notifications/smtp-sink.js';
import { engines } from '../support/databases.js';
import {
  createRegistryCerts,
  type RegistryStandIn,
  startRegistryStandIn,
} from '../support/registry-stand-in.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Final = { status: string; failureClass?: string; errors: { code: string; pointer?: string }[] };

/**
 * F8 through the Platform configured for production registries (HDLD_POPULATION_REGISTRY_URL,
 * HDLD_BUSINESS_REGISTRY_URL, mTLS): a stand-in registry decides the outcome, the local tables do not.
 */
describe.each(engines)('the pipeline against HTTP registries on %s', (engine) => {
  let kit: SandboxKit;
  let standIn: RegistryStandIn;
  beforeAll(async () => {
    const certs = await createRegistryCerts();
    standIn = await startRegistryStandIn(certs);
    kit = await startSandboxKit(engine, {
      registries: {
        ...DEFAULT_REGISTRY_CONFIG,
        populationUrl: standIn.url,
        businessUrl: `${standIn.url}/`,
        populationPassports: true,
        tls: certs,
        timeoutMs: 300,
        retries: 1,
      },
    });
  });
  afterAll(async () => {
    await kit?.close();
    await standIn?.close();
  });

  /** The stand-in holds the sample's employee and employer as its main data gives them, after `change`. */
  const publish = (
    sample: SampleSubmission,
    change: { fullName?: string; employee?: false; employer?: false } = {},
  ) => {
    const { employee, employer } = sample.submission.mainData;
    const folder = employee.identity.type === 'PASSPORT' ? 'passports' : 'citizens';
    if (change.employee !== false) {
      standIn.records.set(`${folder}/${employee.identity.number}`, {
        fullName: change.fullName ?? employee.fullName,
        dateOfBirth: employee.dateOfBirth,
        sex: employee.sex,
      });
    }
    if (change.employer !== false) {
      standIn.records.set(`enterprises/${employer.taxCode}`, {
        name: employer.name,
        address: employer.address,
        status: 'ACTIVE',
      });
    }
  };
  const submit = async (sample: SampleSubmission) => {
    const answer = await kit.api('/v1/contracts', { body: sample.submission });
    return ((await answer.json()) as { transactionId: string }).transactionId;
  };
  // kit.sample registers every employee in the local tables, and the sandbox seeds the employers
  // there: that a missing record fails shows the HTTP registry decided, not the local one.
  const sampleOf = (seed: number) => kit.sample(seed);

  it('issues the ID when both registries know the parties', async () => {
    const sample = await sampleOf(701);
    publish(sample);
    expect(await waitForFinal(kit, await submit(sample))).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  });

  it('fails an employee the population registry does not hold, and a name it holds differently', async () => {
    const missing = await sampleOf(702);
    publish(missing, { employee: false });
    const notFound = (await waitForFinal(kit, await submit(missing))) as Final;
    expect(notFound).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(notFound.errors).toEqual([
      expect.objectContaining({ code: 'IDENTITY_NOT_FOUND', pointer: '/mainData/employee/identity/number' }),
    ]);

    const renamed = await sampleOf(703);
    publish(renamed, { fullName: 'Phạm Văn Khác' });
    const mismatch = (await waitForFinal(kit, await submit(renamed))) as Final;
    expect(mismatch.errors).toEqual([
      expect.objectContaining({ code: 'IDENTITY_MISMATCH', pointer: '/mainData/employee/fullName' }),
    ]);
  });

  it('fails an employer the business registry does not hold', async () => {
    const sample = await sampleOf(704);
    publish(sample, { employer: false });
    standIn.records.delete(`enterprises/${sample.submission.mainData.employer.taxCode}`);
    const final = (await waitForFinal(kit, await submit(sample))) as Final;
    expect(final.errors).toEqual([
      expect.objectContaining({ code: 'EMPLOYER_NOT_FOUND', pointer: '/mainData/employer/taxCode' }),
    ]);
  });

  it('keeps a contract PROCESSING while the registry times out, and issues the ID once it answers', async () => {
    const platform = kit.server.platform;
    const sample = await sampleOf(705);
    publish(sample);
    standIn.mode = 'hang';
    const transactionId = await submit(sample);
    const retried = await eventually(async () => {
      const { rows } = await platform.storage.db.query<{ id: string }>(
        `SELECT id FROM jobs WHERE payload ->> 'transactionId' = $1`,
        [transactionId],
      );
      const job = rows[0] && (await createJobQueue(platform.storage.db).findById(Number(rows[0].id)));
      return job?.lastError ? job : undefined;
    });
    expect(retried.failedAt).toBeUndefined();
    expect(retried.lastError).toMatch(/registry unavailable: no answer within 300 ms/);
    expect((await platform.storage.transactions.findById(transactionId))?.status).toBe('PROCESSING');

    standIn.mode = 'normal';
    await platform.storage.db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [retried.id]);
    platform.pipeline.wake();
    expect(await waitForFinal(kit, transactionId)).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  });
});
