import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HdldWebhookError, verifyWebhook } from '@hdld/sdk';
import { type Schemas, WebhookEventSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { eventually, FAST_OUTBOX } from './smtp-sink.js';

type Delivery = { headers: IncomingHttpHeaders; body: string };

/** A provider's webhook endpoint: records every delivery, answers with the next queued status (200 when none). */
async function startReceiver(): Promise<{
  url: string;
  deliveries: Delivery[];
  answers: number[];
  stop(): Promise<void>;
}> {
  const deliveries: Delivery[] = [];
  const answers: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = answers.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/hdld`,
    deliveries,
    answers,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * F4 "sync result" (issue 7): once a provider has a callback URL and a webhook secret, every final
 * transaction outcome is posted to it, signed (Hdld-Signature) and verifiable with the SDK's
 * verifyWebhook, retried until a 2xx with the same Hdld-Webhook-Id.
 */
describe.each(engines)('transaction-result webhooks on %s', (engine) => {
  let kit: SandboxKit;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    kit = await startSandboxKit(engine, { outbox: FAST_OUTBOX });
  });
  afterAll(async () => {
    await kit?.close();
    await receiver?.stop();
  });
  const providerId = () => kit.server.sandbox.providerId;

  it('registers the callback URL and shows a new secret once, stored sealed', async () => {
    const updated = await kit.operator(`/v1/providers/${providerId()}/technical-info`, {
      method: 'PUT',
      body: { callbackUrl: receiver.url, ipAllowList: [] },
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Schemas['Provider']).callbackUrl).toBe(receiver.url);
    const made = await kit.api(`/v1/providers/${providerId()}/webhook-secret`, { method: 'POST' });
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toBe('no-store');
    secret = ((await made.json()) as Schemas['WebhookSecret']).secret;
    expect(secret).toMatch(/^whsec_/);
    const profile = (await (await kit.api(`/v1/providers/${providerId()}`)).json()) as Schemas['Provider'];
    expect(profile.webhookSecretSetAt).toBeDefined();
    expect(JSON.stringify(profile)).not.toContain(secret);
    const { rows } = await kit.server.platform.storage.db.query<{ sealed: string }>(
      'SELECT webhook_secret_sealed AS sealed FROM providers WHERE id = $1',
      [providerId()],
    );
    expect(rows[0]?.sealed).toMatch(/^v1\./);
    expect(rows[0]?.sealed).not.toContain(secret.slice(6));
  });

  it('posts a signed result the SDK verifies, retried after a 500 with the same webhook id', async () => {
    receiver.answers.push(500);
    const sample = await kit.sample(41);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const final = await waitForFinal(kit, ack.transactionId, 1200);
    expect(final.status).toBe('SUCCEEDED');
    const [refused, accepted] = await eventually(() =>
      receiver.deliveries.length >= 2 ? receiver.deliveries : undefined,
    );
    expect(accepted!.headers['hdld-webhook-id']).toBe(refused!.headers['hdld-webhook-id']);
    expect(accepted!.body).toBe(refused!.body);
    const event = await verifyWebhook({
      payload: accepted!.body,
      header: String(accepted!.headers['hdld-signature']),
      secret,
    });
    expect(WebhookEventSchema.parse(event)).toEqual({
      event: 'transaction.completed',
      transactionId: ack.transactionId,
      providerReference: sample.submission.providerReference,
      status: 'SUCCEEDED',
      contractId: final.contractId,
      occurredAt: final.completedAt,
    });
    // The receiver has answered; the sender marks the row SENT right after, so wait for that.
    const page = await eventually(async () => {
      const listed = (await (
        await kit.api('/v1/notifications?channel=WEBHOOK')
      ).json()) as Schemas['NotificationPage'];
      return listed.items[0]?.status === 'PENDING' ? undefined : listed;
    });
    expect(page.items[0]).toMatchObject({
      kind: 'TRANSACTION_COMPLETED',
      status: 'SENT',
      attempts: 2,
      recipient: receiver.url,
      messageId: accepted!.headers['hdld-webhook-id'],
    });
    expect(page.items[0]?.lastError).toBeUndefined();
  });

  it('signs with the new secret after a rotation, so the old one no longer verifies', async () => {
    const rotated = await kit.operator(`/v1/providers/${providerId()}/webhook-secret`, { method: 'POST' });
    const next = ((await rotated.json()) as Schemas['WebhookSecret']).secret;
    expect(next).not.toBe(secret);
    const sample = await kit.sample(42);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const ack = (await (
      await kit.api('/v1/contracts', {
        body: { ...sample.submission, mainData: { ...sample.mainData, term } },
      })
    ).json()) as { transactionId: string };
    expect(await waitForFinal(kit, ack.transactionId, 1200)).toMatchObject({ status: 'FAILED' });
    const delivery = await eventually(() =>
      receiver.deliveries.find((d) => d.body.includes(ack.transactionId)),
    );
    const header = String(delivery.headers['hdld-signature']);
    expect(await verifyWebhook({ payload: delivery.body, header, secret: next })).toMatchObject({
      status: 'FAILED',
      failureClass: 'BUSINESS',
    });
    await expect(verifyWebhook({ payload: delivery.body, header, secret })).rejects.toBeInstanceOf(
      HdldWebhookError,
    );
  });
});
