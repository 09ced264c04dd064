import { SAMPLE_EMPLOYERS } from '@hdld/sdk/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IdentityRegistries, RegistryUnavailableError } from '../../src/identity/identity-registry.js';
import { type PipelineRunner, startPipeline } from '../../src/pipeline/pipeline-runner.js';
import { createJobQueue } from '../../src/queue/index.js';
import { eventually } from '../notifications/smtp-sink.js';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Final = { status: string; failureClass?: string; errors: { code: string; pointer?: string }[] };

/** F8: the employer is checked against the (sandbox) National Business Registration Portal. */
describe.each(engines)('the employer check on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
  });
  afterAll(async () => kit?.close());

  /** Submits sample `seed` after `arrange` changed its employer's registry record; restores the seed. */
  const submitWith = async (seed: number, arrange: (taxCode: string) => Promise<void>) => {
    const sample = await kit.sample(seed);
    const taxCode = sample.submission.mainData.employer.taxCode!;
    await arrange(taxCode);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const final = (await waitForFinal(kit, ack.transactionId)) as Final;
    const seeded = SAMPLE_EMPLOYERS.find((e) => e.taxCode === taxCode)!;
    await kit.server.platform.identity.registerEnterprises([{ ...seeded, status: 'ACTIVE' }]);
    return { final, sample };
  };
  const register = async (enterprise: { taxCode: string; name: string; status: string }) => {
    const answer = await kit.api('/v1/sandbox/identities', {
      body: { enterprises: [{ address: 'Số 1 phố Thử Nghiệm, Hà Nội', ...enterprise }] },
    });
    expect(await answer.json()).toEqual({ registered: 1 });
  };

  it('passes the sample employers, which the sandbox seeds', async () => {
    const { final } = await submitWith(601, async () => {});
    expect(final).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  });

  it('fails an unknown tax code with EMPLOYER_NOT_FOUND', async () => {
    const { final } = await submitWith(602, async (taxCode) => {
      await kit.server.platform.storage.db.query('DELETE FROM business_registry WHERE tax_code = $1', [
        taxCode,
      ]);
    });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(final.errors).toEqual([
      expect.objectContaining({ code: 'EMPLOYER_NOT_FOUND', pointer: '/mainData/employer/taxCode' }),
    ]);
  });

  it('fails a name that differs from the registered one with EMPLOYER_MISMATCH', async () => {
    const { final } = await submitWith(603, (taxCode) =>
      register({ taxCode, name: 'Công ty TNHH Một Tên Khác', status: 'ACTIVE' }),
    );
    expect(final.errors).toEqual([
      expect.objectContaining({ code: 'EMPLOYER_MISMATCH', pointer: '/mainData/employer/name' }),
    ]);
  });

  it('matches names across case, spacing and tone placement, and fails an inactive employer', async () => {
    const { final, sample } = await submitWith(604, async (taxCode) => {
      const name = SAMPLE_EMPLOYERS.find((e) => e.taxCode === taxCode)!.name;
      // Upper case, doubled spaces, decomposed: the same name for the registry.
      await register({
        taxCode,
        name: `  ${name.toUpperCase().replace(/ /g, '  ')}`.normalize('NFD'),
        status: 'SUSPENDED',
      });
    });
    expect(final).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(final.errors).toEqual([
      expect.objectContaining({ code: 'EMPLOYER_INACTIVE', pointer: '/mainData/employer/taxCode' }),
    ]);
    expect(JSON.stringify(final.errors)).toContain(sample.submission.mainData.employer.taxCode!);
  });
});

/**
 * An unavailable business registry makes the check indeterminate: the transaction stays PROCESSING
 * and its job is retried, never FAILED for it; once the registry answers, the contract gets its ID.
 */
describe.each(engines)('a business registry outage on %s', (engine) => {
  let kit: SandboxKit;
  let runner: PipelineRunner | undefined;
  let down = true;
  beforeAll(async () => {
    kit = await startSandboxKit(engine, { pipelineConcurrency: 0 });
    const platform = kit.server.platform;
    const registries: IdentityRegistries = {
      ...platform.registries,
      business: {
        async findEnterprise(taxCode) {
          if (down) throw new RegistryUnavailableError('business registry: 503 Service Unavailable');
          return platform.registries.business.findEnterprise(taxCode);
        },
      },
    };
    runner = startPipeline(
      {
        ...platform,
        publicUrl: platform.config.publicUrl,
        idSecret: 'a test contract ID secret of 32 bytes or more',
        registries,
      },
      { concurrency: 1, pollIntervalMs: 10, leaseMs: 60_000, threads: 0 },
    );
  });
  afterAll(async () => {
    await runner?.stop();
    await kit?.close();
  });

  it('leaves the transaction PROCESSING and retries it, then issues the ID', async () => {
    const platform = kit.server.platform;
    const sample = await kit.sample(605);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const { rows } = await platform.storage.db.query<{ id: string }>(
      `SELECT id FROM jobs WHERE payload ->> 'transactionId' = $1`,
      [ack.transactionId],
    );
    const jobId = Number(rows[0]!.id);
    runner!.wake();
    const retried = await eventually(async () => {
      const job = await createJobQueue(platform.storage.db).findById(jobId);
      return job?.lastError ? job : undefined;
    });
    expect(retried.failedAt).toBeUndefined();
    expect(retried.lastError).toContain('503');
    expect((await platform.storage.transactions.findById(ack.transactionId))?.status).toBe('PROCESSING');

    down = false;
    await platform.storage.db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [jobId]);
    runner!.wake();
    expect(await waitForFinal(kit, ack.transactionId)).toMatchObject({ status: 'SUCCEEDED', errors: [] });
  });
});
