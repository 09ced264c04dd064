import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineQueue } from '../../src/client/transport-deadlines.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('per-attempt timeouts from one timer per timeout value (issue 5)', () => {
  it('expires only the attempts still pending at their deadline, in order, with one timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const queue = new DeadlineQueue(1000);
    const expired: string[] = [];
    const a = queue.watch(() => expired.push('a'));
    await vi.advanceTimersByTimeAsync(300);
    const b = queue.watch(() => expired.push('b'));
    const c = queue.watch(() => expired.push('c'));
    expect(vi.getTimerCount()).toBe(1);
    queue.done(b);
    await vi.advanceTimersByTimeAsync(699);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1); // a's deadline
    expect(expired).toEqual(['a']);
    expect(a.state).toBe('expired');
    await vi.advanceTimersByTimeAsync(300); // c's (b finished)
    expect(expired).toEqual(['a', 'c']);
    expect(queue.pending).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    queue.done(c); // a late answer after expiry changes nothing
    expect(c.state).toBe('expired');
  });

  it('drops finished attempts as they finish, so memory follows the attempts in flight', () => {
    const queue = new DeadlineQueue(30_000);
    for (let i = 0; i < 10_000; i++) queue.done(queue.watch(() => {}));
    expect(queue.held).toBe(0);
    const slow = queue.watch(() => {});
    for (let i = 0; i < 5; i++) queue.done(queue.watch(() => {}));
    expect([queue.pending, queue.held]).toEqual([1, 6]); // kept behind the slow one, in order
    queue.done(slow);
    expect([queue.pending, queue.held]).toEqual([0, 0]);
  });
});
