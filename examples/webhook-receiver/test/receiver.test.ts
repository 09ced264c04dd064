import { createHdldClient, signWebhook, type WebhookEvent } from '@hdld/sdk';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestPki, createTestTsa } from '@hdld/sdk/testing';
import { type StartedSandbox, startSandbox } from '@hdld/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../src/receiver.js';

/** Issue 13: the receiver gets a real delivery from a sandbox started in this process (F4, T14). */
describe('examples/webhook-receiver', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  let sandbox: StartedSandbox;
  let provider: ReturnType<typeof createHdldClient>;
  let operator: ReturnType<typeof createHdldClient>;
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  beforeAll(async () => {
    pki = await createTestPki();
    const root = [pki.root.certificate];
    sandbox = await startSandbox({
      trust: { ca: root, tsa: root, certification: root },
      config: { outbox: { pollIntervalMs: 50, retryBaseMs: 100 } },
    });
    cleanups.push(() => sandbox.close());
    const { url: baseUrl } = sandbox;
    provider = createHdldClient({ baseUrl, credentials: sandbox.provider });
    operator = createHdldClient({ baseUrl, credentials: sandbox.operator });
  });
  const providerId = () => sandbox.provider.providerId;

  it('accepts the signed result of a submission and refuses a forged one', async () => {
    const events: WebhookEvent[] = [];
    const { secret } = await provider.providers.rotateWebhookSecret(providerId());
    const receiver = await startWebhookReceiver({ secret, onEvent: (event) => void events.push(event) });
    cleanups.push(() => receiver.close());
    await operator.providers.updateTechnicalInfo(providerId(), {
      callbackUrl: receiver.url,
      ipAllowList: [],
    });

    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const sample = await createSampleSubmission({ pki, tsa, fonts: await loadContractFonts(), seed: 3 });
    await sandbox.platform.identity.register([sample.identity]);
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
