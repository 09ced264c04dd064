/**
 * `pnpm check:package` (issue 5 packaging): packs @hdld/sdk as it would be published and lints the
 * tarball with publint (warnings count as errors) and @arethetypeswrong/cli (every entry point, for
 * node10, node16 from CJS and ESM, and bundlers). Exits non-zero on any problem. Run after
 * `pnpm build`; the packed-tarball smoke test (packages/sdk/test/packaging) installs and runs it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packSdk, run } from '../packages/sdk/test/packaging/pack-sdk.js';

const dir = await mkdtemp(join(tmpdir(), 'hdld-check-package-'));
let failed = false;
try {
  const tarball = await packSdk(dir);
  for (const [tool, args] of [
    ['publint', ['run', tarball, '--strict']],
    ['attw', [tarball, '--profile', 'strict', '--format', 'table-flipped']],
  ] as const) {
    const result = await run('pnpm', ['exec', tool, ...args]).catch(
      (error: { stdout?: string; stderr?: string }) => ({ ...error, failed: true }),
    );
    process.stdout.write(`--- ${tool}\n${result.stdout ?? ''}${result.stderr ?? ''}`);
    if ('failed' in result) failed = true;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('check:package: the packed @hdld/sdk has problems (see above)');
  process.exit(1);
}
