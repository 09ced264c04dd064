import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/program.js';

function capture() {
  let out = '';
  const term = {
    out: (s: string) => (out += `${s}\n`),
    err: () => {},
    write: (s: string) => (out += s),
    color: false,
    interactive: false,
    stdin: process.stdin,
    stderr: process.stderr,
  };
  return { term, output: () => out };
}

async function script(shell: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { term, output } = capture();
  expect(await runCli(['completion', shell], term, { env })).toBe(0);
  return output();
}

const work = mkdtempSync(join(tmpdir(), 'hdld-completion-'));
writeFileSync(join(work, 'contracts.csv'), '');
writeFileSync(join(work, 'contracts.json'), '');

/**
 * Completes `words` (the last one being completed) with the generated bash script, as bash's
 * programmable completion would: COMP_WORDS/COMP_CWORD, then COMPREPLY. `hdld` itself is a shim
 * answering the profile names, so the script's call for them is exercised without a config file.
 */
function complete(bashScript: string, words: string[]): string[] {
  const file = join(work, 'hdld.bash');
  writeFileSync(file, bashScript);
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const run = spawnSync(
    'bash',
    [
      '-c',
      `hdld() { [[ "$*" == "completion --list-profiles" ]] && printf 'moha\\nsandbox\\n'; }
source '${file}'; cd '${work}'
COMP_WORDS=(hdld ${quoted}); COMP_CWORD=${words.length}; _hdld; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean).sort();
}

describe('hdld completion', () => {
  it.each(['bash', 'zsh', 'fish', 'powershell'])(
    'prints a %s script that knows the nested commands',
    async (shell) => {
      const text = await script(shell);
      expect(text).toContain('contract');
      expect(text).toMatch(/sign|"contract sign"/);
      expect(text).toContain('retry-failed');
      expect(text).toContain('awaiting-explanation');
      expect(text).toContain('--list-profiles');
    },
  );

  it('prints a bash script that bash parses (bash -n)', async () => {
    const file = join(work, 'syntax.bash');
    writeFileSync(file, await script('bash'));
    expect(spawnSync('bash', ['-n', file], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });

  it('completes commands, options, --status values of each command, profile names and files (compgen)', async () => {
    const bash = await script('bash');
    expect(complete(bash, ['oper'])).toEqual(['operator']);
    expect(complete(bash, ['operator', 'providers', ''])).toEqual([
      'disconnect',
      'list',
      'restore',
      'suspend',
    ]);
    expect(complete(bash, ['errors', 'list', '--st'])).toEqual(['--status']);
    expect(complete(bash, ['errors', 'list', '--status', 'a'])).toEqual(['approved', 'awaiting-explanation']);
    expect(complete(bash, ['operator', 'providers', 'list', '--status', ''])).toEqual([
      'active',
      'disconnected',
      'suspended',
    ]);
    expect(complete(bash, ['--profile', ''])).toEqual(['moha', 'sandbox']);
    // The profile's value is not a command: the path after it is still `operator`.
    expect(complete(bash, ['--profile', 'moha', 'operator', 'ex'])).toEqual(['explanations']);
    expect(complete(bash, ['--lang', ''])).toEqual(['en', 'vi']);
    expect(complete(bash, ['reconcile', '--journal', 'contracts.'])).toEqual([
      'contracts.csv',
      'contracts.json',
    ]);
    expect(complete(bash, ['contract', 'build', 'contracts.c'])).toEqual(['contracts.csv']);
  });

  it('lists the profile names for the scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hdld-completion-profiles-'));
    const env = { HDLD_CONFIG_DIR: dir };
    for (const name of ['sandbox', 'moha']) {
      const { term } = capture();
      expect(
        await runCli(['profile', 'add', name, '--base-url', 'http://127.0.0.1:8080'], term, { env }),
      ).toBe(0);
    }
    const { term, output } = capture();
    expect(await runCli(['completion', '--list-profiles'], term, { env })).toBe(0);
    expect(output()).toBe('moha\nsandbox\n');
  });
});
