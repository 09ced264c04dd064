import { ExitCode } from './exit-codes.js';
import { processTerminal } from './output/terminal.js';
import { runCli } from './program.js';

/**
 * Ctrl-C once: commands stop cleanly (the sync journal stays consistent) and exit 130. A second
 * Ctrl-C exits at once. conf's file writer (atomically → when-exit) re-raises the SIGINT it
 * catches a few milliseconds later: a repeat that close is that echo, not the user pressing again.
 */
const ECHO_MS = 500;
const controller = new AbortController();
let firstAt = 0;
process.on('SIGINT', () => {
  if (!controller.signal.aborted) {
    firstAt = Date.now();
    controller.abort();
  } else if (Date.now() - firstAt > ECHO_MS) process.exit(ExitCode.cancelled);
});

// A reader that closed the pipe (`hdld ... | head`) has all it wanted: end quietly, not with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? ExitCode.ok);
  });
}

runCli(process.argv.slice(2), processTerminal(), { signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hdld: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = ExitCode.error;
  },
);
