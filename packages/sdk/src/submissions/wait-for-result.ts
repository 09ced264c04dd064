import type { Lang, Transaction } from '@hdld/spec';
import type { RequestOptions } from '../client/call.js';
import { errorFromFailure, HdldError } from '../client/errors.js';
import { sdkMessage } from '../client/messages.js';
import { sleep } from '../client/rate-limit-gate.js';

export type WaitOptions = {
  /** Give up after this long (default 2 minutes); the error carries the last status seen. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Bounds of one polling delay around the server's `retryAfterSeconds` hint; default 250 ms to 10 s. */
  minIntervalMs?: number;
  maxIntervalMs?: number;
};

/** The transaction was still RECEIVED or PROCESSING at the deadline; poll again later, nothing is lost. */
export class HdldWaitTimeoutError extends HdldError {
  constructor(
    readonly transaction: Transaction,
    lang: Lang,
  ) {
    super({
      title: sdkMessage('waitTimeout', lang),
      detail: `${transaction.transactionId}: ${transaction.status}`,
    });
  }
}

export function isFinal(transaction: Pick<Transaction, 'status'>): boolean {
  return transaction.status === 'SUCCEEDED' || transaction.status === 'FAILED';
}

type TransactionReader = {
  lang: Lang;
  transactions: { get(transactionId: string, options?: RequestOptions): Promise<Transaction> };
};

/**
 * Polls a transaction until SUCCEEDED or FAILED (T10), waiting between polls as long as the
 * Platform's `retryAfterSeconds` hint asks, within [minIntervalMs, maxIntervalMs].
 */
export async function waitForResult(
  client: TransactionReader,
  transactionId: string,
  options: WaitOptions = {},
): Promise<Transaction> {
  const { signal, minIntervalMs = 250, maxIntervalMs = 10_000 } = options;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const transaction = await client.transactions.get(transactionId, { signal });
    if (isFinal(transaction)) return transaction;
    const hintMs = (transaction.retryAfterSeconds ?? 1) * 1000;
    const delayMs = Math.min(maxIntervalMs, Math.max(minIntervalMs, hintMs));
    if (Date.now() + delayMs > deadline) throw new HdldWaitTimeoutError(transaction, client.lang);
    await sleep(delayMs, signal).catch((reason: unknown) => {
      throw errorFromFailure(reason, undefined, client.lang);
    });
  }
}
