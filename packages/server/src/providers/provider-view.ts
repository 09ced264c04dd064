import type { Schemas } from '@hdld/spec';
import type { ProviderStatusChange } from '../storage/provider-status-history-repo.js';
import type { Provider } from '../storage/providers-repo.js';

/** The registry view of a provider (schema `Provider`); its status history when given. */
export function providerView(provider: Provider, history?: ProviderStatusChange[]): Schemas['Provider'] {
  return {
    providerId: provider.id,
    name: provider.name,
    contactEmail: provider.contactEmail,
    status: provider.status,
    ...(provider.statusChangedAt ? { statusChangedAt: provider.statusChangedAt.toISOString() } : {}),
    createdAt: provider.createdAt.toISOString(),
    capabilities: provider.capabilities,
    authenticationMethods: [
      ...(provider.publicJwks ? (['private_key_jwt'] as const) : []),
      ...(provider.clientSecretHash ? (['client_secret'] as const) : []),
    ],
    ...(provider.callbackUrl ? { callbackUrl: provider.callbackUrl } : {}),
    ipAllowList: provider.ipAllowList,
    ...(provider.webhookSecretSetAt ? { webhookSecretSetAt: provider.webhookSecretSetAt.toISOString() } : {}),
    ...(history
      ? {
          statusHistory: history.map((change) => ({
            previousStatus: change.previousStatus,
            status: change.status,
            reason: change.reason,
            changedBy: change.changedBy,
            changedAt: change.changedAt.toISOString(),
          })),
        }
      : {}),
  };
}
