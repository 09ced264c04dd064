import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClaimedMessage, OutboxChannel, OutboxRepo } from '../storage/outbox-repo.js';

/** How often the outbox is polled, how long a claim lasts and how retries back off (F39, F4). */
export type OutboxTiming = {
  pollIntervalMs: number;
  /** Longer than the slowest delivery (SMTP and webhook timeouts are well below it). */
  leaseMs: number;
  /** First retry after this; doubled per attempt up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
};

export const DEFAULT_OUTBOX_TIMING: OutboxTiming = {
  pollIntervalMs: 1000,
  leaseMs: 120_000,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
};

/** A delivery the receiver refused for good (SMTP 5xx): no retry. Anything else thrown is retried. */
export class PermanentDeliveryError extends Error {}

/** Sends one message or throws; `message.messageId` is the id the receiver deduplicates on. */
export type Deliver = (message: ClaimedMessage) => Promise<void>;

export type OutboxSender = { stop(): Promise<void> };

export type OutboxSenderDeps = {
  outbox: OutboxRepo;
  channel: OutboxChannel;
  deliver: Deliver;
  /** message_id = prefix + row id + suffix, e.g. `<` and `@hdld.invalid>` for a Message-ID. */
  messageId: { prefix: string; suffix: string };
  timing: OutboxTiming;
  /** Short, secret-free description of a failed attempt, stored as last_error and shown in the API. */
  describeError(error: unknown): string;
  onError?(error: unknown): void;
};

export function retryDelayMs(attempts: number, timing: OutboxTiming): number {
  return Math.min(timing.retryBaseMs * 2 ** Math.max(0, attempts - 1), timing.retryMaxMs);
}

/**
 * Delivers one channel of the outbox in the background. Each message is claimed under a lease
 * (SKIP LOCKED), so two processes never send it at the same time and a message whose sender died
 * is claimed again once the lease ran out. Guarantee: a message committed but not yet attempted when
 * a process dies is delivered once by another (or the restarted) process; a process that dies
 * after the receiver accepted but before `sent_at` was stored causes one more delivery with the
 * same message id, which the receiver can drop (at-least-once with a stable id).
 */
export function startOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const controller = new AbortController();
  const workerId = `${hostname()}:${process.pid}:outbox-${deps.channel.toLowerCase()}`;

  const attempt = async (message: ClaimedMessage) => {
    let failure: unknown;
    let failed = false;
    try {
      await deps.deliver(message);
    } catch (error) {
      failure = error;
      failed = true;
    }
    // A failure to record the outcome is not a failed delivery: the lease runs out and it is retried.
    if (!failed) {
      await deps.outbox.markSent(message);
      return;
    }
    await deps.outbox.markAttemptFailed(message, {
      error: deps.describeError(failure).slice(0, 1000),
      retryInMs: retryDelayMs(message.attempts, deps.timing),
      permanent: failure instanceof PermanentDeliveryError,
    });
  };

  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        while (!controller.signal.aborted) {
          const [message] = await deps.outbox.claim({
            channel: deps.channel,
            workerId,
            leaseMs: deps.timing.leaseMs,
            messageIdPrefix: deps.messageId.prefix,
            messageIdSuffix: deps.messageId.suffix,
          });
          if (!message) break;
          await attempt(message);
        }
      } catch (error) {
        deps.onError?.(error);
      }
      await sleep(deps.timing.pollIntervalMs, undefined, { signal: controller.signal }).catch(() => {});
    }
  })();

  return {
    /** Finishes the delivery in hand, then resolves. */
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
