import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, authorizeAction } from '../auth/policy.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import type { ProviderStatus } from '../storage/providers-repo.js';
import { rotateWebhookSecret } from '../webhooks/rotate-webhook-secret.js';
import { changeProviderStatus } from './change-provider-status.js';
import { providerView } from './provider-view.js';
import { parseTechnicalInfo } from './technical-info.js';

type ByIdRequest = FastifyRequest<{ Params: { providerId: string } }>;

/** N8, F12, F30, S2.3: the provider registry and connection status. */
export function providerHandlers(platform: Platform) {
  const withHistory = async (providerId: string) => {
    const provider = await platform.storage.providers.findById(providerId);
    if (!provider) throw new ProblemError('PROVIDER_NOT_FOUND');
    return { provider, history: await platform.storage.providerStatusHistory.list(providerId) };
  };

  return {
    async listProviders(
      request: FastifyRequest<{ Querystring: { status?: ProviderStatus } }>,
    ): Promise<Schemas['ProviderList']> {
      authorizeAction(principalOf(request), 'provider.list');
      const providers = await platform.storage.providers.list(request.query.status);
      return { items: providers.map((provider) => providerView(provider)) };
    },

    async getProvider(request: ByIdRequest): Promise<Schemas['Provider']> {
      const principal = principalOf(request);
      // Authorised before the lookup: whether another provider exists is not the caller's business.
      authorize(principal, 'provider.read', { providerId: request.params.providerId });
      const { provider, history } = await withHistory(request.params.providerId);
      return providerView(provider, history);
    },

    async changeProviderStatus(
      request: FastifyRequest<{ Params: { providerId: string }; Body: Schemas['ProviderStatusUpdate'] }>,
    ): Promise<Schemas['Provider']> {
      const principal = principalOf(request);
      authorizeAction(principal, 'provider.manage');
      await changeProviderStatus(platform.storage, request.params.providerId, {
        status: request.body.status,
        reason: request.body.reason,
        operatorId: actorOf(principal),
        now: platform.now(),
      });
      // Applies at once on this server; other processes see it when their cache entry expires.
      platform.providerStatus.forget(request.params.providerId);
      const { provider, history } = await withHistory(request.params.providerId);
      return providerView(provider, history);
    },

    /** N8 technical info: callback URL and IP allow-list, checked whole before anything is stored. */
    async updateProviderTechnicalInfo(
      request: FastifyRequest<{ Params: { providerId: string }; Body: Schemas['ProviderTechnicalInfo'] }>,
    ): Promise<Schemas['Provider']> {
      authorizeAction(principalOf(request), 'provider.manage');
      const info = parseTechnicalInfo(request.body, platform.config.mode);
      const updated = await platform.storage.providers.setTechnicalInfo(request.params.providerId, info);
      if (!updated) throw new ProblemError('PROVIDER_NOT_FOUND');
      // The allow-list applies at once on this server; other processes see it when their cache entry expires.
      platform.providerStatus.forget(request.params.providerId);
      return providerView(updated);
    },

    /** F4: a new webhook secret, shown this once (and kept out of any cache). */
    async rotateWebhookSecret(request: ByIdRequest, reply: FastifyReply): Promise<Schemas['WebhookSecret']> {
      authorize(principalOf(request), 'provider.rotateWebhookSecret', {
        providerId: request.params.providerId,
      });
      const { secret, setAt } = await rotateWebhookSecret(
        platform.storage,
        platform.webhookSecrets,
        request.params.providerId,
        platform.now(),
      );
      reply.header('cache-control', 'no-store');
      return { secret, createdAt: setAt.toISOString() };
    },

    /** F30: connected providers, name and capabilities only, for the public pages. */
    async listPublicProviders(): Promise<Schemas['PublicProviderList']> {
      const providers = await platform.storage.providers.list('ACTIVE');
      return { items: providers.map((p) => ({ name: p.name, capabilities: p.capabilities })) };
    },
  };
}
