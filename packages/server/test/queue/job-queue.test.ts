import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from '../../src/queue/job-queue.js';
import { exponentialRetryDelay, runDueJobs, startWorker } from '../../src/queue/worker.js';
import type { Database } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// Durable job queue behind asynchronous intake processing (N1, N2, T5): at-least-once, crash-safe.
const lease = { leaseMs: 60_000 };

describe.each(engines)('job queue on %s', (engine) => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = await database.open();
    await migrate(db);
  });
  afterAll(() => database.drop());

  /** Each test works on its own job kind so the shared table does not couple tests. */
  const kindFor = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;

  it('hands a job to one worker, then completes it', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('verify');
    const job = await queue.enqueue(kind, { transactionId: 't-1' });
    expect(job).toMatchObject({ kind, payload: { transactionId: 't-1' }, attempts: 0, maxAttempts: 10 });

    const [claimed] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    expect(claimed).toMatchObject({ id: job.id, attempts: 1, lockedBy: 'a' });
    expect(await queue.claim({ workerId: 'b', kinds: [kind], ...lease })).toEqual([]);

    expect(await queue.complete(claimed!)).toBe(true);
    expect((await queue.findById(job.id))?.doneAt).toBeInstanceOf(Date);
    expect(await queue.claim({ workerId: 'b', kinds: [kind], ...lease })).toEqual([]);
  });

  it('leaves jobs scheduled for later alone', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('later');
    await queue.enqueue(kind, {}, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await queue.claim({ workerId: 'a', kinds: [kind], ...lease })).toEqual([]);
  });

  it('reclaims the job of a crashed worker once its lease expired', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('crash');
    const job = await queue.enqueue(kind, {});
    const [crashed] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    // Simulate the lease running out while worker a is dead.
    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [job.id]);

    const [reclaimed] = await queue.claim({ workerId: 'b', kinds: [kind], ...lease });
    expect(reclaimed).toMatchObject({ id: job.id, attempts: 2, lockedBy: 'b' });
    expect(await queue.complete(crashed!)).toBe(false);
    expect(await queue.extendLease(crashed!, 60_000)).toBe(false);
    expect(await queue.extendLease(reclaimed!, 60_000)).toBe(true);
    expect(await queue.complete(reclaimed!)).toBe(true);
  });

  it('a worker that lost its lease cannot finish the job even under the same id', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('same-id');
    const job = await queue.enqueue(kind, {});
    const [first] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    await db.query(`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1`, [job.id]);
    const [second] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    expect(await queue.fail(first!, 'stale', 0)).toBe(false);
    expect(await queue.complete(second!)).toBe(true);
  });

  it('retries a failed attempt later and parks the job after max attempts', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('flaky');
    const job = await queue.enqueue(kind, {}, { maxAttempts: 2 });

    const [attempt1] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    expect(await queue.fail(attempt1!, 'signature service down', 3_600_000)).toBe(true);
    expect(await queue.claim({ workerId: 'a', kinds: [kind], ...lease })).toEqual([]);
    expect(await queue.findById(job.id)).toMatchObject({
      lastError: 'signature service down',
      failedAt: undefined,
    });

    await db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [job.id]);
    const [attempt2] = await queue.claim({ workerId: 'a', kinds: [kind], ...lease });
    expect(await queue.fail(attempt2!, 'still down', 0)).toBe(true);
    expect((await queue.findById(job.id))?.failedAt).toBeInstanceOf(Date);
    expect(await queue.claim({ workerId: 'a', kinds: [kind], ...lease })).toEqual([]);
  });

  it('enqueues atomically with the surrounding transaction', async () => {
    const kind = kindFor('outbox');
    await db
      .transaction(async (tx) => {
        await createJobQueue(tx).enqueue(kind, {});
        throw new Error('intake rolled back');
      })
      .catch(() => undefined);
    expect(await createJobQueue(db).claim({ workerId: 'a', kinds: [kind], ...lease })).toEqual([]);
  });

  it('runDueJobs runs handlers, completing successes and rescheduling failures', async () => {
    const queue = createJobQueue(db);
    const ok = kindFor('ok');
    const broken = kindFor('broken');
    const okJob = await queue.enqueue(ok, { n: 1 });
    const brokenJob = await queue.enqueue(broken, {});
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    const ran = await runDueJobs({
      queue,
      workerId: 'w',
      leaseMs: 60_000,
      handlers: {
        [ok]: async (job) => {
          seen.push(job.payload);
        },
        [broken]: async () => {
          throw new Error('boom');
        },
      },
      retryDelayMs: () => 3_600_000,
      onJobError: (error) => errors.push(error),
    });
    expect(ran).toBe(2);
    expect(seen).toEqual([{ n: 1 }]);
    expect(errors).toHaveLength(1);
    expect((await queue.findById(okJob.id))?.doneAt).toBeInstanceOf(Date);
    expect(await queue.findById(brokenJob.id)).toMatchObject({
      doneAt: undefined,
      lastError: 'boom',
      attempts: 1,
    });
  });

  it('startWorker processes jobs in the background until stopped', async () => {
    const queue = createJobQueue(db);
    const kind = kindFor('background');
    const job = await queue.enqueue(kind, {});
    let resolveHandled: () => void = () => {};
    const handled = new Promise<void>((resolve) => {
      resolveHandled = resolve;
    });
    const worker = startWorker({
      queue,
      workerId: 'bg',
      leaseMs: 60_000,
      pollIntervalMs: 10,
      handlers: { [kind]: async () => resolveHandled() },
    });
    await handled;
    await worker.stop();
    // complete() runs right after the handler; stop() waits for the job in hand.
    expect((await queue.findById(job.id))?.doneAt).toBeInstanceOf(Date);
  });
});

describe('retry delay', () => {
  it('doubles from one second and stops growing at 15 minutes', () => {
    expect([1, 2, 3, 4].map(exponentialRetryDelay)).toEqual([1000, 2000, 4000, 8000]);
    expect(exponentialRetryDelay(30)).toBe(15 * 60 * 1000);
  });
});

describe.runIf(engines.includes('postgres'))('job queue shared by two postgres pools', () => {
  it('never hands the same job to two workers claiming concurrently (SKIP LOCKED)', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const [first, second] = await Promise.all([database.open(), database.open()]);
      await migrate(first!);
      const producer = createJobQueue(first!);
      const total = 200;
      for (let index = 0; index < total; index++) await producer.enqueue('race', { index });

      const drain = async (db: Database, workerId: string) => {
        const queue = createJobQueue(db);
        const ids: number[] = [];
        for (;;) {
          const batch = await queue.claim({ workerId, leaseMs: 60_000, kinds: ['race'], limit: 3 });
          if (batch.length === 0) return ids;
          ids.push(...batch.map((job) => job.id));
        }
      };
      const claimed = await Promise.all([
        drain(first!, 'w1'),
        drain(first!, 'w2'),
        drain(second!, 'w3'),
        drain(second!, 'w4'),
      ]);
      const all = claimed.flat();
      expect(all).toHaveLength(total);
      expect(new Set(all).size).toBe(total);
      // Every worker got some of the work, so the claims really were concurrent.
      expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    } finally {
      await database.drop();
    }
  });
});
