/**
 * Remembers client-assertion ids until they expire so a captured assertion cannot be replayed
 * (RFC 7523 §3). Per process: assertions live 5 minutes at most, and a replay against another
 * process still needs a valid, unexpired assertion signed by the provider.
 */
export function createAssertionReplayCache(maxEntries = 100_000) {
  const seen = new Map<string, number>();
  return (jti: string, expiresAt: number, now = Date.now()): boolean => {
    if (seen.size >= maxEntries) {
      for (const [id, expiry] of seen) if (expiry <= now) seen.delete(id);
    }
    const known = seen.get(jti);
    if (known !== undefined && known > now) return false;
    if (seen.size >= maxEntries) return false;
    seen.set(jti, expiresAt);
    return true;
  };
}
