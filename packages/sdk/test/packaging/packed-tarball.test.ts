import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packSdk, run } from './pack-sdk.js';
import { smokeScript } from './smoke-script.js';

/**
 * Issue 5 packaging: the packed tarball, installed with npm from the registry (its dependencies
 * must all be published: @hdld/spec is bundled), works from a plain ESM project and a plain CJS
 * project, through every entry point. Uses the built dist (root `pnpm test` builds before vitest;
 * a missing dist is built here).
 */
const FORMATS = [
  { format: 'esm', type: 'module', file: 'smoke.mjs' },
  { format: 'cjs', type: 'commonjs', file: 'smoke.cjs' },
] as const;

let root: string;
let tarball: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hdld-sdk-smoke-'));
  tarball = await packSdk(root);
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('packed @hdld/sdk tarball (issue 5 packaging)', () => {
  // Concurrent: the two npm installs overlap.
  it.concurrent.each(FORMATS)(
    'installs into a fresh $format project and runs every entry point',
    async ({ format, type, file }) => {
      const project = join(root, format);
      await mkdir(project);
      await writeFile(
        join(project, 'package.json'),
        JSON.stringify({ name: `hdld-smoke-${format}`, private: true, type }),
      );
      await writeFile(join(project, file), smokeScript(format));
      // The npm cache answers when it can (CI machines share it); the registry otherwise.
      await run(
        'npm',
        [
          'install',
          tarball,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--loglevel=error',
        ],
        { cwd: project, timeout: 240_000 },
      );
      const { stdout } = await run(process.execPath, [file], { cwd: project, timeout: 120_000 });
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(result).toMatchObject({ format, indication: 'TOTAL_PASSED', requests: 7 });
    },
    300_000,
  );
});
