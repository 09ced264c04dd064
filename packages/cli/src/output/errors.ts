import type { Lang } from '@hdld/spec';
import { UnknownProfileError } from '../config/connection.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import type { Terminal } from './terminal.js';

/** A mistake the user can fix from the command line (exit code 2). */
export class UsageError extends Error {}

/**
 * Ends a command with a documented exit code after its output was printed (validation failed,
 * partial batch failure, cancelled). The message, if any, goes to stderr.
 */
export class ExitError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message = '',
  ) {
    super(message);
  }
}

export type ErrorScope = { lang: Lang; json: boolean; profileName?: string };

/**
 * Prints an error readably on stderr (or as JSON with --json) and returns the exit code. The SDK is
 * loaded only here, on the error path, so start-up never pays for it.
 */
export async function reportError(error: unknown, term: Terminal, scope: ErrorScope): Promise<ExitCode> {
  const { HdldAuthError, HdldError } = await import('@hdld/sdk');
  const { lang } = scope;
  // Every error names the profile in use, so a wrong environment is obvious.
  const profileLine = scope.profileName ? [`  ${t(lang, 'error.profile')}: ${scope.profileName}`] : [];
  if (error instanceof ExitError) {
    if (error.message) term.err(error.message);
    return error.exitCode;
  }
  if (error instanceof UnknownProfileError) {
    term.err(`${t(lang, 'error.prefix')}: ${t(lang, 'error.unknownProfile')}: ${error.message}`);
    return ExitCode.usage;
  }
  if (error instanceof UsageError) {
    term.err([`${t(lang, 'error.prefix')}: ${error.message}`, ...profileLine].join('\n'));
    return ExitCode.usage;
  }
  if (error instanceof HdldError) {
    if (scope.json) {
      const { status, code, title, detail, errors, requestId } = error;
      term.out(
        JSON.stringify(
          { status, code, title, detail, errors, requestId, profile: scope.profileName },
          null,
          2,
        ),
      );
    }
    const code = error.code ? ` (${error.code})` : '';
    const lines = [`${t(lang, 'error.prefix')}: ${error.title}${code}`];
    if (error.detail) lines.push(`  ${error.detail}`);
    for (const item of error.errors) lines.push(`  - ${item.pointer ?? ''} ${item.detail}`.trimEnd());
    if (error.requestId) lines.push(`  ${t(lang, 'error.requestId')}: ${error.requestId}`);
    term.err([...lines, ...profileLine].join('\n'));
    if (error instanceof HdldAuthError) return ExitCode.auth;
    // Any other 4xx (400, 404, 409, 422...) is the Platform refusing the request: exit 3 (README).
    // 429 is not a refusal of the request but of its timing: a retryable error, exit 1.
    if (error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
      return ExitCode.validationFailed;
    }
    return ExitCode.error;
  }
  const message = error instanceof Error ? error.message : String(error);
  term.err([`${t(lang, 'error.prefix')}: ${message}`, ...profileLine].join('\n'));
  return ExitCode.error;
}
