import { verifyReceipt } from '@hdld/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityRegistries } from '../../src/identity/identity-registry.js';
import { type PipelineRunner, startPipeline } from '../../src/pipeline/pipeline-runner.js';
import { createJobQueue } from '../../src/queue/index.js';
import { eventually } from '../notifications/smtp-sink.js';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

const CALLBACK_URL = 'https://provider.invalid/hook';

/**
 * A transaction never stays PROCESSING for good: when its job uses every attempt on an unexpected
 * error (here a population registry that breaks, not one that is unavailable), it ends FAILED with
 * PROCESSING_FAILED, a receipt and the provider's webhook; the same package sent again is new work.
 */
describe.each(engines)('a transaction the Platform cannot process, on %s', (engine) => {
  let kit: SandboxKit;
  let runner: PipelineRunner | undefined;
  let registryBroken = true;
  const logged: { fields: Record<string, unknown>; message: string }[] = [];

  beforeAll(async () => {
    // The kit's own pipeline claims nothing: the one started below, with the broken registry, does.
    kit = await startSandboxKit(engine, { pipelineConcurrency: 0 });
    const platform = kit.server.platform;
    const providerId = kit.server.sandbox.providerId;
    await platform.storage.providers.setTechnicalInfo(providerId, {
      callbackUrl: CALLBACK_URL,
      ipAllowList: [],
    });
    await platform.storage.providers.setWebhookSecret(
      providerId,
      platform.webhookSecrets.seal('webhook-secret-0123456789', providerId),
      new Date(),
    );
    const registries: IdentityRegistries = {
      ...platform.registries,
      population: {
        checksPassports: true,
        async findPerson(identity) {
          if (registryBroken) throw new TypeError(`registry answer for ${identity.number} is unreadable`);
          return platform.registries.population.findPerson(identity);
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
      {
        concurrency: 1,
        pollIntervalMs: 10,
        leaseMs: 60_000,
        threads: 0,
        log: { error: (fields, message) => logged.push({ fields, message }) },
      },
    );
  });
  afterAll(async () => {
    await runner?.stop();
    await kit?.close();
  });

  it('is FAILED with PROCESSING_FAILED after the last attempt; resubmitted, it is processed again', async () => {
    const platform = kit.server.platform;
    const db = platform.storage.db;
    const sample = await kit.sample(41);
    const identityNumber = sample.identity.identityNumber;
    const accepted = await kit.api('/v1/contracts', { body: sample.submission });
    expect(accepted.status).toBe(202);
    const { transactionId } = (await accepted.json()) as { transactionId: string };
    const { rows } = await db.query<{ id: string }>(
      `UPDATE jobs SET max_attempts = 2 WHERE payload ->> 'transactionId' = $1 RETURNING id`,
      [transactionId],
    );
    const jobId = Number(rows[0]!.id);
    const queue = createJobQueue(db);
    runner!.wake();

    // The first attempt fails: retried later, the transaction still PROCESSING.
    const retried = await eventually(async () => {
      const job = await queue.findById(jobId);
      return job?.lastError ? job : undefined;
    });
    expect(retried.failedAt).toBeUndefined();
    expect((await platform.storage.transactions.findById(transactionId))?.status).toBe('PROCESSING');

    // The last attempt fails too: the job is parked and the transaction FAILED, not left PROCESSING.
    await db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [jobId]);
    runner!.wake();
    const final = (await waitForFinal(kit, transactionId)) as {
      status: string;
      failureClass?: string;
      explanationStatus: string;
      errors: { code: string }[];
      receipt: string;
    };
    expect(final).toMatchObject({ status: 'FAILED', explanationStatus: 'NONE' });
    expect(final.failureClass).toBeUndefined();
    expect(final.errors.map((e) => e.code)).toEqual(['PROCESSING_FAILED']);
    const parked = await queue.findById(jobId);
    expect(parked).toMatchObject({ attempts: 2 });
    expect(parked?.failedAt).toBeInstanceOf(Date);

    const jwks = await (await fetch(`${kit.server.url}/.well-known/jwks.json`)).json();
    const receipt = await verifyReceipt(final.receipt, jwks, { transactionId });
    expect(receipt).toMatchObject({ outcome: 'REJECTED', errors: ['PROCESSING_FAILED'] });

    const webhooks = await db.query<{ recipient: string; body_text: string }>(
      `SELECT recipient, body_text FROM outbox WHERE kind = 'TRANSACTION_COMPLETED'`,
    );
    expect(webhooks.rows).toHaveLength(1);
    expect(webhooks.rows[0]!.recipient).toBe(CALLBACK_URL);
    expect(JSON.parse(webhooks.rows[0]!.body_text)).toMatchObject({ transactionId, status: 'FAILED' });

    const counted = (await platform.metrics.verifications.get()).values.find(
      (v) => v.labels.outcome === 'PROCESSING_FAILED',
    );
    expect(counted?.value).toBe(1);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.fields).toMatchObject({ transactionId, jobId, attempts: 2, error: 'TypeError' });
    expect(JSON.stringify(logged)).not.toContain(identityNumber);

    // The provider sends the same package again: new work on the same transaction, not a replay.
    registryBroken = false;
    const again = await kit.api('/v1/contracts', { body: sample.submission });
    expect(again.status).toBe(202);
    expect(await again.json()).toMatchObject({ transactionId, status: 'RECEIVED' });
    runner!.wake();
    const redone = await waitForFinal(kit, transactionId);
    expect(redone).toMatchObject({ status: 'SUCCEEDED', replay: false, errors: [] });
    expect(redone.contractId).toEqual(expect.any(String));
  });
});
