import type { Transaction } from '@hdld/spec';
import type { PageIterable } from '../client/pagination.js';
import { sleep } from '../client/rate-limit-gate.js';
import type { TransactionListQuery } from '../client/resources/transactions.js';
import { isFinal } from '../submissions/wait-for-result.js';

type Pending = { providerReference: string; receivedAt: string };

/** Transactions per listing page, and outcomes recorded at once. */
const PAGE = 500;

export type OutcomeTrackerOptions = {
  pollIntervalMs: number;
  /** Acknowledged items awaited at once; `add` waits beyond it (backpressure on submissions). */
  maxPending: number;
  signal: AbortSignal;
  onFinal(transaction: Transaction): Promise<void>;
  /** A poll that failed after the client's retries; the next poll tries again. */
  onPollError(error: unknown): void;
};

type TransactionLister = { transactions: { list(query: TransactionListQuery): PageIterable<Transaction> } };

/**
 * Awaits the outcomes of acknowledged submissions (T10) in bulk: one listing of the transactions
 * received since the oldest pending one, per poll, instead of one request per item.
 */
export class OutcomeTracker {
  readonly #pending = new Map<string, Pending>();
  #roomWaiters: (() => void)[] = [];
  #loop?: Promise<void>;

  constructor(
    private readonly client: TransactionLister,
    private readonly options: OutcomeTrackerOptions,
  ) {}

  get size(): number {
    return this.#pending.size;
  }

  /** Tracks a transaction; resolves when there is room for more (bounded memory). */
  async add(transactionId: string, pending: Pending): Promise<void> {
    this.#pending.set(transactionId, pending);
    this.#loop ??= this.#run().finally(() => {
      this.#loop = undefined;
    });
    while (this.#pending.size >= this.options.maxPending && !this.options.signal.aborted) {
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    }
  }

  /** Resolves when every tracked transaction is final (or the signal aborted). */
  async drain(): Promise<void> {
    while (this.#loop) await this.#loop;
  }

  async #run(): Promise<void> {
    const { signal } = this.options;
    while (this.#pending.size > 0 && !signal.aborted) {
      await sleep(this.options.pollIntervalMs, signal).catch(() => undefined);
      if (signal.aborted) break;
      await this.#sweep().catch((error: unknown) => this.options.onPollError(error));
    }
    this.#wakeAll();
  }

  async #sweep(): Promise<void> {
    const oldest = [...this.#pending.values()].reduce(
      (min, p) => (p.receivedAt < min ? p.receivedAt : min),
      '\uffff',
    );
    // Outcomes of one page are recorded together: their journal lines share one write and one sync
    // (group commit) instead of one sync each, which would cap the batch at the disk's sync rate.
    const settling: Promise<void>[] = [];
    const settle = async () => {
      await Promise.all(settling.splice(0));
      if (this.#pending.size < this.options.maxPending) this.#wakeAll();
    };
    for await (const transaction of this.client.transactions.list({ receivedFrom: oldest, limit: PAGE })) {
      if (!this.#pending.has(transaction.transactionId) || !isFinal(transaction)) continue;
      this.#pending.delete(transaction.transactionId);
      settling.push(this.options.onFinal(transaction));
      if (settling.length >= PAGE) await settle();
      if (this.#pending.size === 0) break;
    }
    await settle();
  }

  #wakeAll(): void {
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const wake of waiters) wake();
  }
}
