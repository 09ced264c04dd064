import { ipAllowListMatcher } from '../providers/ip-allow-list.js';
import type { Provider, ProviderStatus } from '../storage/providers-repo.js';

/** What every provider call checks (N8): the connection status and the IP allow-list. */
export type ProviderConnection = { status: ProviderStatus; allowsIp(ip: string): boolean };

export function connectionOf(provider: Provider): ProviderConnection {
  return { status: provider.status, allowsIp: ipAllowListMatcher(provider.ipAllowList) };
}

export type ProviderStatusCache<T = ProviderConnection> = {
  /** The provider's connection status, at most `ttlMs` old; undefined for an unknown provider. */
  statusOf(providerId: string): Promise<T | undefined>;
  /** Drops the cached status after a change made by this process, so it applies at once here. */
  forget(providerId: string): void;
};

/**
 * Every provider call checks the connection status (N8, Art. 15.4), so it is read once per
 * provider every few seconds rather than per request: a suspension made by another server
 * process applies within `ttlMs`. Expiry uses the monotonic clock, not the sandbox's shifted one.
 */
export function createProviderStatusCache<T = ProviderConnection>(
  lookup: (providerId: string) => Promise<T | undefined>,
  ttlMs = 5000,
  nowMs: () => number = () => performance.now(),
): ProviderStatusCache<T> {
  const cached = new Map<string, { status: T | undefined; until: number }>();
  return {
    async statusOf(providerId) {
      const hit = cached.get(providerId);
      if (hit && hit.until > nowMs()) return hit.status;
      const status = await lookup(providerId);
      cached.set(providerId, { status, until: nowMs() + ttlMs });
      return status;
    },
    forget(providerId) {
      cached.delete(providerId);
    },
  };
}
