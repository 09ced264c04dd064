import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClock, type PlatformClock } from '../../src/clock/platform-clock.js';
import {
  nextPeriod,
  periodEnd,
  periodOf,
  previousPeriod,
} from '../../src/provider-reports/reporting-period.js';
import { createStorage, type Storage } from '../../src/storage/index.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from '../../src/violations/thresholds.js';
import {
  startViolationScheduler,
  VIOLATION_REPORT_JOB,
  type ViolationScheduler,
} from '../../src/violations/violation-scheduler.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

/**
 * F38: the violations report on a month is made once on the 1st of the next month (Vietnam time)
 * by a durable job, whatever happens: several workers or processes, a restart between scheduling
 * and running, a missed month, concurrent on-demand runs. Each "process" here is its own Storage
 * (connection pool) and scheduler on the same database; PGlite, embedded, has one process.
 */
type Process = { storage: Storage; clock: PlatformClock; scheduler: ViolationScheduler };

describe.each(engines)('violations report scheduling on %s', (engine) => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  const running: Process[] = [];
  afterEach(async () => {
    while (running.length > 0) await stop(running.at(-1)!);
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    database = undefined;
    dataDir = undefined;
  });

  /**
   * PostgreSQL: one new database per test; PGlite: in memory, or in a data directory when a
   * restart must find the data (slower to create).
   */
  const open = async (persistent = false): Promise<Storage> => {
    if (engine === 'postgres') {
      database ??= await createTestDatabase('postgres');
      return createStorage({ databaseUrl: database.url });
    }
    if (!persistent) return createStorage();
    dataDir ??= await mkdtemp(join(tmpdir(), 'hdld-violations-'));
    return createStorage({ dataDir });
  };
  const start = async (storage?: Storage): Promise<Process> => {
    const s = storage ?? (await open());
    const clock = await createPlatformClock(s.sandboxClock, true, 100);
    const scheduler = await startViolationScheduler(
      { storage: s, clock, thresholds: DEFAULT_VIOLATION_THRESHOLDS },
      { pollIntervalMs: 100 },
    );
    const p = { storage: s, clock, scheduler };
    running.push(p);
    return p;
  };
  /** Stops a process; its storage closes with the last process using it. */
  async function stop(p: Process) {
    running.splice(running.indexOf(p), 1);
    await p.scheduler.stop();
    p.clock.stop();
    if (!running.some((other) => other.storage === p.storage)) await p.storage.close();
  }
  const addProvider = (storage: Storage, id: string) =>
    storage.providers.insert({
      id,
      name: `Provider ${id}`,
      clientId: id,
      contactEmail: `${id}@hdld.invalid`,
    });
  const jobs = async (storage: Storage) =>
    (
      await storage.db.query<{ period: string; done: boolean }>(
        `SELECT payload ->> 'period' AS period, done_at IS NOT NULL AS done FROM jobs WHERE kind = $1 ORDER BY id`,
        [VIOLATION_REPORT_JOB],
      )
    ).rows;
  const reports = async (storage: Storage, period: string) =>
    (
      await storage.db.query<{ version: number; generated_by: string }>(
        'SELECT version, generated_by FROM violation_reports WHERE period = $1 ORDER BY version',
        [period],
      )
    ).rows;
  /** Polls (bounded) until the month has a report and its job is done. */
  const waitForReport = async (storage: Storage, period: string) => {
    for (let i = 0; i < 300; i++) {
      const pending = (await jobs(storage)).some((j) => j.period === period && !j.done);
      if (!pending && (await reports(storage, period)).length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no violations report on ${period}`);
  };
  /** The sandbox offset that puts the Platform's clock a minute into the next month. */
  const offsetIntoNextMonth = (period: string) => periodEnd(period).getTime() + 60_000 - Date.now();

  it('keeps one job per month however many processes start, and runs it once on the 1st', async () => {
    const first = await start();
    await addProvider(first.storage, 'sched-a');
    const others = await Promise.all(
      engine === 'postgres' ? [start(), start()] : [start(first.storage), start(first.storage)],
    );
    const current = periodOf(first.clock.now());
    expect(await jobs(first.storage)).toEqual([{ period: current, done: false }]);

    await first.clock.setOffsetMs(offsetIntoNextMonth(current));
    await waitForReport(first.storage, current);
    // Every process saw the clock move and scheduled the next month, once.
    for (const p of others) await p.clock.refresh();
    await Promise.all([first, ...others].map((p) => p.scheduler.ensureScheduled()));
    expect(await reports(first.storage, current)).toEqual([{ version: 1, generated_by: 'scheduler' }]);
    expect(await jobs(first.storage)).toEqual([
      { period: current, done: true },
      { period: nextPeriod(current), done: false },
    ]);
  });

  it('runs the job a stopped process scheduled once another starts after the 1st', async () => {
    const before = await start(await open(true));
    await addProvider(before.storage, 'sched-b');
    const current = periodOf(before.clock.now());
    expect(await jobs(before.storage)).toEqual([{ period: current, done: false }]);
    await stop(before);

    // While no process runs, the 1st of the next month comes.
    const down = await open(true);
    await down.sandboxClock.setOffsetMs(offsetIntoNextMonth(current));
    await down.close();

    const after = await start(await open(true));
    await waitForReport(after.storage, current);
    expect(await reports(after.storage, current)).toEqual([{ version: 1, generated_by: 'scheduler' }]);
    expect((await jobs(after.storage)).filter((j) => j.period === current)).toEqual([
      { period: current, done: true },
    ]);
  });

  it('catches up the month before when its job was lost, but not before any provider existed', async () => {
    const storage = await open(true);
    const current = periodOf(new Date());
    // A fresh installation owes no report on the month before it existed.
    const fresh = await start(storage);
    expect((await jobs(storage)).map((j) => j.period)).toEqual([current]);
    await stop(fresh);

    const reopened = await open(true);
    await addProvider(reopened, 'sched-c');
    await reopened.sandboxClock.setOffsetMs(offsetIntoNextMonth(current));
    await reopened.db.query('DELETE FROM jobs WHERE kind = $1', [VIOLATION_REPORT_JOB]);
    await start(reopened);
    await waitForReport(reopened, current);
    expect(await reports(reopened, current)).toEqual([{ version: 1, generated_by: 'scheduler' }]);
    expect(await reports(reopened, previousPeriod(current))).toEqual([]);
  });

  it('makes one report when it is asked for concurrently, here and from another process', async () => {
    const a = await start();
    await addProvider(a.storage, 'sched-d');
    const b = engine === 'postgres' ? await start() : a;
    const period = previousPeriod(periodOf(a.clock.now()));
    const now = a.clock.now();
    const ask = (p: Process, regenerate = false) =>
      p.scheduler.generate({ period, regenerate, by: 'moha-operator-01', now });
    const results = await Promise.all([ask(a), ask(b), ask(a), ask(b)]);
    expect(new Set(results.map((r) => r.report.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // Regenerating concurrently adds one version, keeping the first.
    const again = await Promise.all([ask(a, true), ask(b, true)]);
    expect(new Set(again.map((r) => r.report.version))).toEqual(new Set([2]));
    expect((await reports(a.storage, period)).map((r) => r.version)).toEqual([1, 2]);
  });
});
