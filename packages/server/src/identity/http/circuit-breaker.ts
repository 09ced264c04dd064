/**
 * A circuit breaker for one registry: after `threshold` consecutive failed attempts the circuit opens
 * and, for `cooldownMs`, lookups are answered "unavailable" at once instead of each waiting for its
 * timeout (a registry outage must not tie up every pipeline worker). After the cool-down one attempt
 * goes through (half-open): it closes the circuit if it succeeds and opens it again if it fails.
 */
export type CircuitBreaker = {
  /** False while the circuit is open (and while the half-open probe is out). */
  allows(): boolean;
  succeeded(): void;
  failed(): void;
};

export function createCircuitBreaker(options: {
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}): CircuitBreaker {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openUntil: number | undefined;
  let probing = false;
  return {
    allows() {
      if (openUntil === undefined) return true;
      if (probing || now() < openUntil) return false;
      probing = true;
      return true;
    },
    succeeded() {
      failures = 0;
      openUntil = undefined;
      probing = false;
    },
    failed() {
      failures += 1;
      if (probing || failures >= options.threshold) openUntil = now() + options.cooldownMs;
      probing = false;
    },
  };
}
