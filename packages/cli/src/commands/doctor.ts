import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError } from '../output/errors.js';
import { loadTrustFiles } from '../trust/anchors.js';
import { withExamples } from './help.js';

type Check = { name: string; status: 'ok' | 'warn' | 'fail'; detail: string };

const DAY = 86_400_000;
/** A certificate expiring within this many days is a warning: renewal takes time. */
const EXPIRY_WARNING_DAYS = 30;
/** Beyond this, timestamps and token lifetimes start to fail (JWT assertions live 60 s). */
const MAX_SKEW_SECONDS = 30;

function certificateCheck(name: string, certificate: X509Certificate, now: Date): Check {
  const notAfter = new Date(certificate.validTo);
  const notBefore = new Date(certificate.validFrom);
  const subject = certificate.subject.split('\n').find((l) => l.startsWith('CN=')) ?? certificate.subject;
  const days = Math.floor((notAfter.getTime() - now.getTime()) / DAY);
  if (now < notBefore)
    return { name, status: 'fail', detail: `${subject}: not valid before ${notBefore.toISOString()}` };
  if (days < 0) return { name, status: 'fail', detail: `${subject}: expired ${notAfter.toISOString()}` };
  return {
    name,
    status: days < EXPIRY_WARNING_DAYS ? 'warn' : 'ok',
    detail: `${subject}: valid until ${notAfter.toISOString()} (${days} d)`,
  };
}

/** `hdld doctor`: everything that commonly goes wrong before the first submission, checked in order. */
export function registerDoctorCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('doctor')
      .description('check the profile, connectivity, clock skew, credentials, certificates and trust anchors')
      .option(
        '--cert <file...>',
        'signing or certification certificates (PEM/DER) to check for validity and expiry',
      )
      .option('--trust <file...>', "trust anchors to check (default: the profile's)"),
    ['hdld doctor', 'hdld doctor --profile prod --cert provider.crt --json'],
  ).action(async (flags: { cert?: string[]; trust?: string[] }) => {
    const checks: Check[] = [];
    const add = (check: Check) => {
      checks.push(check);
      if (!ctx.json)
        ctx.term.out(`${{ ok: '✓', warn: '!', fail: '✗' }[check.status]} ${check.name}: ${check.detail}`);
    };
    const connection = await ctx.connection();
    const now = new Date();
    add({
      name: 'profile',
      status: connection.baseUrl && connection.credentials ? 'ok' : 'fail',
      detail: `${connection.profileName ?? '(none: flags and environment)'}; ${connection.baseUrl ?? 'no base URL'}; ${connection.authMethod ?? 'no credentials'}; ${connection.production ? 'production' : 'sandbox'}`,
    });
    if (connection.baseUrl) {
      const started = performance.now();
      const response = await fetch(new URL('/health', connection.baseUrl), {
        signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(10_000)]),
      }).catch((error: Error) => error);
      if (response instanceof Error)
        add({ name: 'connectivity', status: 'fail', detail: `${connection.baseUrl}: ${response.message}` });
      else {
        const ms = Math.round(performance.now() - started);
        add({
          name: 'connectivity',
          status: response.ok ? 'ok' : 'fail',
          detail: `GET /health ${response.status} in ${ms} ms`,
        });
        const date = response.headers.get('date');
        if (date) {
          // The Date header has a 1 s resolution; half the round trip is the best estimate of when it was set.
          const skew = Math.round((new Date(date).getTime() - (Date.now() - ms / 2)) / 1000);
          add({
            name: 'clock',
            status: Math.abs(skew) > MAX_SKEW_SECONDS ? 'fail' : 'ok',
            detail: `skew ${skew >= 0 ? '+' : ''}${skew} s against the Platform`,
          });
        } else add({ name: 'clock', status: 'warn', detail: 'the Platform sent no Date header' });
      }
    }
    if (connection.profile?.keyFile ?? ctx.flags.keyFile ?? ctx.env.HDLD_KEY_FILE) {
      const keyFile = (ctx.flags.keyFile ?? ctx.env.HDLD_KEY_FILE ?? connection.profile?.keyFile)!;
      try {
        const key = createPrivateKey(await readFile(keyFile, 'utf8'));
        add({ name: 'key', status: 'ok', detail: `${keyFile}: ${key.asymmetricKeyType} private key` });
      } catch (error) {
        add({ name: 'key', status: 'fail', detail: `${keyFile}: ${(error as Error).message}` });
      }
    }
    if (connection.baseUrl && connection.credentials) {
      try {
        const { checkCredentials } = await import('./auth.js');
        await checkCredentials(await ctx.client(), ctx.signal);
        add({
          name: 'authentication',
          status: 'ok',
          detail: `${connection.credentials.clientId}: token issued and accepted`,
        });
      } catch (error) {
        add({ name: 'authentication', status: 'fail', detail: (error as Error).message });
      }
    }
    for (const file of flags.cert ?? []) {
      try {
        add(certificateCheck(`certificate ${file}`, new X509Certificate(await readFile(file)), now));
      } catch (error) {
        add({ name: `certificate ${file}`, status: 'fail', detail: (error as Error).message });
      }
    }
    const trustFiles = flags.trust ?? connection.profile?.trust ?? [];
    if (trustFiles.length === 0)
      add({ name: 'trust anchors', status: 'warn', detail: t(ctx.lang, 'doctor.noTrust') });
    else {
      try {
        const { certificates } = await loadTrustFiles(trustFiles, ctx.lang);
        for (const c of certificates) {
          const check = certificateCheck('trust anchors', c, now);
          add(c.ca ? check : { ...check, status: 'warn', detail: `${check.detail}; not a CA certificate` });
        }
      } catch (error) {
        add({ name: 'trust anchors', status: 'fail', detail: (error as Error).message });
      }
    }
    if (ctx.json) ctx.term.out(JSON.stringify({ profile: connection.profileName ?? null, checks }, null, 2));
    if (checks.some((c) => c.status === 'fail')) throw new ExitError(ExitCode.error);
  });
}
