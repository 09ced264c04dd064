import { signWebhook, WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER } from '@hdld/sdk';
import type { Deliver } from '../notifications/outbox-sender.js';
import type { ProvidersRepo } from '../storage/providers-repo.js';
import type { SecretBox } from './secret-box.js';

const TIMEOUT_MS = 15_000;

/** Why an attempt failed, for last_error: the status or the network error code, never a secret. */
function describeWebhookError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  if (cause?.code) return `connection failed (${cause.code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * F4: posts a transaction-result webhook to the provider's callback URL, signed with its current
 * webhook secret at send time (`Hdld-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`, the same
 * format `verifyWebhook` of @hdld/sdk checks). `Hdld-Webhook-Id` is the outbox row id, the same on
 * every retry. Any 2xx is a delivery; redirects are not followed; anything else is retried.
 */
export function createWebhookDelivery(deps: { providers: ProvidersRepo; box: SecretBox }) {
  const deliver: Deliver = async (message) => {
    const provider = await deps.providers.findById(message.providerId);
    if (!provider?.webhookSecretSealed) throw new Error('the provider has no webhook secret any more');
    let secret: string;
    try {
      secret = deps.box.open(provider.webhookSecretSealed, provider.id);
    } catch {
      // Every process sharing the database must share the ID secret the box key derives from.
      throw new Error('the webhook secret cannot be opened with this ID secret');
    }
    // Real time, not the sandbox's shifted clock: receivers check it against their own clock.
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(message.recipient, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'hdld-webhooks/1',
        [WEBHOOK_SIGNATURE_HEADER]: await signWebhook({ payload: message.bodyText, secret, timestamp }),
        [WEBHOOK_ID_HEADER]: message.messageId,
      },
      body: message.bodyText,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
  };
  return { deliver, describeError: describeWebhookError, messageId: { prefix: '', suffix: '' } };
}
