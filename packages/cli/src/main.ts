import { ExitCode } from './exit-codes.js';
import { processTerminal } from './output/terminal.js';
import { runCli } from './program.js';

// Ctrl-C once: commands stop cleanly (the sync journal stays consistent) and exit 130.
// Twice: exit at once.
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(ExitCode.cancelled);
  controller.abort();
});

runCli(process.argv.slice(2), processTerminal(), { signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hdld: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = ExitCode.error;
  },
);
