import { createInterface } from 'node:readline/promises';
import type { HdldClient } from '@hdld/sdk';
import type { Lang } from '@hdld/spec';
import { type Connection, type ConnectionFlags, resolveConnection } from './config/connection.js';
import { openProfileStore, type ProfileStore } from './config/profiles.js';
import { ExitCode } from './exit-codes.js';
import { resolveLang, t } from './i18n/messages.js';
import { ExitError, UsageError } from './output/errors.js';
import type { Terminal } from './output/terminal.js';

export type GlobalFlags = ConnectionFlags & { json?: boolean; lang?: string; yes?: boolean };

/**
 * What every command gets: the terminal, the language, the connection (resolved on first use, so
 * offline commands never touch the config file) and the Ctrl-C signal.
 */
export type Context = {
  term: Terminal;
  env: NodeJS.ProcessEnv;
  readonly lang: Lang;
  readonly json: boolean;
  readonly flags: GlobalFlags;
  signal: AbortSignal;
  profiles(): Promise<ProfileStore>;
  connection(): Promise<Connection>;
  client(): Promise<HdldClient>;
  /** Refuses a write against a production profile unless --yes was given or the user confirms. */
  confirmWrite(what: string): Promise<void>;
  /** The profile resolved so far, for error messages. */
  profileName(): string | undefined;
};

export function createContext(
  term: Terminal,
  env: NodeJS.ProcessEnv,
  flags: () => GlobalFlags,
  signal: AbortSignal,
): Context {
  let store: Promise<ProfileStore> | undefined;
  let resolved: Promise<Connection> | undefined;
  let profileName: string | undefined;
  const context: Context = {
    term,
    env,
    signal,
    get lang() {
      return resolveLang(flags().lang, env);
    },
    get json() {
      return Boolean(flags().json);
    },
    get flags() {
      return flags();
    },
    profiles() {
      store ??= openProfileStore(env);
      return store;
    },
    connection() {
      resolved ??= resolveConnection(flags(), env, () => context.profiles()).then((c) => {
        profileName = c.profileName;
        return c;
      });
      return resolved;
    },
    async client() {
      const connection = await context.connection();
      const lang = context.lang;
      if (!connection.baseUrl) throw new UsageError(t(lang, 'error.missingBaseUrl'));
      if (!connection.credentials) throw new UsageError(t(lang, 'error.missingCredentials'));
      // Loaded on first use: `--help`, `--version` and offline commands never evaluate the SDK.
      const { createHdldClient } = await import('@hdld/sdk');
      return createHdldClient({ baseUrl: connection.baseUrl, credentials: connection.credentials, lang });
    },
    async confirmWrite(what) {
      const connection = await context.connection();
      if (!connection.production || flags().yes) return;
      const lang = context.lang;
      const question = `${t(lang, 'confirm.production')} "${connection.profileName}": ${what}. ${t(lang, 'confirm.continue')} [y/N] `;
      if (!term.interactive || !term.stdin.isTTY) throw new UsageError(t(lang, 'error.productionNeedsYes'));
      const rl = createInterface({ input: term.stdin, output: term.stderr });
      const answer = await rl.question(question).finally(() => rl.close());
      if (!/^(y|yes|c|có|co)$/i.test(answer.trim())) throw new ExitError(ExitCode.cancelled);
    },
    profileName: () => profileName,
  };
  return context;
}
