import type { Command } from 'commander';

/** Every command ends its --help with runnable examples (gh's style). */
export function withExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
}
