import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { csvCell } from '../contract/csv.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError } from '../output/errors.js';
import { grid } from '../output/terminal.js';
import type { ReconcileRow } from '../reconcile/match.js';
import { parseDateOption } from '../reconcile/period.js';
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
      .requiredOption('--journal <file>', 'the sync journal (e.g. out/.hdld-sync.ndjson)')
      .option('--since <date>', "period start (default: the journal's first entry)")
      .option('--until <date>', 'period end, exclusive (default: now)')
      .option('--csv <file>', 'also write the rows as CSV')
      .option('--json-out <file>', 'also write the report (rows and figures) as JSON'),
    [
      'hdld reconcile --journal out/.hdld-sync.ndjson',
      'hdld reconcile --journal out/.hdld-sync.ndjson --since 2026-03-01 --until 2026-04-01 --csv march.csv',
      'hdld reconcile --journal out/.hdld-sync.ndjson --json | jq ".rows[] | select(.outcome != \\"matched\\")"',
      'hdld reconcile --journal out/.hdld-sync.ndjson --json | jq .figures.differences',
    ],
  ).action(
    async (flags: { journal: string; since?: string; until?: string; csv?: string; jsonOut?: string }) => {
      const client = await ctx.client();
      const [{ reconcile }, { figuresTable }, { formatContractId }] = await Promise.all([
        import('../reconcile/reconcile.js'),
        import('../reconcile/render-figures.js'),
        import('@hdld/sdk'),
      ]);
      const report = await reconcile(client, {
        journal: flags.journal,
        since: parseDateOption(flags.since, '--since'),
        until: parseDateOption(flags.until, '--until'),
        signal: ctx.signal,
      });
      const rows = report.rows.map(flat);
      if (flags.csv)
        await writeFile(
          flags.csv,
          `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`,
        );
      const { figures } = report;
      const document = {
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
            report.rows.map((r) => [
              r.reference,
              r.outcome,
              r.contractId ? formatContractId(r.contractId) : '-',
              r.platformStatus ?? '-',
              r.errors.join(' '),
            ]),
          ),
        );
        ctx.term.out(
          `\n${t(ctx.lang, 'reconcile.figures')}\n${figuresTable(figures, ctx.lang, ctx.term.color)}`,
        );
        const counts = Object.entries(report.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        ctx.term.err(
          `${t(ctx.lang, 'reconcile.period')} ${report.period.from} → ${report.period.to}: ${counts}`,
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
