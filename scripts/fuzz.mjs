#!/usr/bin/env node
// `pnpm fuzz`: the spec-driven API fuzzer (packages/server/test/fuzz, issue 15) at 100,000 cases
// instead of the 2,000 of every test run. HDLD_API_FUZZ_RUNS and HDLD_API_FUZZ_SEED override the
// count and the seed; HDLD_API_FUZZ_REPORT=<file> writes the figures (docs/fuzzing.md) there.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, HDLD_API_FUZZ_RUNS: process.env.HDLD_API_FUZZ_RUNS ?? '100000' };
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', 'packages/server/test/fuzz/api-fuzz.test.ts'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
