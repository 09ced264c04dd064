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

describe('hdld completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script that knows the nested commands', async (shell) => {
    const { term, output } = capture();
    expect(await runCli(['completion', shell], term, { env: {} })).toBe(0);
    expect(output()).toContain('contract');
    expect(output()).toMatch(/sign|"contract sign"/);
    expect(output()).toContain('retry-failed');
  });
});
