import { describe, expect, it } from 'vitest';
import { createProviderStatusCache } from '../../src/auth/provider-status-cache.js';
import type { ProviderStatus } from '../../src/storage/providers-repo.js';

/** N8: every provider call reads the connection status through this cache (a few seconds old at most). */
describe('provider status cache', () => {
  const setup = () => {
    const stored = new Map<string, ProviderStatus>([['p1', 'ACTIVE']]);
    const lookups: string[] = [];
    let now = 0;
    const cache = createProviderStatusCache(
      async (id) => {
        lookups.push(id);
        return stored.get(id);
      },
      5000,
      () => now,
    );
    return { stored, lookups, cache, advance: (ms: number) => (now += ms) };
  };

  it('reads the database once per provider while the entry is fresh, again once it expired', async () => {
    const { stored, lookups, cache, advance } = setup();
    expect(await cache.statusOf('p1')).toBe('ACTIVE');
    stored.set('p1', 'SUSPENDED');
    advance(4999);
    expect(await cache.statusOf('p1')).toBe('ACTIVE');
    advance(1);
    expect(await cache.statusOf('p1')).toBe('SUSPENDED');
    expect(lookups).toEqual(['p1', 'p1']);
  });

  it('applies a change made by this process at once when told to forget', async () => {
    const { stored, cache } = setup();
    expect(await cache.statusOf('p1')).toBe('ACTIVE');
    stored.set('p1', 'DISCONNECTED');
    cache.forget('p1');
    expect(await cache.statusOf('p1')).toBe('DISCONNECTED');
  });

  it('answers undefined for an unknown provider', async () => {
    expect(await setup().cache.statusOf('nobody')).toBeUndefined();
  });
});
