import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDate, vietnamDay } from '../../src/reconcile/vietnam-time.js';
import { type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { expectGolden, normalize } from '../support/golden-text.js';
import { runCli } from '../support/run-cli.js';

const HOUR = 3_600_000;
/** The API calls logged depend on how often the sync polled: that figure is masked. */
const masked = (text: string) =>
  normalize(text).replace(/^((?:API calls logged|số lần gọi API được ghi nhận)\s+-\s+)\d+$/m, '$1n');

/**
 * `hdld reconcile --date D` over three journals (issue 14, F35): three folders synced while the
 * sandbox clock (S2.4) reads D 00:30, D 23:30 and D+1 00:30 in Vietnam. The day is the Vietnamese
 * one, [D 00:00, D+1 00:00) +07:00: the first two count, the third (17:30Z on D, still D in UTC)
 * does not. D lies a few days ahead, so every signature precedes the Platform's clock.
 */
describe('hdld reconcile --date over several journals (built CLI, real server, moved clock)', () => {
  let sandbox: CliSandbox;
  let day: string;
  const journals: string[] = [];

  beforeAll(async () => {
    sandbox = await startCliSandbox(3);
    day = vietnamDate(new Date(Date.now() + 72 * HOUR));
    const start = vietnamDay(day)!.from.getTime();
    const times = {
      'd-0030': start + 0.5 * HOUR,
      'd-2330': start + 23.5 * HOUR,
      'next-0030': start + 24.5 * HOUR,
    };
    for (const [index, [name, at]] of Object.entries(times).entries()) {
      const folder = join(sandbox.work, 'journals', name);
      await mkdir(folder, { recursive: true });
      const reference = sandbox.references[index]!;
      await copyFile(sandbox.submissionPath(reference), join(folder, `${reference}.submission.json`));
      await sandbox.server.platform.clock.setOffsetMs(at - Date.now());
      const sync = await runCli(['sync', folder, '--json', '--concurrency', '1'], sandbox.env);
      expect(sync.code, sync.stderr).toBe(0);
      journals.push(join(folder, '.hdld-sync.ndjson'));
    }
    await sandbox.server.platform.clock.setOffsetMs(start + 26 * HOUR - Date.now());
  }, 10 * 60_000);
  afterAll(async () => sandbox?.close());

  it('counts the Vietnamese day only: 00:30 and 23:30 in, 00:30 the next day out', async () => {
    const args = ['reconcile', '--date', day, ...journals.flatMap((j) => ['--journal', j])];
    const en = await runCli(args, sandbox.env);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout.split('\n')[0]).toBe('2 sent, 2 have an ID, 0 failed');
    expect(en.stdout).toContain(sandbox.references[0]);
    expect(en.stdout).toContain(sandbox.references[1]);
    expect(en.stdout).not.toContain(sandbox.references[2]);
    const next = vietnamDate(vietnamDay(day)!.to);
    expect(en.stderr).toContain(`${day}T00:00:00+07:00 → ${next}T00:00:00+07:00`);
    expectGolden('reconcile-day.en.txt', masked(en.stdout));

    const vi = await runCli([...args, '--lang', 'vi'], sandbox.env);
    expect(vi.stdout.split('\n')[0]).toBe('2 đã gửi, 2 đã có mã, 0 lỗi');
    expectGolden('reconcile-day.vi.txt', masked(vi.stdout));
  });

  it('reads a folder of journals as the same three, and --problems prints only the verdict', async () => {
    const folder = await runCli(
      ['reconcile', '--date', day, '--journal', join(sandbox.work, 'journals')],
      sandbox.env,
    );
    expect(folder.stdout.split('\n')[0]).toBe('2 sent, 2 have an ID, 0 failed');
    const problems = await runCli(
      ['reconcile', '--date', day, '--journal', join(sandbox.work, 'journals'), '--problems'],
      sandbox.env,
    );
    expect(problems).toMatchObject({ code: 0, stdout: '2 sent, 2 have an ID, 0 failed\n' });
  });

  it('takes the next day with the third contract only, and --since DAY alone is never reversed', async () => {
    const next = vietnamDate(vietnamDay(day)!.to);
    const later = await runCli(
      ['reconcile', '--date', next, '--journal', join(sandbox.work, 'journals')],
      sandbox.env,
    );
    expect(later.stdout.split('\n')[0]).toBe('1 sent, 1 have an ID, 0 failed');
    const since = await runCli(
      ['reconcile', '--since', next, '--journal', join(sandbox.work, 'journals')],
      sandbox.env,
    );
    expect(since.code, since.stderr).toBe(0);
    const bad = await runCli(['reconcile', '--since', 'yesterday', '--journal', journals[0]!], sandbox.env);
    expect(bad.code).toBe(2);
  });
});
