import type { Lang, Schemas } from '@hdld/spec';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { t } from '../i18n/messages.js';
import { grid, table } from '../output/terminal.js';
import { parsePeriod, previousPeriod, readReportFile } from '../reports/report-file.js';
import { withExamples } from './help.js';

type ProviderReport = Schemas['ProviderReport'];

function describeReport(report: ProviderReport, lang: Lang): string {
  const audit = report.technicalAudit;
  return table([
    [t(lang, 'report.id'), report.reportId],
    [t(lang, 'report.period'), report.period],
    [t(lang, 'report.version'), `${report.version} / ${report.latestVersion}`],
    [t(lang, 'report.timeliness'), `${report.timeliness} (${t(lang, `timeliness.${report.timeliness}`)})`],
    [t(lang, 'report.deadline'), report.deadline],
    [t(lang, 'field.submitted'), report.submittedAt],
    ...(audit
      ? [
          [
            t(lang, 'report.audit'),
            `${audit.result} ${audit.attachment.fileName} ${audit.attachment.sha256}`,
          ] as [string, string],
        ]
      : []),
  ]);
}

/**
 * `hdld report submit|list|status`: the provider's monthly report on its eContract service through
 * the Platform (F33; Decree 337/2025 Art. 25.6), before the 30th of the next month.
 */
export function registerReportCommands(program: Command, ctx: Context): void {
  const report = withExamples(
    program.command('report').description('monthly report on the eContract service: submit, list, status'),
    [
      'hdld report submit --period 2026-02 --file report.json --audit audit.pdf',
      'hdld report list --json',
      'hdld report status --period 2026-02',
    ],
  );

  withExamples(
    report
      .command('submit')
      .description(
        'send the monthly report of a month that has ended (again with "replacesVersion" to correct it)',
      )
      .requiredOption('--period <YYYY-MM>', 'the month reported on')
      .requiredOption('--file <report.json>', 'figures, text and, with --audit, the audit result (JSON)')
      .option('--audit <audit.pdf>', 'the technical audit report (PDF, at most 10 MiB)'),
    [
      'hdld report submit --period 2026-02 --file report.json',
      'hdld report submit --period 2026-02 --file report.json --audit audit.pdf --json',
    ],
  ).action(async (flags: { period: string; file: string; audit?: string }) => {
    const input = await readReportFile({ ...flags, period: parsePeriod(flags.period, ctx.lang) }, ctx.lang);
    await ctx.confirmWrite(`${t(ctx.lang, 'report.confirmSubmit')} ${input.period}`);
    const client = await ctx.client();
    const sent = await client.providerReports.submit(input, { signal: ctx.signal });
    ctx.term.out(ctx.json ? JSON.stringify(sent, null, 2) : describeReport(sent, ctx.lang));
  });

  withExamples(
    report
      .command('list')
      .description('list the monthly reports sent, latest version of each, newest first')
      .option('--period <YYYY-MM>', 'only the report on this month')
      .option('--limit <n>', 'at most this many rows', (v) => Number.parseInt(v, 10), 1000),
    ['hdld report list', 'hdld report list --period 2026-02 --json'],
  ).action(async (flags: { period?: string; limit: number }) => {
    const period = flags.period === undefined ? undefined : parsePeriod(flags.period, ctx.lang);
    const client = await ctx.client();
    const reports = await client.providerReports
      .list(period ? { period } : {}, { signal: ctx.signal })
      .toArray({ limit: flags.limit });
    if (ctx.json) return ctx.term.out(JSON.stringify(reports, null, 2));
    if (reports.length === 0) return ctx.term.err(t(ctx.lang, 'report.none'));
    ctx.term.out(
      grid(
        (
          ['report.period', 'report.version', 'report.timeliness', 'field.submitted', 'report.id'] as const
        ).map((key) => t(ctx.lang, key).toUpperCase()),
        reports.map((r) => [r.period, String(r.version), r.timeliness, r.submittedAt, r.reportId]),
      ),
    );
  });

  withExamples(
    report
      .command('status')
      .description('where the report on a month stands: ON_TIME, LATE, DUE or MISSING')
      .option('--period <YYYY-MM>', 'the month reported on (default: the previous month, Vietnam time)'),
    ['hdld report status', 'hdld report status --period 2026-02 --json'],
  ).action(async (flags: { period?: string }) => {
    const period =
      flags.period === undefined ? previousPeriod(new Date()) : parsePeriod(flags.period, ctx.lang);
    const client = await ctx.client();
    const tracking = await client.providerReports.tracking({ period }, { signal: ctx.signal });
    if (ctx.json) return ctx.term.out(JSON.stringify(tracking, null, 2));
    ctx.term.out(
      grid(
        (['report.provider', 'report.timeliness', 'report.version', 'report.id'] as const).map((key) =>
          t(ctx.lang, key).toUpperCase(),
        ),
        tracking.items.map((i) => [
          i.providerId,
          `${i.timeliness} (${t(ctx.lang, `timeliness.${i.timeliness}`)})`,
          i.latestVersion === undefined ? '-' : String(i.latestVersion),
          i.reportId ?? '-',
        ]),
      ),
    );
    ctx.term.err(
      `${t(ctx.lang, 'report.period')} ${tracking.period}, ${t(ctx.lang, 'report.deadline')} ${tracking.deadline}`,
    );
  });
}
