/**
 * `pnpm start [-- args]`: runs the reference server (`node packages/server/dist/main.js args`) after
 * building (`build:js`: the code, not the type declarations, which the server does not run), in
 * dependency order, only the packages whose built code is missing or older than their sources (a
 * fresh clone builds once; later starts go straight to the server). A package is rebuilt
 * too when a workspace package it bundles or imports was, so the server never runs on stale code.
 * Plain Node on purpose: it must run before anything is built.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** What the server needs, dependencies first: [folder, workspace packages it uses]. */
const PACKAGES = [
  ['spec', []],
  ['sdk', ['spec']],
  ['server', ['spec', 'sdk']],
];
const SOURCE_FILES = ['package.json', 'tsup.config.ts', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Every file under dist/ that package.json points at (exports, bin), but type declarations. */
function builtFiles(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const found = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./dist/') && !/\.d\.c?ts$/.test(value)) found.add(join(dir, value));
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk([manifest.exports, manifest.bin]);
  return [...found];
}

/** Why `dir` must be built, or undefined when its dist/ is complete and newer than its sources. */
function staleness(dir) {
  const outputs = builtFiles(dir);
  const missing = outputs.find((file) => !existsSync(file));
  if (missing) return `${missing.slice(ROOT.length + 1)} is missing`;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = Math.max(
    newestMtime(join(dir, 'src')),
    ...SOURCE_FILES.map((f) => newestMtime(join(dir, f))),
  );
  return sources > built ? 'sources changed since the last build' : undefined;
}

const rebuilt = new Set();
for (const [name, uses] of PACKAGES) {
  const dir = join(ROOT, 'packages', name);
  const usedRebuilt = uses.find((used) => rebuilt.has(used));
  const why = usedRebuilt ? `@hdld/${usedRebuilt} was rebuilt` : staleness(dir);
  if (!why) continue;
  process.stderr.write(`pnpm start: building @hdld/${name} (${why})\n`);
  const build = spawnSync('pnpm', ['--filter', `@hdld/${name}`, 'build:js'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  rebuilt.add(name);
}

// pnpm passes a literal `--` through (`pnpm start -- --help`).
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();
const server = spawn(process.execPath, [join(ROOT, 'packages/server/dist/main.js'), ...args], {
  stdio: 'inherit',
});
// Ctrl-C reaches the server directly (same process group): forwarding it would be a second SIGINT.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 143 : 1)));
