import type { operations, Schemas } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';
import { type PageIterable, paginate } from '../pagination.js';

/** Filters of `listNotifications` (the cursor is handled by the iterator). */
export type NotificationListQuery = Omit<
  NonNullable<operations['listNotifications']['parameters']['query']>,
  'cursor'
>;

/** What the Platform tells providers (F4, F39, T14): e-mails and webhooks with their delivery status. */
export function notificationsResource(context: CallContext) {
  const { api } = context;
  return {
    /** Newest first, page by page as you iterate; an operator sees every provider's, a provider its own. */
    list(query: NotificationListQuery = {}, options?: RequestOptions): PageIterable<Schemas['Notification']> {
      return paginate(async (cursor) => {
        const result = await api.GET('/v1/notifications', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
          ...context.init(options),
        });
        return unwrap(context, result);
      });
    },
  };
}
