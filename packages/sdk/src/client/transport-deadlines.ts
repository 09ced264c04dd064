/** One watched attempt: expires at `deadline` (Date.now() clock) unless marked done first. */
export type Deadline = { readonly deadline: number; state: 'pending' | 'done' | 'expired'; onExpire(): void };

/**
 * Per-attempt timeouts without a timer per attempt. Attempts with the same timeout expire in the
 * order they started, so each timeout value keeps a FIFO of deadlines and ONE timer, armed for the
 * oldest pending one; finished attempts are dropped from the front as they finish. A Node timer
 * per request (set, then cleared) costs about 4 µs of CPU, 1.5% of a loopback round trip on its
 * own (issue 5 overhead budget); this costs an object and an array slot.
 *
 * Memory: the entries between the oldest pending attempt and the newest, at most the attempts
 * started within one timeout. The timer is unref'd: a pending fetch keeps the process alive, a
 * timeout alone must not.
 */
export class DeadlineQueue {
  #entries: Deadline[] = [];
  #head = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts watching an attempt; `onExpire` runs once if it is still pending at its deadline. */
  watch(onExpire: () => void): Deadline {
    const entry: Deadline = { deadline: this.now() + this.timeoutMs, state: 'pending', onExpire };
    this.#entries.push(entry);
    if (this.#timer === undefined) this.#arm(this.timeoutMs);
    return entry;
  }

  /** The attempt ended (answer or error) before its deadline. */
  done(entry: Deadline): void {
    if (entry.state === 'pending') entry.state = 'done';
    this.#dropFinished();
  }

  /** Entries kept: from the oldest pending attempt to the newest (for tests and diagnostics). */
  get held(): number {
    return this.#entries.length - this.#head;
  }

  /** Attempts watched and not yet finished or expired (for tests and diagnostics). */
  get pending(): number {
    let count = 0;
    for (let i = this.#head; i < this.#entries.length; i++)
      if (this.#entries[i]!.state === 'pending') count++;
    return count;
  }

  #dropFinished(): void {
    const entries = this.#entries;
    while (this.#head < entries.length && entries[this.#head]!.state !== 'pending') this.#head++;
    if (this.#head === entries.length) {
      entries.length = 0;
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > entries.length) {
      this.#entries = entries.slice(this.#head);
      this.#head = 0;
    }
  }

  #arm(ms: number): void {
    const timer = setTimeout(() => this.#fire(), Math.max(0, ms));
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }

  #fire(): void {
    this.#timer = undefined;
    const now = this.now();
    this.#dropFinished();
    while (this.#head < this.#entries.length) {
      const entry = this.#entries[this.#head]!;
      if (entry.state === 'pending' && entry.deadline > now) break;
      this.#head++;
      if (entry.state === 'pending') {
        entry.state = 'expired';
        entry.onExpire();
      }
    }
    this.#dropFinished();
    const next = this.#entries[this.#head];
    if (next) this.#arm(next.deadline - now);
  }
}
