import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { makeSampleContracts } from '../../src/demo/sample-contracts.js';
import { type SandboxPki, startSandboxPki } from '../../src/demo/sandbox-pki.js';
import { cliPath } from '../support/run-cli.js';

const COUNT = 40;
const session = `hdld-tty-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

/** The ink progress view in a real terminal: tmux runs `hdld sync` and its screen is captured. */
describe.skipIf(!hasTmux)('hdld sync progress view in a terminal (tmux)', () => {
  let server: TestServer;
  let pki: SandboxPki;
  let dir: string;

  beforeAll(async () => {
    const work = await mkdtemp(join(tmpdir(), 'hdld-tty-'));
    dir = join(work, 'contracts');
    pki = await startSandboxPki(join(work, 'pki'));
    server = await startTestServer({}, { trust: pki.trust });
    const { identities } = await makeSampleContracts({
      dir,
      count: COUNT,
      pki: pki.pki,
      tsaUrl: pki.tsaUrl,
      provider: { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm' },
    });
    // One employee unknown to the registry: the view must list its error. The last one: the sandbox
    // seeds the employees of the first sample contracts itself.
    await server.platform.identity.register(identities.slice(0, -1));
  }, 300_000);
  afterAll(async () => {
    try {
      tmux('kill-session', '-t', session);
    } catch {}
    await server?.close();
    await pki?.close();
  });

  it('draws the bar, the counts, the throughput, the ETA and the latest errors', {
    timeout: 300_000,
  }, async () => {
    const env = [
      `HDLD_CONFIG_DIR=${dir}`,
      `HDLD_BASE_URL=${server.url}`,
      `HDLD_CLIENT_ID=${server.sandbox.clientId}`,
      `HDLD_CLIENT_SECRET=${server.sandbox.clientSecret}`,
      'TERM=xterm-256color',
    ];
    const command = `env -u CI ${env.join(' ')} ${process.execPath} ${cliPath} sync ${dir} --concurrency 4; echo EXIT=$?; sleep 600`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);
    let screen = '';
    const frames: string[] = [];
    for (let i = 0; i < 600 && !screen.includes('EXIT='); i++) {
      await new Promise((r) => setTimeout(r, 200));
      screen = tmux('capture-pane', '-p', '-t', session);
      frames.push(screen);
    }
    expect(screen).toContain('EXIT=5');
    expect(screen).toMatch(/█+░*\s+40\/40 \(100%\)/);
    expect(screen).toMatch(/succeeded 39\s+duplicate 0\s+failed 1/);
    expect(screen).toMatch(/\d+\.\d contracts\/s/);
    expect(screen).toContain('ETA 00:00');
    expect(screen).toContain('Latest errors');
    expect(screen).toContain('HD-DEMO-000040 IDENTITY_NOT_FOUND');
    // Redrawn in place: one progress bar on the final screen, not one per update.
    expect(screen.match(/\d+\/40 \(\d+%\)/g)).toHaveLength(1);
    // Then the one-line summary, after the view.
    expect(screen).toMatch(
      /succeeded 39, duplicate 0, failed 1, done before 0, interrupted 0; [\d.]+ contracts\/s; journal /,
    );
    // And where every contract of the journal stands.
    expect(screen).toContain(
      'In the journal now: with an ID 39, duplicate 0, failed 1, refused 0, unfinished 0',
    );
    // And it was seen moving.
    expect(frames.some((f) => /\d+\/40 \((?!100)\d+%\)/.test(f))).toBe(true);
  });
});
