import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { runCli } from '../support/run-cli.js';

describe('profiles, login and whoami (built CLI)', () => {
  let server: TestServer;
  let configDir: string;
  const hdld = (args: string[], env: Record<string, string> = {}, stdin = '') =>
    runCli(args, { HDLD_CONFIG_DIR: configDir, ...env }, stdin);

  beforeAll(async () => {
    server = await startTestServer();
    configDir = await mkdtemp(join(tmpdir(), 'hdld-config-'));
  });
  afterAll(async () => server?.close());

  it('logs in with a secret from stdin, stores it in a 0600 file and never prints it', async () => {
    const login = await hdld(
      [
        'login',
        '--profile',
        'sandbox',
        '--base-url',
        server.url,
        '--client-id',
        server.sandbox.clientId,
        '--with-secret-stdin',
      ],
      {},
      `${server.sandbox.clientSecret}\n`,
    );
    expect(login.code).toBe(0);
    expect(login.stderr).toContain('Logged in: sandbox-provider');
    const file = join(configDir, 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain(server.sandbox.clientSecret);

    const list = await hdld(['profile', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      {
        name: 'sandbox',
        current: true,
        baseUrl: server.url,
        clientId: 'sandbox-provider',
        production: false,
        hasClientSecret: true,
      },
    ]);
    const whoami = await hdld(['whoami', '--json']);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      profile: 'sandbox',
      baseUrl: server.url,
      authMethod: 'client_secret',
      authenticated: true,
    });
    for (const output of [login, list, whoami])
      expect(output.stdout + output.stderr).not.toContain(server.sandbox.clientSecret);
  });

  it('lets a flag beat the environment and the environment beat the profile, naming the profile in errors', async () => {
    const wrongEnv = await hdld(['whoami'], { HDLD_CLIENT_SECRET: 'wrong' });
    expect(wrongEnv.code).toBe(4);
    expect(wrongEnv.stderr).toContain('CLIENT_AUTH_FAILED');
    expect(wrongEnv.stderr).toContain('profile: sandbox');
    const flagWins = await hdld(['whoami', '--client-secret', server.sandbox.clientSecret], {
      HDLD_CLIENT_SECRET: 'wrong',
    });
    expect(flagWins.code).toBe(0);
  });

  it('refuses writes against a production profile without --yes when not on a terminal', async () => {
    await hdld(['profile', 'add', 'prod', '--base-url', server.url, '--client-id', 'x', '--production']);
    const sync = await hdld(['--profile', 'prod', 'sync', join(configDir)]);
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain('pass --yes');
    expect(sync.stderr).toContain('profile: prod');
  });

  it('doctor checks connectivity, clock, credentials, certificates and trust anchors', async () => {
    const certificate = join(configDir, 'root.crt');
    const { createTestPki } = await import('@hdld/sdk/testing');
    const pki = await createTestPki();
    await (await import('node:fs/promises')).writeFile(certificate, pki.rootPem);
    const doctor = await hdld([
      '--profile',
      'sandbox',
      'doctor',
      '--json',
      '--cert',
      certificate,
      '--trust',
      certificate,
    ]);
    expect(doctor.code).toBe(0);
    const { checks } = JSON.parse(doctor.stdout) as { checks: { name: string; status: string }[] };
    expect(Object.fromEntries(checks.map((c) => [c.name, c.status]))).toEqual({
      profile: 'ok',
      connectivity: 'ok',
      clock: 'ok',
      authentication: 'ok',
      [`certificate ${certificate}`]: 'ok',
      'trust anchors': 'ok',
    });
    const broken = await hdld(['--profile', 'sandbox', 'doctor', '--base-url', 'http://127.0.0.1:9']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/✗ connectivity: http:\/\/127\.0\.0\.1:9/);
  });

  it('switches and removes profiles', async () => {
    expect((await hdld(['profile', 'use', 'prod'])).code).toBe(0);
    expect(
      JSON.parse((await hdld(['profile', 'list', '--json'])).stdout).find(
        (p: { current: boolean }) => p.current,
      ).name,
    ).toBe('prod');
    expect((await hdld(['profile', 'remove', 'prod'])).code).toBe(0);
    expect((await hdld(['profile', 'use', 'prod'])).code).toBe(2);
  });
});
