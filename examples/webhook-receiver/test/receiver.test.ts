import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHdldClient, signWebhook, type WebhookEvent } from '@hdld/sdk';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestPki, createTestTsa } from '@hdld/sdk/testing';
import {
  buildApp,
  configFromEnv,
  createPlatform,
  ensureSandboxOperator,
  ensureSandboxProvider,
} from '@hdld/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../src/receiver.js';

/** Issue 13: the receiver gets a real delivery from a sandbox started in this process (F4, T14). */
describe('examples/webhook-receiver', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  let baseUrl: string;
  let provider: ReturnType<typeof createHdldClient>;
  let operator: ReturnType<typeof createHdldClient>;
  let providerId: string;
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  let register: (
    identity: Parameters<Awaited<ReturnType<typeof createPlatform>>['identity']['register']>[0][number],
  ) => Promise<void>;

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
        outbox: { pollIntervalMs: 50, retryBaseMs: 100 },
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
    const operatorCredentials = await ensureSandboxOperator(platform.storage, dataDir);
    const app = await buildApp(platform, { logger: false });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(async () => {
      await app.close();
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    providerId = sandbox.providerId;
    provider = createHdldClient({
      baseUrl,
      credentials: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
    });
    operator = createHdldClient({
      baseUrl,
      credentials: { clientId: operatorCredentials.clientId, clientSecret: operatorCredentials.clientSecret },
    });
    register = async (identity) => {
      await platform.identity.register([identity]);
    };
  });

  it('accepts the signed result of a submission and refuses a forged one', async () => {
    const events: WebhookEvent[] = [];
    const { secret } = await provider.providers.rotateWebhookSecret(providerId);
    const receiver = await startWebhookReceiver({ secret, onEvent: (event) => void events.push(event) });
    cleanups.push(() => receiver.close());
    await operator.providers.updateTechnicalInfo(providerId, { callbackUrl: receiver.url, ipAllowList: [] });

    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const sample = await createSampleSubmission({ pki, tsa, fonts: await loadContractFonts(), seed: 3 });
    await register(sample.identity);
    const ack = await provider.submissions.submitContract(sample.submission);
    const result = await provider.waitForResult(ack.transactionId, { timeoutMs: 60_000 });
    expect(result.status).toBe('SUCCEEDED');
    await expect.poll(() => events.length, { timeout: 30_000 }).toBe(1);
    expect(events[0]).toMatchObject({
      transactionId: ack.transactionId,
      status: 'SUCCEEDED',
      contractId: result.contractId,
    });

    const forged = JSON.stringify({ ...events[0], contractId: 'forged' });
    const header = await signWebhook({
      payload: forged,
      secret: 'whsec_not-the-secret',
      timestamp: Math.floor(Date.now() / 1000),
    });
    const refused = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'hdld-signature': header },
      body: forged,
    });
    expect(refused.status).toBe(401);
    expect(events).toHaveLength(1);
  });
});
