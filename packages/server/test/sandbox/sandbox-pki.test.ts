import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '@hdld/sdk/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config/server-config.js';
import { createPlatform } from '../../src/platform.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';
import { writeTrustDirectory } from '../support/server-process.js';

/**
 * S2.4, issue 13: the sandbox creates its own test PKI on first start, keeps it in the data directory,
 * loads the same one on restart and trusts it for ca, tsa and certification with no manual step.
 */
describe.each(engines)('sandbox PKI (%s)', (engine) => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  const config = () =>
    configFromEnv({
      HDLD_DATA_DIR: dataDir,
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'hdld-sandbox-pki-'));
    database = engine === 'postgres' ? await createTestDatabase('postgres') : undefined;
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is created once, kept private, reloaded on restart and trusted for every kind', async () => {
    const first = await createPlatform(config());
    await first.close();
    const file = join(dataDir, 'sandbox-pki.json');
    expect((await stat(file)).mode & 0o077).toBe(0);
    const second = await createPlatform(config());
    try {
      expect(second.sandboxPki).toEqual(first.sandboxPki);
      const pki = second.sandboxPki!;
      expect(second.trust).toEqual({ ca: [pki.root], tsa: [pki.root], certification: [pki.root] });
      expect(JSON.parse(await readFile(file, 'utf8')).root).toBe(pki.root);
      // The VN profile: organisations by MST, persons by CCCD/HC, each seeded in the stand-in registries.
      const employers = pki.parties.filter((p) => p.party === 'EMPLOYER');
      const employees = pki.parties.filter((p) => p.party === 'EMPLOYEE');
      expect(employers.length).toBeGreaterThan(0);
      expect(employees.length).toBeGreaterThan(0);
      for (const p of employers) {
        expect(p.uid).toMatch(/^MST:/);
        const taxCode = p.uid.slice(4);
        expect(await second.registries.business.findEnterprise(taxCode)).toMatchObject({ name: p.name });
      }
      for (const p of employees) {
        expect(p.uid).toMatch(/^(CCCD|CMND|HC):/);
        const number = p.uid.split(':')[1]!;
        expect(await second.identity.population.findPerson({ type: 'CCCD', number })).toMatchObject({
          fullName: p.name,
        });
      }
      // Every party's chain verifies to the root with openssl (a real PKI, not a mock).
      const root = join(dataDir, 'root.pem');
      await writeFile(join(dataDir, 'ca.pem'), pki.ca);
      const leaf = join(dataDir, 'leaf.pem');
      await writeFile(root, pki.root);
      for (const p of [...pki.parties, pki.provider, pki.tsa]) {
        await writeFile(leaf, p.certificate);
        const out = execFileSync(
          'openssl',
          ['verify', '-CAfile', root, '-untrusted', join(dataDir, 'ca.pem'), leaf],
          {
            input: '',
          },
        ).toString();
        expect(out).toMatch(/OK/);
      }
      const subject = execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'utf8'], {
        input: employers[0]!.certificate,
      }).toString();
      expect(subject).toContain(employers[0]!.uid);
    } finally {
      await second.close();
    }
  });

  it('is not made in production, which trusts only its folders', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const trustDir = await writeTrustDirectory(
      join(dataDir, 'production-trust'),
      (await createTestPki()).root.certificate,
    );
    const platform = await createPlatform({
      // Its own embedded database: the shared one keeps the sandbox's ID secret.
      ...configFromEnv({ HDLD_DATA_DIR: join(dataDir, 'production') }),
      mode: 'production',
      platformKey: await exportJWK(privateKey),
      idSecret: 'aGRsZCB0ZXN0IHNlY3JldCBvZiB0aGlydHktdHdvIGJ5dGVz',
      trustDir,
    });
    try {
      expect(platform.sandboxPki).toBeUndefined();
      expect(platform.trust.ca).toHaveLength(1);
      await expect(stat(join(dataDir, 'production', 'sandbox-pki.json'))).rejects.toThrow();
    } finally {
      await platform.close();
    }
  });
});
