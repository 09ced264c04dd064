import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { csvCell } from '../contract/csv.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { grid } from '../output/terminal.js';
import { MISMATCH, type ReconcileRow } from '../reconcile/match.js';
import { reconcilePeriod } from '../reconcile/period.js';
import { verdictCounts, verdictLine } from '../reconcile/verdict.js';
import { vietnamTime } from '../reconcile/vietnam-time.js';
import { withExamples } from './help.js';

const COLUMNS = [
  'providerReference',
  'outcome',
  'contractId',
  'localContractId',
  'transactionId',
  'platformStatus',
  'errors',
] as const;

const flat = (r: ReconcileRow) => ({
  providerReference: r.reference,
  outcome: r.outcome,
  contractId: r.contractId ?? '',
  localContractId: r.localContractId ?? '',
  transactionId: r.transactionId ?? '',
  platformStatus: r.platformStatus ?? '',
  errors: r.errors.join(' '),
});

/**
 * `hdld reconcile`: the local journal against the Platform's records for a period (F35): row by row
 * (matched, duplicate, failed, missing on the Platform, unknown locally...) and figure by figure
 * against the Platform's reconciliation report. Exit 5 on any mismatch or differing figure. The
 * rules are in reconcile/match.ts, reconcile/journal.ts and packages/cli/README.md.
 */
export function registerReconcileCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('reconcile')
      .description(
        "compare the sync journal with the Platform's transactions and figures for a period (exit 5 on mismatches)",
      )
      .option(
        '--journal <file|folder>',
        'a sync journal (out/.hdld-sync.ndjson) or a folder of them (repeatable)',
        (v: string, p: string[]) => [...p, v],
        [] as string[],
      )
      .option('--date <YYYY-MM-DD>', 'one day in Vietnam time (00:00 to 24:00 +07:00)')
      .option(
        '--since <date>',
        "period start; a date is 00:00 in Vietnam (default: the journals' first entry)",
      )
      .option('--until <date>', 'period end, exclusive (default: now)')
      .option('--problems', 'print only the rows that need action (and the figures if they differ)')
      .option('--csv <file>', 'also write the rows as CSV')
      .option('--json-out <file>', 'also write the report (rows and figures) as JSON'),
    [
      'hdld reconcile --date 2026-12-07 --journal morning/ --journal afternoon/ --journal evening/',
      'hdld reconcile --date 2026-12-07 --journal out/ --problems',
      'hdld reconcile --journal out/.hdld-sync.ndjson',
      'hdld reconcile --journal out/.hdld-sync.ndjson --since 2026-03-01 --until 2026-04-01 --csv march.csv',
      'hdld reconcile --journal out/.hdld-sync.ndjson --json | jq ".rows[] | select(.outcome != \\"matched\\")"',
      'hdld reconcile --journal out/.hdld-sync.ndjson --json | jq .figures.differences',
    ],
  ).action(
    async (flags: {
      journal: string[];
      date?: string;
      since?: string;
      until?: string;
      problems?: boolean;
      csv?: string;
      jsonOut?: string;
    }) => {
      const { lang } = ctx;
      if (flags.journal.length === 0) throw new UsageError(t(lang, 'reconcile.noJournal'));
      const period = reconcilePeriod(flags);
      const client = await ctx.client();
      const [{ reconcile }, { figuresTable }, { formatContractId }] = await Promise.all([
        import('../reconcile/reconcile.js'),
        import('../reconcile/render-figures.js'),
        import('@hdld/sdk'),
      ]);
      const report = await reconcile(client, { journals: flags.journal, ...period, signal: ctx.signal });
      const counts = verdictCounts(report.rows);
      const verdict = verdictLine(counts, lang, formatContractId);
      const shown = flags.problems ? report.rows.filter((r) => MISMATCH.has(r.outcome)) : report.rows;
      const rows = shown.map(flat);
      if (flags.csv)
        await writeFile(
          flags.csv,
          `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`,
        );
      const { figures } = report;
      const document = {
        verdict,
        period: report.period,
        counts: report.counts,
        mismatches: report.mismatches,
        figures: {
          agree: figures.agree,
          journal: figures.journal,
          platform: figures.platform,
          apiCalls: figures.apiCalls,
          differences: figures.differences,
        },
        rows,
      };
      if (flags.jsonOut) await writeFile(flags.jsonOut, `${JSON.stringify(document, null, 2)}\n`);
      if (ctx.json) ctx.term.out(JSON.stringify(document, null, 2));
      else {
        ctx.term.out(verdict);
        if (shown.length > 0)
          ctx.term.out(
            grid(
              (
                [
                  'column.reference',
                  'column.outcome',
                  'column.contractId',
                  'reconcile.platform',
                  'column.errors',
                ] as const
              ).map((key) => t(ctx.lang, key)),
              shown.map((r) => [
                r.reference,
                t(lang, `outcome.${r.outcome}`),
                r.contractId ? formatContractId(r.contractId) : '-',
                r.platformStatus ?? '-',
                r.errors.join(' '),
              ]),
            ),
          );
        if (!flags.problems || !report.figures.agree)
          ctx.term.out(
            `\n${t(ctx.lang, 'reconcile.figures')}\n${figuresTable(figures, ctx.lang, ctx.term.color)}`,
          );
        const outcomes = Object.entries(report.counts)
          .map(([k, v]) => `${t(lang, `outcome.${k as keyof typeof report.counts}`)} ${v}`)
          .join(', ');
        // Every time shown in Vietnam time with its offset (the JSON keeps the Platform's UTC).
        ctx.term.err(
          `${t(ctx.lang, 'reconcile.period')} ${vietnamTime(report.period.from)} → ${vietnamTime(report.period.to)}: ${outcomes}`,
        );
      }
      const problems = [
        ...(report.mismatches > 0 ? [`${t(ctx.lang, 'reconcile.mismatches')}: ${report.mismatches}`] : []),
        ...(figures.agree
          ? []
          : [`${t(ctx.lang, 'reconcile.figuresDiffer')}: ${figures.differences.length}`]),
      ];
      if (!ctx.json && figures.agree) ctx.term.err(t(ctx.lang, 'reconcile.figuresAgree'));
      if (problems.length > 0) throw new ExitError(ExitCode.partialBatchFailure, problems.join('\n'));
    },
  );
}
