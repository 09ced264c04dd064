import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Profile } from '../config/profiles.js';
import type { Context } from '../context.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';
import { grid } from '../output/terminal.js';
import { withExamples } from './help.js';

type AddFlags = {
  baseUrl: string;
  clientId?: string;
  keyFile?: string;
  production?: boolean;
  trust?: string[];
};

/** What may be shown of a profile: everything but the secret, which is only said to exist. */
export function publicProfile(name: string, profile: Profile, current: boolean) {
  const { clientSecret, ...visible } = profile;
  return {
    name,
    current,
    ...visible,
    production: Boolean(profile.production),
    hasClientSecret: Boolean(clientSecret),
  };
}

/** `hdld profile add|list|use|remove`: named Platform connections in a 0600 config file. */
export function registerProfileCommands(program: Command, ctx: Context): void {
  const profile = withExamples(
    program.command('profile').description('manage named Platform connections (profiles)'),
    [
      'hdld profile add sandbox --base-url http://127.0.0.1:8080 --client-id sandbox-provider',
      'hdld profile add prod --base-url https://api.hdld.gov.vn --client-id acme --key-file acme.pem --production',
      'hdld profile list --json',
    ],
  );

  withExamples(
    profile
      .command('add')
      .description(
        'add or replace a profile from --base-url, --client-id and --key-file (secrets: `hdld login`)',
      )
      .argument('<name>', 'profile name')
      .option('--production', 'mark as production: writes need --yes or a confirmation')
      .option('--trust <file...>', 'default trust anchors for validate and doctor (PEM or DER)'),
    [
      'hdld profile add sandbox --base-url http://127.0.0.1:8080 --client-id sandbox-provider',
      'hdld profile add prod --base-url https://api.hdld.gov.vn --client-id acme --key-file acme.pem --production',
    ],
  ).action(async (name: string, flags: AddFlags) => {
    // --base-url, --client-id and --key-file are the global connection flags.
    const { baseUrl, clientId, keyFile } = ctx.flags;
    const store = await ctx.profiles();
    const previous = store.get(name);
    const url = baseUrl ?? previous?.baseUrl;
    if (!url) throw new UsageError(t(ctx.lang, 'error.missingBaseUrl'));
    store.set(name, {
      ...previous,
      baseUrl: new URL(url).toString().replace(/\/$/, ''),
      ...(clientId ? { clientId } : {}),
      ...(keyFile ? { keyFile: resolve(keyFile) } : {}),
      ...(flags.trust ? { trust: flags.trust.map((f) => resolve(f)) } : {}),
      production: Boolean(flags.production ?? previous?.production),
    });
    ctx.term.err(`${t(ctx.lang, 'profile.saved')}: ${name} (${store.path})`);
  });

  withExamples(profile.command('list').description('list profiles; the current one is marked with *'), [
    'hdld profile list',
    'hdld profile list --json',
  ]).action(async () => {
    const store = await ctx.profiles();
    const current = store.current();
    const rows = store.list().map(([name, p]) => publicProfile(name, p, name === current));
    if (ctx.json) return ctx.term.out(JSON.stringify(rows, null, 2));
    if (rows.length === 0) return ctx.term.err(t(ctx.lang, 'profile.none'));
    ctx.term.out(
      grid(
        ['', 'NAME', 'BASE URL', 'CLIENT ID', 'AUTH', 'MODE'],
        rows.map((r) => [
          r.current ? '*' : '',
          r.name,
          r.baseUrl,
          r.clientId ?? '',
          r.keyFile ? 'private_key_jwt' : r.hasClientSecret ? 'client_secret' : '-',
          r.production ? 'production' : 'sandbox',
        ]),
      ),
    );
  });

  withExamples(
    profile.command('use').description('make a profile the current one').argument('<name>', 'profile name'),
    ['hdld profile use sandbox'],
  ).action(async (name: string) => {
    const store = await ctx.profiles();
    if (!store.get(name)) throw new UsageError(`${t(ctx.lang, 'error.unknownProfile')}: ${name}`);
    store.use(name);
    ctx.term.err(`${t(ctx.lang, 'profile.current')}: ${name}`);
  });

  withExamples(
    profile
      .command('remove')
      .description('delete a profile and its secret')
      .argument('<name>', 'profile name'),
    ['hdld profile remove old-sandbox'],
  ).action(async (name: string) => {
    if (!(await ctx.profiles()).remove(name))
      throw new UsageError(`${t(ctx.lang, 'error.unknownProfile')}: ${name}`);
    ctx.term.err(`${t(ctx.lang, 'profile.removed')}: ${name}`);
  });
}
