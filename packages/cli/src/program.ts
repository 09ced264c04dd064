import { createHdldClient } from '@hdld/sdk';
import { Command, CommanderError } from 'commander';
import { statusCommand } from './commands/status.js';
import { type ConnectionFlags, resolveConnection } from './config/connection.js';
import { ExitCode } from './exit-codes.js';
import { resolveLang, t } from './i18n/messages.js';
import { UsageError, reportError } from './output/errors.js';
import type { Terminal } from './output/terminal.js';

type GlobalFlags = ConnectionFlags & { json?: boolean; lang?: string };

const EXIT_CODES_HELP = `
Exit codes:
  0 ok, 1 error, 2 usage, 3 validation failed, 4 authentication, 5 partial batch failure, 130 cancelled`;

export async function runCli(argv: string[], term: Terminal): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('hdld')
    .description("Build, sign, validate, sync and reconcile labor contracts with Vietnam's Electronic Labor Contract Platform")
    .option('--base-url <url>', 'Platform base URL (env HDLD_BASE_URL)')
    .option('--client-id <id>', 'provider client id (env HDLD_CLIENT_ID)')
    .option('--client-secret <secret>', 'client secret, sandbox only (env HDLD_CLIENT_SECRET)')
    .option('--key-file <file>', 'PEM private key for private_key_jwt (env HDLD_KEY_FILE)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--lang <lang>', 'language of messages: en or vi (default from LANG)')
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput({ writeOut: (s) => term.out(s.trimEnd()), writeErr: (s) => term.err(s.trimEnd()) })
    .exitOverride();

  const globals = () => program.opts<GlobalFlags>();
  const lang = () => resolveLang(globals().lang);
  const client = async () => {
    const connection = await resolveConnection(globals());
    if (!connection.baseUrl) throw new UsageError(t(lang(), 'error.missingBaseUrl'));
    if (!connection.credentials) throw new UsageError(t(lang(), 'error.missingCredentials'));
    return createHdldClient({ baseUrl: connection.baseUrl, credentials: connection.credentials, lang: lang() });
  };

  program
    .command('status')
    .description('show the status and outcome of a submitted transaction')
    .argument('<transaction-id>', 'transaction id from the submission acknowledgement')
    .addHelpText(
      'after',
      `
Examples:
  $ hdld status 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e
  $ hdld status 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e --json | jq .contractId`,
    )
    .action(async (id: string) => {
      await statusCommand(await client(), id, { json: Boolean(globals().json), lang: lang(), term });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    } else {
      exitCode = reportError(error, term, lang(), Boolean(globals().json));
    }
  }
  return exitCode;
}
