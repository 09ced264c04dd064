/**
 * A provider's webhook endpoint (F4 "sync result", T14): the Platform posts each final transaction
 * outcome, signed with `Hdld-Signature: t=<unix>,v1=<HMAC-SHA256>`. Verify the signature over the raw
 * body before trusting anything in it; answer 2xx once handled (the Platform retries otherwise, with
 * the same `Hdld-Webhook-Id`, so handle an id once).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookEvent } from '@hdld/sdk';

export type WebhookReceiver = { url: string; close(): Promise<void> };

export async function startWebhookReceiver(options: {
  /** The secret from `providers.rotateWebhookSecret` (shown once: keep it in your secret store). */
  secret: string;
  onEvent(event: WebhookEvent, webhookId: string): Promise<void> | void;
  port?: number;
}): Promise<WebhookReceiver> {
  const handled = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const event = await verifyWebhook({
          payload: new Uint8Array(Buffer.concat(chunks)),
          header: request.headers['hdld-signature'] as string | undefined,
          secret: options.secret,
        });
        const id = String(request.headers['hdld-webhook-id'] ?? '');
        if (!handled.has(id)) {
          await options.onEvent(event, id);
          handled.add(id);
        }
        response.statusCode = 204;
      } catch {
        // A forged, altered or stale delivery: refuse it, trust nothing in it.
        response.statusCode = 401;
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/hdld`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
