import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Prism-style golden files on the BUILT CLI, a black box: `test/golden/<case>/cmd` holds the
 * arguments (one line, shell quoting), `stdin` is optional, and `stdout`, `stderr`, `exit` are what
 * it must print and return. `UPDATE_GOLDEN=1` rewrites them from the current output.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'main.js');
const goldenDir = join(root, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Splits a command line the way a shell would for plain words and '…' or "…" quotes. */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Wall times change run to run: JUnit's time attributes are masked. */
const normalize = (text: string) => text.replace(/time="[0-9.]+"/g, 'time="X"');

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

describe('golden files (built CLI)', () => {
  const cases = readdirSync(goldenDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  it.each(cases)('%s', (name) => {
    const dir = join(goldenDir, name);
    const args = splitArgs(readFileSync(join(dir, 'cmd'), 'utf8').trim());
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: root,
      input: read(join(dir, 'stdin')) ?? '',
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HDLD_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'hdld-golden-')),
        NO_COLOR: '1',
        LANG: 'C.UTF-8',
        COLUMNS: '100',
      },
    });
    const actual = {
      stdout: normalize(result.stdout),
      stderr: normalize(result.stderr),
      exit: `${result.status}\n`,
    };
    for (const [file, text] of Object.entries(actual)) {
      if (update) writeFileSync(join(dir, file), text);
      else expect(text, `${name}/${file}`).toBe(read(join(dir, file)) ?? '');
    }
  });
});
