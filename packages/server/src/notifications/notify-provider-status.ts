import type { NotificationKind } from '../storage/outbox-repo.js';
import type { Provider, ProviderStatus } from '../storage/providers-repo.js';
import type { Repositories } from '../storage/repositories.js';
import type { RenderedEmail } from './templates/layout.js';
import { providerDisconnectedEmail } from './templates/provider-disconnected.js';
import { providerRestoredEmail } from './templates/provider-restored.js';
import type { ProviderStatusFacts } from './templates/provider-status-facts.js';
import { providerSuspendedEmail } from './templates/provider-suspended.js';

/** The notice for each status a provider can be moved to (restored = back to ACTIVE). */
const NOTICES: Record<
  ProviderStatus,
  { kind: NotificationKind; render(facts: ProviderStatusFacts): RenderedEmail }
> = {
  SUSPENDED: { kind: 'PROVIDER_SUSPENDED', render: providerSuspendedEmail },
  ACTIVE: { kind: 'PROVIDER_RESTORED', render: providerRestoredEmail },
  DISCONNECTED: { kind: 'PROVIDER_DISCONNECTED', render: providerDisconnectedEmail },
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
  const notice = NOTICES[change.status];
  const email = notice.render({
    providerId: provider.id,
    providerName: provider.name,
    reason: change.reason,
    effectiveAt: change.changedAt,
  });
  await repos.outbox.insert({
    providerId: provider.id,
    channel: 'EMAIL',
    kind: notice.kind,
    recipient: provider.contactEmail,
    locale: email.locale,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html,
    dedupeKey: `provider-status:${change.historyId}`,
    createdAt: change.changedAt,
  });
}
