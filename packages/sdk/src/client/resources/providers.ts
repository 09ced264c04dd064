import type { Schemas } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import type { callerResource } from './caller.js';

type Provider = Schemas['Provider'];

/**
 * The provider registry (N8, F12, S2.3): a provider reads its own profile and connection status
 * history; Ministry operators list every provider and change their status (Decree Art. 15.4).
 */
export function providersResource(context: CallContext, caller: ReturnType<typeof callerResource>) {
  const { api } = context;
  return {
    async get(providerId: string, options?: RequestOptions): Promise<Provider> {
      const result = await api.GET('/v1/providers/{providerId}', {
        params: { path: { providerId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /** The calling provider's own profile with its status history (provider credentials, `getCaller`). */
    async me(options?: RequestOptions): Promise<Provider> {
      const { provider } = await caller(options);
      if (!provider) throw new TypeError('providers.me() needs provider credentials');
      return provider;
    },

    /** Operators only: every registered provider, by name, optionally of one status. */
    async list(
      query: { status?: Schemas['ProviderStatus'] } = {},
      options?: RequestOptions,
    ): Promise<Provider[]> {
      const result = await api.GET('/v1/providers', { params: { query }, ...context.init(options) });
      return unwrap(context, result).items;
    },

    /** Operators only: suspend, restore or disconnect a provider with the reason notified to it. */
    async changeStatus(
      providerId: string,
      update: Schemas['ProviderStatusUpdate'],
      options?: RequestOptions,
    ): Promise<Provider> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/providers/{providerId}/status', {
        params: { path: { providerId } },
        body: update,
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },

    /**
     * Operators only (N8): the callback URL receiving signed results (F4) and the IP allow-list of
     * the provider's calls; both replaced, checked whole before anything is stored.
     */
    async updateTechnicalInfo(
      providerId: string,
      info: Schemas['ProviderTechnicalInfo'],
      options?: RequestOptions,
    ): Promise<Provider> {
      const result = await api.PUT('/v1/providers/{providerId}/technical-info', {
        params: { path: { providerId } },
        body: info,
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /**
     * A new webhook secret (F4), returned this once: store it now. It replaces the previous one at
     * once; an operator may make one for any provider, a provider for itself.
     */
    async rotateWebhookSecret(
      providerId: string,
      options?: RequestOptions,
    ): Promise<Schemas['WebhookSecret']> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/providers/{providerId}/webhook-secret', {
        params: { path: { providerId } },
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },
  };
}
