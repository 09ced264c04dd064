import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerApiCommand } from './commands/api.js';
import { registerAuthCommands } from './commands/auth.js';
import { registerCompletionCommand } from './commands/completion.js';
import { registerContractCommands } from './commands/contract.js';
import { registerContractsCommands } from './commands/contracts.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerErrorsCommands } from './commands/errors.js';
import { registerOperatorCommands } from './commands/operator.js';
import { registerProfileCommands } from './commands/profile.js';
import { registerReconcileCommand } from './commands/reconcile.js';
import { registerReportCommands } from './commands/report.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerValidateCommand } from './commands/validate.js';
import { createContext, type GlobalFlags } from './context.js';
import { ExitCode } from './exit-codes.js';
import { isLang, t } from './i18n/messages.js';
import { ExitError, reportError } from './output/errors.js';
import type { Terminal } from './output/terminal.js';

const FOOTER = `
Environment:
  HDLD_PROFILE, HDLD_BASE_URL, HDLD_CLIENT_ID, HDLD_CLIENT_SECRET, HDLD_KEY_FILE  connection (flag > environment > profile)
  HDLD_CONFIG_DIR  folder of the profile file; NO_COLOR disables colour; LANG=vi_VN* or --lang vi for Vietnamese

Exit codes:
  0 ok, 1 error, 2 usage, 3 validation failed, 4 authentication, 5 partial batch failure, 130 cancelled`;

/** Read once from the package's own package.json (beside dist/ and src/ alike). */
export const cliVersion: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

export type RunOptions = { env?: NodeJS.ProcessEnv; signal?: AbortSignal };

export function buildProgram(
  term: Terminal,
  options: RunOptions = {},
): { program: Command; context: ReturnType<typeof createContext> } {
  const env = options.env ?? process.env;
  const program = new Command('hdld')
    .description(
      "Build, sign, validate, sync and reconcile labor contracts with Vietnam's Electronic Labor Contract Platform",
    )
    .option('--profile <name>', 'profile to use (env HDLD_PROFILE; default: the current profile)')
    .option('--base-url <url>', 'Platform base URL (env HDLD_BASE_URL)')
    .option('--client-id <id>', 'provider client id (env HDLD_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret, sandbox only (env HDLD_CLIENT_SECRET)')
    .option('--key-file <file>', 'PEM private key for private_key_jwt (env HDLD_KEY_FILE)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--lang <lang>', 'language of messages: en or vi (default from LANG)')
    .option('-y, --yes', 'confirm writes against a production profile')
    .version(cliVersion, '-V, --version', 'print the version of hdld')
    .addHelpText('after', FOOTER)
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => term.write(s), writeErr: (s) => term.err(s.trimEnd()) })
    .exitOverride();
  const context = createContext(
    term,
    env,
    () => program.opts<GlobalFlags>(),
    options.signal ?? new AbortController().signal,
  );
  registerContractCommands(program, context);
  registerValidateCommand(program, context);
  registerSyncCommand(program, context);
  registerReconcileCommand(program, context);
  registerErrorsCommands(program, context);
  registerStatusCommand(program, context);
  registerContractsCommands(program, context);
  registerReportCommands(program, context);
  registerOperatorCommands(program, context);
  registerApiCommand(program, context);
  registerProfileCommands(program, context);
  registerAuthCommands(program, context);
  registerDoctorCommand(program, context);
  registerDemoCommand(program, context);
  registerCompletionCommand(program, context);
  // Subcommands inherit the exit override and output routing.
  for (const command of allCommands(program)) {
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => term.write(s), writeErr: (s) => term.err(s.trimEnd()) });
  }
  return { program, context };
}

export function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}

export async function runCli(argv: string[], term: Terminal, options: RunOptions = {}): Promise<number> {
  const { program, context } = buildProgram(term, options);
  const lang = langFlag(argv);
  if (lang !== undefined && !isLang(lang)) {
    // Refused before parsing: a misspelt language must not silently fall back to English.
    term.err(
      `${t('vi', 'error.prefix')}: ${t('vi', 'error.badLang')} / ${t('en', 'error.badLang')}: ${lang}`,
    );
    return ExitCode.usage;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; everything else commander refuses is a usage error.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (context.signal.aborted && !(error instanceof ExitError)) return ExitCode.cancelled;
    return reportError(error, term, {
      lang: context.lang,
      json: context.json,
      profileName: context.profileName(),
    });
  }
}

/** The value of `--lang X` or `--lang=X`, wherever it stands (a global option). */
function langFlag(argv: string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
