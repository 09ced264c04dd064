import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/validate', import.meta.url));

/**
 * Inputs a golden file cannot hold (issue 14, T9): a FIFO named like a contract is refused without
 * being opened (opening it would block forever), on the command line (exit 2) and in a folder
 * (skipped, the rest checked); a PDF over the Platform's 10 MiB limit gets FILE_TOO_LARGE unread.
 */
describe('hdld validate on special and oversized files (built CLI)', () => {
  let work: string;
  const env = () => ({ HDLD_CONFIG_DIR: work });
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hdld-validate-inputs-'));
    await mkdir(join(work, 'folder'));
    execFileSync('mkfifo', [join(work, 'folder', 'HD-FIFO-000001.pdf')]);
    await copyFile(
      join(fixtures, 'valid', 'HD-DEMO-000001.main-data.json'),
      join(work, 'folder', 'HD-DEMO-000001.main-data.json'),
    );
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('refuses a FIFO named on the command line with exit 2, naming it', async () => {
    const fifo = join(work, 'folder', 'HD-FIFO-000001.pdf');
    const result = await runCli(['validate', fifo], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: ${fifo}: not a regular file (a FIFO, socket or device): refused, not opened\n`,
    );
  });

  it('skips a FIFO in a folder and checks the other files', async () => {
    const result = await runCli(['validate', join(work, 'folder'), '--json'], env());
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, files: 1, skipped: 1 });
    expect(report.results.map((r: { kind: string }) => r.kind)).toEqual(['main-data', 'skipped']);
  });

  it('gives FILE_TOO_LARGE for a PDF over 10 MiB, as the Platform does at intake', async () => {
    const big = join(work, 'big.pdf');
    await writeFile(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    const result = await runCli(['validate', big, '--json', '--trust', join(fixtures, 'root.crt')], env());
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).results[0].findings.map((f: { code: string }) => f.code)).toEqual([
      'FILE_TOO_LARGE',
    ]);
  });
});
