import { resolve } from 'node:path';
import type { HdldClient } from '@hdld/sdk';
import type { Command } from 'commander';
import { resolveConnection } from '../config/connection.js';
import type { Context } from '../context.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';
import { table } from '../output/terminal.js';
import { withExamples } from './help.js';

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** One authenticated read proves the credentials: the token is fetched and used. */
export async function checkCredentials(client: HdldClient, signal?: AbortSignal): Promise<void> {
  await client.transactions.list({ limit: 1 }, { signal }).toArray({ limit: 1 });
}

/** `hdld login` (store and check credentials in a profile) and `hdld whoami`. */
export function registerAuthCommands(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('login')
      .description('check credentials against the Platform and save them in a profile')
      .option(
        '--with-secret-stdin',
        'read the sandbox client secret from stdin (keeps it out of shell history)',
      )
      .option('--production', 'mark the profile as production'),
    [
      'hdld login --profile sandbox --base-url http://127.0.0.1:8080 --client-id sandbox-provider --with-secret-stdin < secret.txt',
      'hdld login --profile prod --base-url https://api.hdld.gov.vn --client-id acme --key-file acme.pem --production',
    ],
  ).action(async (flags: { withSecretStdin?: boolean; production?: boolean }) => {
    const globals = ctx.flags;
    const name = globals.profile ?? ctx.env.HDLD_PROFILE ?? 'default';
    const store = await ctx.profiles();
    const previous = store.get(name);
    const clientSecret = flags.withSecretStdin ? await readStdin(ctx.term.stdin) : undefined;
    // The new profile is not stored yet: resolve against it as if it were.
    const connection = await resolveConnection(
      { ...globals, profile: undefined, ...(clientSecret ? { clientSecret } : {}) },
      { ...ctx.env, HDLD_PROFILE: undefined },
      async () => ({ ...store, current: () => undefined }),
    );
    const baseUrl = connection.baseUrl ?? previous?.baseUrl;
    if (!baseUrl) throw new UsageError(t(ctx.lang, 'error.missingBaseUrl'));
    if (!connection.credentials) throw new UsageError(t(ctx.lang, 'error.missingCredentials'));
    const { createHdldClient } = await import('@hdld/sdk');
    const client = createHdldClient({ baseUrl, credentials: connection.credentials, lang: ctx.lang });
    await checkCredentials(client, ctx.signal);
    const keyFile = globals.keyFile ?? ctx.env.HDLD_KEY_FILE;
    store.set(name, {
      ...previous,
      baseUrl,
      clientId: connection.credentials.clientId,
      ...(connection.authMethod === 'private_key_jwt'
        ? { keyFile: resolve(keyFile ?? previous?.keyFile ?? ''), clientSecret: undefined }
        : {
            clientSecret:
              'clientSecret' in connection.credentials ? connection.credentials.clientSecret : undefined,
            keyFile: undefined,
          }),
      production: Boolean(flags.production ?? previous?.production),
    });
    store.use(name);
    ctx.term.err(
      `${t(ctx.lang, 'login.ok')}: ${connection.credentials.clientId} @ ${baseUrl} (${t(ctx.lang, 'error.profile')}: ${name})`,
    );
  });

  withExamples(
    program
      .command('whoami')
      .description('show the profile, Platform and client in use and check the credentials'),
    ['hdld whoami', 'hdld whoami --profile prod --json'],
  ).action(async () => {
    const connection = await ctx.connection();
    const client = await ctx.client();
    await checkCredentials(client, ctx.signal);
    const info = {
      profile: connection.profileName ?? null,
      baseUrl: connection.baseUrl,
      clientId: connection.credentials?.clientId,
      authMethod: connection.authMethod,
      mode: connection.production ? 'production' : 'sandbox',
      authenticated: true,
    };
    if (ctx.json) return ctx.term.out(JSON.stringify(info, null, 2));
    ctx.term.out(
      table([
        [t(ctx.lang, 'error.profile'), info.profile ?? '-'],
        ['Platform', info.baseUrl ?? '-'],
        ['Client ID', info.clientId ?? '-'],
        [t(ctx.lang, 'whoami.auth'), info.authMethod ?? '-'],
        [t(ctx.lang, 'whoami.mode'), info.mode],
      ]),
    );
  });
}
