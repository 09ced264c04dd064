import { DEFAULT_MAIL_FROM } from '../config/settings.js';
import type { Storage } from '../storage/index.js';
import type { SecretBox } from '../webhooks/secret-box.js';
import { createWebhookDelivery } from '../webhooks/webhook-delivery.js';
import { DEFAULT_OUTBOX_TIMING, type OutboxTiming, startOutboxSender } from './outbox-sender.js';
import { createSmtpDelivery } from './smtp-delivery.js';

export type NotificationSettings = {
  smtpUrl?: string;
  mailFrom?: string;
  timing?: Partial<OutboxTiming>;
};

export type Notifications = { stop(): Promise<void> };

/**
 * Starts delivering the outbox (F4, F39, T14): webhooks always, e-mails when SMTP is configured.
 * Without HDLD_SMTP_URL e-mails stay PENDING in the outbox, where listNotifications shows them,
 * and are sent once a process with SMTP runs.
 */
export function startNotifications(
  deps: { storage: Storage; webhookSecrets: SecretBox },
  settings: NotificationSettings,
): Notifications {
  const timing = { ...DEFAULT_OUTBOX_TIMING, ...settings.timing };
  const webhooks = createWebhookDelivery({ providers: deps.storage.providers, box: deps.webhookSecrets });
  const senders = [
    startOutboxSender({ outbox: deps.storage.outbox, channel: 'WEBHOOK', timing, ...webhooks }),
  ];
  const smtp = settings.smtpUrl
    ? createSmtpDelivery({ smtpUrl: settings.smtpUrl, from: settings.mailFrom ?? DEFAULT_MAIL_FROM })
    : undefined;
  if (smtp)
    senders.push(startOutboxSender({ outbox: deps.storage.outbox, channel: 'EMAIL', timing, ...smtp }));
  return {
    async stop() {
      await Promise.all(senders.map((sender) => sender.stop()));
      smtp?.close();
    },
  };
}
