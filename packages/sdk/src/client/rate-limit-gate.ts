/**
 * Client-wide pause after a 429 (or 503) with Retry-After: every request of the client waits until
 * the server's deadline, not only the one that was refused. This is how a batch of concurrent
 * submissions slows down as a whole instead of hammering the Platform with each worker in turn.
 */
export class RateLimitGate {
  #openAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps the gate closed for `ms` from now (never shortens an earlier, longer pause). */
  block(ms: number): void {
    this.#openAt = Math.max(this.#openAt, this.now() + ms);
  }

  /** Milliseconds until the gate opens; 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.#openAt - this.now());
  }

  /** Resolves when the gate is open; rejects with the signal's reason when it aborts first. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let ms = this.remainingMs(); ms > 0; ms = this.remainingMs()) {
      await sleep(ms, signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
