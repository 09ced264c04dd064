import { describe, expect, it } from 'vitest';
import type { Terminal } from '../../src/output/terminal.js';
import { allCommands, buildProgram } from '../../src/program.js';

const silent: Terminal = {
  out: () => {},
  err: () => {},
  write: () => {},
  color: false,
  interactive: false,
  stdin: process.stdin,
  stderr: process.stderr,
};

describe('help', () => {
  const { program } = buildProgram(silent, { env: {} });
  const commands = allCommands(program).filter((c) => c.name() !== 'help');

  it.each(commands.map((c) => [c.name(), c] as const))('`%s --help` ends with examples', (_name, command) => {
    let help = '';
    command.configureOutput({ writeOut: (s) => (help += s) });
    command.outputHelp();
    expect(help).toMatch(/Examples:\n {2}\$ .*hdld /);
  });
});
