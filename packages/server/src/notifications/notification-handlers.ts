import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { authorizeAction, visibleProviderId } from '../auth/policy.js';
import { principalOf } from '../auth/security-handlers.js';
import { decodeCursor, pageOf } from '../http/keyset-cursor.js';
import type { Platform } from '../platform.js';
import type { NotificationKind, OutboxChannel, OutboxStatus } from '../storage/outbox-repo.js';
import { notificationView } from './notification-view.js';

type ListRequest = FastifyRequest<{
  Querystring: {
    cursor?: string;
    limit?: number;
    providerId?: string;
    status?: OutboxStatus;
    channel?: OutboxChannel;
    kind?: NotificationKind;
  };
}>;

/** F4, F39, T14: the notices sent to providers and where their delivery stands. */
export function notificationHandlers(platform: Platform) {
  return {
    async listNotifications(request: ListRequest): Promise<Schemas['NotificationPage']> {
      const principal = principalOf(request);
      authorizeAction(principal, 'notification.read');
      const q = request.query;
      const limit = q.limit ?? 100;
      const after = q.cursor ? decodeCursor(q.cursor) : undefined;
      const rows = await platform.storage.outbox.page({
        providerId: visibleProviderId(principal, q.providerId),
        status: q.status,
        channel: q.channel,
        kind: q.kind,
        after: after && { createdAt: after.at, id: after.id },
        limit: limit + 1,
      });
      const { page, nextCursor } = pageOf(rows, limit, (m) => ({ at: m.createdAt, id: m.id }));
      return { items: page.map(notificationView), nextCursor };
    },
  };
}
