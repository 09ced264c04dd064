import type { Schemas } from '@hdld/spec';
import type { OutboxMessage } from '../storage/outbox-repo.js';

/** The API view of an outbox row (schema `Notification`); the HTML part and dedupe key stay inside. */
export function notificationView(message: OutboxMessage): Schemas['Notification'] {
  return {
    notificationId: message.id,
    providerId: message.providerId,
    channel: message.channel,
    kind: message.kind,
    recipient: message.recipient,
    ...(message.subject ? { subject: message.subject } : {}),
    text: message.bodyText,
    status: message.status,
    attempts: message.attempts,
    createdAt: message.createdAt.toISOString(),
    ...(message.status === 'PENDING' ? { nextAttemptAt: message.nextAttemptAt.toISOString() } : {}),
    ...(message.sentAt ? { sentAt: message.sentAt.toISOString() } : {}),
    ...(message.failedAt ? { failedAt: message.failedAt.toISOString() } : {}),
    ...(message.lastError ? { lastError: message.lastError } : {}),
    ...(message.messageId ? { messageId: message.messageId } : {}),
  };
}
