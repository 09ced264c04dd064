import { ProblemError } from '../http/problem.js';
import { notifyProviderStatusChange } from '../notifications/notify-provider-status.js';
import type { Storage } from '../storage/index.js';
import type { Provider, ProviderStatus } from '../storage/providers-repo.js';

/** N8: suspend, restore or disconnect; a disconnection is final (Decree 337/2025 Art. 15.4). */
const NEXT: Record<ProviderStatus, ProviderStatus[]> = {
  ACTIVE: ['SUSPENDED', 'DISCONNECTED'],
  SUSPENDED: ['ACTIVE', 'DISCONNECTED'],
  DISCONNECTED: [],
};

export type StatusChange = { status: ProviderStatus; reason: string; operatorId: string; now: Date };

/**
 * Changes a provider's connection status and records it in the history with the reason, the
 * operator and the time, in one database transaction with the provider row locked, so concurrent
 * changes are applied one after the other. The e-mail telling the provider (F39, Art. 15.4) is
 * queued in the same transaction, whoever calls this (the API, the F38 violations report).
 * Asking for the current status changes nothing.
 */
export async function changeProviderStatus(
  storage: Storage,
  providerId: string,
  change: StatusChange,
): Promise<Provider> {
  return storage.transaction(async (repos) => {
    const provider = await repos.providers.findByIdForUpdate(providerId);
    if (!provider) throw new ProblemError('PROVIDER_NOT_FOUND');
    if (provider.status === change.status) return provider;
    if (!NEXT[provider.status].includes(change.status)) {
      throw new ProblemError('PROVIDER_STATUS_TRANSITION_INVALID', {
        detail: {
          en: `A ${provider.status} provider cannot become ${change.status}.`,
          vi: `Nhà cung cấp đang ở trạng thái ${provider.status} không thể chuyển sang ${change.status}.`,
        },
      });
    }
    const updated = await repos.providers.setStatus(providerId, change.status, change.now);
    const historyId = await repos.providerStatusHistory.add({
      providerId,
      previousStatus: provider.status,
      status: change.status,
      reason: change.reason,
      changedBy: change.operatorId,
      changedAt: change.now,
    });
    await notifyProviderStatusChange(repos, provider, {
      historyId,
      status: change.status,
      reason: change.reason,
      changedAt: change.now,
    });
    return updated ?? provider;
  });
}
