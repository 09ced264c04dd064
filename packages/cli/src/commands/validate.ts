import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { loadTrustFiles, loadTrustFolder, mergeTrust, untrustedKinds } from '../trust/anchors.js';
import { collectInputs } from '../validate/collect.js';
import { type FileResult, runFails, type ValidationFinding } from '../validate/model.js';
import { formatReport, type ReportFormat } from '../validate/report-formats.js';
import { withExamples } from './help.js';

const FORMATS: ReportFormat[] = ['text', 'json', 'junit', 'github'];

type Flags = {
  trust: string[];
  trustDir?: string;
  format: string;
  junit?: boolean;
  at?: string;
  strict?: boolean;
};

/**
 * `hdld validate`: the Platform's checks (schema, business rules, file limits, signatures,
 * timestamps, evidence, the 24-hour rule; T9, N2, F8, F38) offline, with the modules the server
 * runs, before anything is sent. No network is used; identity (F8) needs the registries.
 */
export function registerValidateCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('validate')
      .description(
        'check submissions, signed PDFs and main data offline, as the Platform would (exit 3 on any error)',
      )
      .argument('<paths...>', 'files or folders (*.submission.json, *.pdf, *.main-data.json)')
      .option(
        '--trust <file>',
        "trust anchor, PEM or DER (repeatable; default: the profile's set)",
        (v: string, p: string[]) => [...p, v],
        [] as string[],
      )
      .option('--trust-dir <dir>', "the server's trust folder: ca/, tsa/, certification/ (HDLD_TRUST_DIR)")
      .option('--format <format>', 'text, json, junit or github (annotations)', 'text')
      .option('--junit', 'same as --format junit')
      .option(
        '--at <date-time>',
        'validate and send as of this time (default now): certificates, SUBMISSION_LATE',
      )
      .option('--strict', 'fail (exit 3) on warnings too, such as SUBMISSION_LATE'),
    [
      'hdld validate out/ --trust-dir sandbox-trust/',
      'hdld validate out/HD-1.submission.json --json',
      'hdld validate contracts/ --junit > validate.xml',
      'hdld validate contracts/ --format github --strict',
    ],
  ).action(async (paths: string[], flags: Flags) => {
    const { lang } = ctx;
    const format = (flags.junit ? 'junit' : ctx.json ? 'json' : flags.format) as ReportFormat;
    if (!FORMATS.includes(format))
      throw new UsageError(`--format ${flags.format}: use ${FORMATS.join(', ')}`);
    const validationTime = flags.at ? new Date(flags.at) : undefined;
    if (validationTime && Number.isNaN(validationTime.getTime())) throw new UsageError(`--at ${flags.at}`);
    // Resolving the profile reads the config file only: validate never touches the network.
    const trustFiles =
      flags.trust.length > 0 || flags.trustDir
        ? flags.trust
        : ((await ctx.connection()).profile?.trust ?? []);
    const files = (await loadTrustFiles(trustFiles, lang)).config;
    const trust = flags.trustDir ? mergeTrust(files, await loadTrustFolder(flags.trustDir, lang)) : files;
    const { inputs, skipped } = await collectInputs(paths, lang);
    // Main data alone needs no anchor: the notice is for runs that verify signatures.
    const verifies = inputs.some((i) => i.kind !== 'main-data');
    const untrusted = verifies ? untrustedKinds(trust) : [];
    const notices: ValidationFinding[] = [
      ...(untrusted.length > 0
        ? [
            {
              code: 'CERTIFICATE_UNTRUSTED',
              severity: 'error' as const,
              message: `${t(lang, 'validate.noTrustFor')} ${untrusted.join(', ')}: ${t(lang, 'validate.noTrustHow')}`,
            },
          ]
        : []),
    ];
    const { checkFile } = await import('../validate/check-file.js');
    const options = { trust, lang, validationTime, submittedAt: validationTime ?? new Date() };
    const results: FileResult[] = [];
    for (const input of inputs) results.push(await checkFile(input, options));
    for (const s of skipped)
      results.push({ file: s.path, kind: 'skipped', ok: true, findings: [], seconds: 0, skipped: s.reason });
    const report = { results, notices, strict: Boolean(flags.strict) };
    const fails = runFails(report);
    const output = formatReport(report, format, lang, fails);
    if (output) ctx.term.out(output);
    if (fails) throw new ExitError(ExitCode.validationFailed);
  });
}
