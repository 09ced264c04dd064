import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestPki, createTestTsa } from '@hdld/sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WORKFLOW = fileURLToPath(new URL('../.github/workflows/validate.yml', import.meta.url));
/** The CLI as the workflow installs it: the built bin of packages/cli (pnpm build). */
const CLI = fileURLToPath(new URL('../../../packages/cli/dist/main.js', import.meta.url));

/** The workflow's `run: hdld ...` steps, exactly as written. */
async function hdldSteps(): Promise<string[]> {
  const text = await readFile(WORKFLOW, 'utf8');
  return [...text.matchAll(/^\s*run: (hdld .+)$/gm)].map((match) => match[1]!);
}

/** Issue 13: the CI example's workflow runs its CLI commands on packages made like a provider's. */
describe('examples/ci-pipeline', () => {
  let work: string;
  let bin: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'hdld-ci-example-'));
    bin = join(work, '.bin');
    await mkdir(bin);
    await writeFile(join(bin, 'hdld'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    await chmod(join(bin, 'hdld'), 0o755);
    const pki = await createTestPki();
    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    await mkdir(join(work, 'out'));
    await mkdir(join(work, 'trust'));
    await writeFile(join(work, 'trust', 'sandbox-root.pem'), pki.root.certificatePem);
    const fonts = await loadContractFonts();
    for (const seed of [1, 2]) {
      const { submission } = await createSampleSubmission({ pki, tsa, fonts, seed });
      await writeFile(
        join(work, 'out', `${submission.providerReference}.submission.json`),
        JSON.stringify(submission),
      );
    }
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const run = (command: string) =>
    spawnSync('bash', ['-c', command], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, HDLD_LANG: 'en' },
    });

  it('passes valid packages and writes a JUnit report with one test each', async () => {
    const steps = await hdldSteps();
    expect(steps).toHaveLength(2);
    for (const step of steps) expect(run(step).status, step).toBe(0);
    const junit = await readFile(join(work, 'validate.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites name="hdld validate" tests="2" failures="0"/);
  });

  it('fails the job (exit 3) and reports the broken package in JUnit', async () => {
    const file = join(work, 'out', 'HD-BROKEN.submission.json');
    const [valid] = await readdir(join(work, 'out'));
    const broken = JSON.parse(await readFile(join(work, 'out', valid!), 'utf8')) as {
      providerReference: string;
      mainData: { employee: { dateOfBirth: string } };
    };
    broken.providerReference = 'HD-BROKEN';
    broken.mainData.employee.dateOfBirth = '2020-01-01';
    await writeFile(file, JSON.stringify(broken));
    const [annotations, junitStep] = await hdldSteps();
    const annotated = run(annotations!);
    expect(annotated.status).toBe(3);
    expect(annotated.stdout).toMatch(/::error/);
    expect(run(junitStep!).status).toBe(3);
    const junit = await readFile(join(work, 'validate.xml'), 'utf8');
    expect(junit).toMatch(/tests="3" failures="1"/);
    expect(junit).toContain('HD-BROKEN');
  });
});
