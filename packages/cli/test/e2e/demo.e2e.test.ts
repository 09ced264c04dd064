import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidContractId } from '@hdld/sdk';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** `hdld demo` as `pnpm demo` runs it: self-contained, every sample contract issued an ID. */
describe('hdld demo (built CLI)', () => {
  it('builds, signs, syncs and reconciles sample contracts, keeping everything with --out', {
    timeout: 300_000,
  }, async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'hdld-demo-test-')), 'demo');
    const result = await runCli(['demo', '--count', '5', '--out', out, '--json'], { HDLD_CONFIG_DIR: out });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ count: 5, issued: 5, failed: 0, mismatches: 0 });
    // The journal's figures equal the Platform's own reconciliation figures (F35).
    expect(summary.figures).toMatchObject({
      agree: true,
      differences: [],
      journal: { received: 5, succeeded: 5, failed: 0 },
      platform: { received: 5, succeeded: 5, failed: 0 },
    });
    for (const c of summary.contracts) expect(isValidContractId(c.contractId)).toBe(true);
    expect(new Set(summary.contracts.map((c: { contractId: string }) => c.contractId)).size).toBe(5);
    const files = await readdir(join(out, 'contracts'));
    expect(files.filter((f) => f.endsWith('.submission.json'))).toHaveLength(5);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(5);
    expect(await readdir(join(out, 'receipts'))).toHaveLength(5);
    expect((await stat(join(out, 'sync-journal.ndjson'))).size).toBeGreaterThan(0);
    expect(await readdir(join(out, 'pki'))).toContain('root.crt');
  });

  it('never prints the sandbox secret, even with --keep-server', { timeout: 300_000 }, async () => {
    const { spawn } = await import('node:child_process');
    const { cliPath } = await import('../support/run-cli.js');
    const out = await mkdtemp(join(tmpdir(), 'hdld-demo-keep-'));
    const child = spawn(process.execPath, [cliPath, 'demo', '--count', '2', '--out', out, '--keep-server'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HDLD_CONFIG_DIR: out },
    });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('HDLD_CLIENT_SECRET=') && !interrupted) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toMatch(/export HDLD_BASE_URL=http:\/\/127\.0\.0\.1:\d+ HDLD_CLIENT_ID=sandbox-provider/);
    const { clientSecret } = JSON.parse(
      await (await import('node:fs/promises')).readFile(
        join(out, 'platform', 'sandbox-provider.json'),
        'utf8',
      ),
    );
    expect(stderr).not.toContain(clientSecret);
  });
});
