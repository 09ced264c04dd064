import type { Command } from 'commander';
import type { Context } from '../context.js';
import type { DemoFlags } from '../demo/run-demo.js';
import { withExamples } from './help.js';

/** `hdld demo` (S2.4): the run itself is loaded only when the command runs (it starts a Platform). */
export function registerDemoCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('demo')
      .description(
        'run the end-to-end demo: local Platform, test PKI and TSA, sample contracts built, signed, synced and reconciled',
      )
      .option('--count <n>', 'number of sample contracts', (v) => Number.parseInt(v, 10), 20)
      .option(
        '--out <dir>',
        'keep everything here (PKI, PDFs, submissions, journal, receipts); default a temporary folder',
      )
      .option('--concurrency <n>', 'parallel submissions', (v) => Number.parseInt(v, 10), 8)
      .option('--keep-server', 'leave the Platform running after the demo (Ctrl-C stops it)'),
    ['hdld demo', 'hdld demo --count 100 --out ./demo', 'hdld demo --out ./demo --keep-server'],
  ).action(async (flags: DemoFlags) => {
    const { runDemo } = await import('../demo/run-demo.js');
    await runDemo(ctx, flags);
  });
}
