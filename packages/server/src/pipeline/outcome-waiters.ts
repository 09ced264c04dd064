/**
 * Requests waiting (`Prefer: wait`) for transactions that this process's pipeline is working on. The
 * pipeline tells `settled` when an attempt on a transaction has ended; the waiter then reads the
 * stored outcome, so what it answers is what `getTransaction` would (the database is the truth,
 * whichever process did the work).
 */
export type OutcomeWaiters = {
  /**
   * Resolves when this process has ended an attempt on the transaction, after `ms`, or when `signal`
   * aborts, whichever comes first; never rejects. True when it was told.
   */
  wait(transactionId: string, ms: number, signal?: AbortSignal): Promise<boolean>;
  settled(transactionId: string): void;
  /** Shutting down: every waiter resolves now. */
  releaseAll(): void;
};

export function createOutcomeWaiters(): OutcomeWaiters {
  const waiting = new Map<string, Set<(told: boolean) => void>>();
  const release = (transactionId: string, told: boolean) => {
    const callbacks = waiting.get(transactionId);
    if (!callbacks) return;
    waiting.delete(transactionId);
    for (const callback of callbacks) callback(told);
  };
  return {
    wait(transactionId, ms, signal) {
      return new Promise((resolve) => {
        if (signal?.aborted || ms <= 0) return resolve(false);
        const callbacks = waiting.get(transactionId) ?? new Set();
        waiting.set(transactionId, callbacks);
        const done = (told: boolean) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', abort);
          callbacks.delete(done);
          if (callbacks.size === 0 && waiting.get(transactionId) === callbacks) waiting.delete(transactionId);
          resolve(told);
        };
        const abort = () => done(false);
        const timer = setTimeout(abort, ms);
        signal?.addEventListener('abort', abort, { once: true });
        callbacks.add(done);
      });
    },
    settled: (transactionId) => release(transactionId, true),
    releaseAll() {
      for (const transactionId of [...waiting.keys()]) release(transactionId, false);
    },
  };
}
