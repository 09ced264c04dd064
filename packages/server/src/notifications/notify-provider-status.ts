import type { NotificationKind } from '../storage/outbox-repo.js';
import type { Provider, ProviderStatus } from '../storage/providers-repo.js';
import type { Repositories } from '../storage/repositories.js';
import { providerStatusEmail } from './templates/provider-status-email.js';

/** The notice kind for each status a provider can be moved to (restored = back to ACTIVE). */
const KINDS: Record<ProviderStatus, NotificationKind> = {
  SUSPENDED: 'PROVIDER_SUSPENDED',
  ACTIVE: 'PROVIDER_RESTORED',
  DISCONNECTED: 'PROVIDER_DISCONNECTED',
};

/**
 * F39 (Decree 337/2025 Art. 15.4 "notified in writing"): queues the e-mail telling the provider its
 * connection status changed. Call it with the repositories of the database transaction that records
 * the change, so the e-mail exists exactly when the change does.
 */
export async function notifyProviderStatusChange(
  repos: Repositories,
  provider: Provider,
  change: { historyId: number; status: ProviderStatus; reason: string; changedAt: Date },
): Promise<void> {
  const email = providerStatusEmail(change.status, {
    providerId: provider.id,
    providerName: provider.name,
    reason: change.reason,
    effectiveAt: change.changedAt,
  });
  await repos.outbox.insert({
    providerId: provider.id,
    channel: 'EMAIL',
    kind: KINDS[change.status],
    recipient: provider.contactEmail,
    locale: email.locale,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html,
    dedupeKey: `provider-status:${change.historyId}`,
    createdAt: change.changedAt,
  });
}
