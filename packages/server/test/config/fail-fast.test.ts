import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki } from '@hdld/sdk/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, EX_CONFIG } from '../../src/config/config-error.js';
import { configFromEnv } from '../../src/config/server-config.js';
import { ALL_SETTINGS } from '../../src/config/settings.js';
import { createPlatform } from '../../src/platform.js';
import { createTestDatabase, engines } from '../support/databases.js';
import { createRegistryCerts, type RegistryCerts } from '../support/registry-stand-in.js';
import { writeTrustDirectory } from '../support/server-process.js';

/**
 * Issue 13: every misconfiguration stops `hdld-server` at start with one line naming the setting and
 * exit 78 (EX_CONFIG), instead of a server that fails later (submissions RECEIVED forever, every token
 * request a 500, IDs from another permutation).
 */
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const GOOD_SECRET = 'aGRsZCB0ZXN0IHNlY3JldCBvZiB0aGlydHktdHdvIGJ5dGVz';
const OTHER_SECRET = 'b3RoZXIgdGVzdCBzZWNyZXQgb2YgdGhpcnR5LXR3byBieXRlcw';

type Run = { code: number | null; stdout: string; stderr: string };

/** The server's entry point in its own process, with only the given settings. */
function runServer(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('HDLD_') && name !== 'DATABASE_URL' && name !== 'PORT',
    ),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@hdld/source', '--import', 'tsx', MAIN, ...args],
      { env: { ...inherited, PORT: '0', HDLD_LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function expectOneLine(run: Run, setting: string, reason: RegExp): void {
  expect(run.code, run.stderr).toBe(EX_CONFIG);
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.startsWith(`hdld-server: ${setting}`)).toBe(true);
  expect(lines[0]).toMatch(reason);
  // Both languages, on the one line.
  expect(lines[0]).toContain(' / ');
}

let root: string;
let trustDir: string;
let p256: string;
let p384: string;
let registryCerts: RegistryCerts;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hdld-fail-fast-'));
  const pki = await createTestPki();
  trustDir = await writeTrustDirectory(join(root, 'trust'), pki.root.certificate);
  registryCerts = await createRegistryCerts();
  p256 = JSON.stringify(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey));
  p384 = JSON.stringify(await exportJWK((await generateKeyPair('ES384', { extractable: true })).privateKey));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const production = () => ({
  HDLD_MODE: 'production',
  HDLD_POPULATION_REGISTRY_URL: 'https://population.registry.invalid/api',
  HDLD_BUSINESS_REGISTRY_URL: 'https://business.registry.invalid/api',
  HDLD_REGISTRY_TLS_CERT: registryCerts.certFile,
  HDLD_REGISTRY_TLS_KEY: registryCerts.keyFile,
  HDLD_REGISTRY_TLS_CA: registryCerts.caFile,
  HDLD_DATA_DIR: join(root, `production-${Math.random().toString(36).slice(2)}`),
  HDLD_TRUST_DIR: trustDir,
  HDLD_ID_SECRET: GOOD_SECRET,
  HDLD_PLATFORM_KEY: p256,
});

describe.concurrent('hdld-server refuses to start on a misconfiguration (one line, exit 78)', () => {
  it('an unparsable number', async () => {
    expectOneLine(
      await runServer({ HDLD_PIPELINE_CONCURRENCY: 'abc' }),
      'HDLD_PIPELINE_CONCURRENCY="abc"',
      /must be a whole number from 1 to 256 \/ phải là số nguyên từ 1 đến 256$/,
    );
  });

  it('a port out of range', async () => {
    expectOneLine(await runServer({ PORT: '70000' }), 'PORT="70000"', /from 0 to 65535/);
  });

  it('an unknown log level', async () => {
    expectOneLine(
      await runServer({ HDLD_LOG_LEVEL: 'verbose' }),
      'HDLD_LOG_LEVEL="verbose"',
      /one of fatal, error/,
    );
  });

  it('an unknown mode', async () => {
    expectOneLine(await runServer({ HDLD_MODE: 'prod' }), 'HDLD_MODE="prod"', /one of sandbox, production/);
  });

  it('an SMTP URL that does not parse (its value, which may hold a password, is not echoed)', async () => {
    const run = await runServer({ HDLD_SMTP_URL: 'smtp://user:secret@mail example:25' });
    expectOneLine(run, 'HDLD_SMTP_URL:', /is not a URL/);
    expect(run.stderr).not.toContain('secret');
  });

  it('a database URL that is not PostgreSQL', async () => {
    const run = await runServer({ DATABASE_URL: 'mysql://root:hunter2@db/hdld' });
    expectOneLine(run, 'DATABASE_URL:', /must be a URL starting with postgres:\/\/, postgresql:\/\//);
    expect(run.stderr).not.toContain('hunter2');
  });

  it('an ID secret under 32 bytes', async () => {
    const run = await runServer({ HDLD_ID_SECRET: 'x' });
    expectOneLine(run, 'HDLD_ID_SECRET:', /must be at least 32 bytes \(got 1\)/);
  });

  it('a symmetric signing key', async () => {
    const run = await runServer({ HDLD_PLATFORM_KEY: '{"kty":"oct","k":"c2VjcmV0"}' });
    expectOneLine(run, 'HDLD_PLATFORM_KEY:', /must be an EC P-256 private JWK .*got kty oct/);
    expect(run.stderr).not.toContain('c2VjcmV0');
  });

  it('a signing key on another curve', async () => {
    expectOneLine(
      await runServer({ HDLD_PLATFORM_KEY: p384 }),
      'HDLD_PLATFORM_KEY:',
      /got kty EC, crv P-384/,
    );
  });

  it('a public key where the private signing key belongs', async () => {
    const { d: _private, ...publicPart } = JSON.parse(p256) as Record<string, string>;
    const run = await runServer({ HDLD_PLATFORM_KEY: JSON.stringify(publicPart) });
    expectOneLine(run, 'HDLD_PLATFORM_KEY:', /crv P-256, no d/);
  });

  it('a P-256 key whose numbers are not a key', async () => {
    const broken = { ...(JSON.parse(p256) as Record<string, string>), x: 'AAAA' };
    const run = await runServer({ ...production(), HDLD_PLATFORM_KEY: JSON.stringify(broken) });
    expectOneLine(run, 'HDLD_PLATFORM_KEY:', /is not a usable EC P-256 private key/);
  });

  it('production without a signing key (never generated there)', async () => {
    const { HDLD_PLATFORM_KEY: _key, ...env } = production();
    expectOneLine(await runServer(env), 'HDLD_PLATFORM_KEY:', /is required in production/);
  });

  it('production without an ID secret (never generated there)', async () => {
    const { HDLD_ID_SECRET: _secret, ...env } = production();
    expectOneLine(await runServer(env), 'HDLD_ID_SECRET:', /is required in production/);
  });

  it('production without the identity registries, or over plain http, or with a key that is not the certificate’s', async () => {
    const { HDLD_BUSINESS_REGISTRY_URL: _url, ...env } = production();
    expectOneLine(await runServer(env), 'HDLD_BUSINESS_REGISTRY_URL:', /is required in production/);
    expectOneLine(
      await runServer({
        ...production(),
        HDLD_POPULATION_REGISTRY_URL: 'http://population.registry.invalid',
      }),
      'HDLD_POPULATION_REGISTRY_URL:',
      /must be an https:\/\/ URL in production/,
    );
    expectOneLine(
      await runServer({ ...production(), HDLD_REGISTRY_TLS_KEY: join(registryCerts.dir, 'server.key') }),
      'HDLD_REGISTRY_TLS_CERT:',
      /do not make a TLS client identity/,
    );
  });

  it('production with a missing trust folder', async () => {
    const run = await runServer({ ...production(), HDLD_TRUST_DIR: join(root, 'no-such-trust') });
    expectOneLine(run, 'HDLD_TRUST_DIR:', /no-such-trust\/ca is missing or holds no certificate/);
  });

  it('production with an empty trust folder', async () => {
    const partial = join(root, 'partial-trust');
    await writeTrustDirectory(partial, (await createTestPki()).root.certificate);
    await rm(join(partial, 'tsa'), { recursive: true });
    await mkdir(join(partial, 'tsa'));
    const run = await runServer({ ...production(), HDLD_TRUST_DIR: partial });
    expectOneLine(run, 'HDLD_TRUST_DIR:', /partial-trust\/tsa is missing or holds no certificate/);
  });

  it('an unknown argument is a usage error, and --help lists every setting', async () => {
    const unknown = await runServer({}, ['--port', '1']);
    expect(unknown.code).toBe(64);
    const help = await runServer({ HDLD_PIPELINE_CONCURRENCY: 'abc' }, ['--help']);
    expect(help.code).toBe(0);
    for (const { name } of ALL_SETTINGS) expect(help.stdout).toContain(`\n  ${name}`);
  });
});

describe.each(engines)('the ID secret a database was started with (%s)', (engine) => {
  it('is required again on every later start, and a production configuration that is complete starts', async () => {
    const database = await createTestDatabase(engine);
    const dataDir = await mkdtemp(join(root, `${engine}-`));
    const env = {
      ...production(),
      HDLD_DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    try {
      const first = await createPlatform(configFromEnv(env));
      await first.close();
      const again = await createPlatform(configFromEnv(env));
      await again.close();
      const refused = createPlatform(configFromEnv({ ...env, HDLD_ID_SECRET: OTHER_SECRET }));
      await expect(refused).rejects.toThrow(ConfigError);
      await expect(refused).rejects.toThrow(
        /^HDLD_ID_SECRET: differs from the secret this database was started with/,
      );
      if (engine === 'pglite') {
        // And the entry point says so in one line with EX_CONFIG.
        const run = await runServer({ ...env, HDLD_ID_SECRET: OTHER_SECRET });
        expectOneLine(run, 'HDLD_ID_SECRET:', /differs from the secret this database was started with/);
      }
    } finally {
      await database.drop();
    }
  });
});
