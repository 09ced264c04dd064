import { runCli } from './program.js';
import { processTerminal } from './output/terminal.js';

runCli(process.argv.slice(2), processTerminal()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hdld: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
