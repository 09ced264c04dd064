import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { authorizeAction, visibleProviderId } from '../auth/policy.js';
import { principalOf } from '../auth/principal.js';
import { keysetPage } from '../http/keyset-page.js';
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
      return keysetPage(
        q,
        ({ after, limit }) =>
          platform.storage.outbox.page({
            providerId: visibleProviderId(principal, q.providerId),
            status: q.status,
            channel: q.channel,
            kind: q.kind,
            after: after && { createdAt: after.at, id: after.id },
            limit,
          }),
        (m) => ({ at: m.createdAt, id: m.id }),
        notificationView,
      );
    },
  };
}
