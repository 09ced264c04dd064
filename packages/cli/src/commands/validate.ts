import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { ExitError, UsageError } from '../output/errors.js';
import { loadTrustFiles } from '../trust/anchors.js';
import { collectInputs } from '../validate/collect.js';
import { formatResults, type ReportFormat } from '../validate/report-formats.js';
import { withExamples } from './help.js';

const FORMATS: ReportFormat[] = ['text', 'json', 'junit', 'github'];

/**
 * `hdld validate`: the Platform's checks (schema, business rules, signatures, timestamps, evidence;
 * T9, N2, F8) offline, with the SDK's verifier, before anything is sent. No network is used.
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
      .option('--format <format>', 'text, json, junit or github (annotations)', 'text')
      .option('--junit', 'same as --format junit')
      .option('--at <date-time>', 'validate as of this time (default now)'),
    [
      'hdld validate out/ --trust sandbox-root.pem',
      'hdld validate out/HD-1.submission.json --json',
      'hdld validate contracts/ --junit > validate.xml',
      'hdld validate contracts/ --format github',
    ],
  ).action(
    async (paths: string[], flags: { trust: string[]; format: string; junit?: boolean; at?: string }) => {
      const format = (flags.junit ? 'junit' : ctx.json ? 'json' : flags.format) as ReportFormat;
      if (!FORMATS.includes(format))
        throw new UsageError(`--format ${flags.format}: use ${FORMATS.join(', ')}`);
      // Resolving the profile reads the config file only: validate never touches the network.
      const trustFiles =
        flags.trust.length > 0 ? flags.trust : ((await ctx.connection()).profile?.trust ?? []);
      const { config } = await loadTrustFiles(trustFiles);
      const validationTime = flags.at ? new Date(flags.at) : undefined;
      if (validationTime && Number.isNaN(validationTime.getTime())) throw new UsageError(`--at ${flags.at}`);
      const inputs = await collectInputs(paths);
      const { checkFile } = await import('../validate/check-file.js');
      const results = [];
      for (const input of inputs)
        results.push(await checkFile(input, { trust: config, lang: ctx.lang, validationTime }));
      const output = formatResults(results, format, ctx.lang);
      if (output) ctx.term.out(output);
      if (results.some((r) => !r.ok)) throw new ExitError(ExitCode.validationFailed);
    },
  );
}
