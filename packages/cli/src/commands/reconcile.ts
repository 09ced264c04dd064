import { writeFile } from 'node:fs/promises';
import { formatContractId } from '@hdld/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { csvCell } from '../contract/csv.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { grid } from '../output/terminal.js';
import type { ReconcileRow } from '../reconcile/match.js';
import { reconcile } from '../reconcile/reconcile.js';
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
 * `hdld reconcile`: the local journal against the Platform's records for a period (F35): matched,
 * missing on the Platform, unknown locally, failed. Exit 5 on any mismatch. The matching rule is in
 * reconcile/match.ts and packages/cli/README.md.
 */
export function registerReconcileCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('reconcile')
      .description(
        "compare the sync journal with the Platform's transactions for a period (exit 5 on mismatches)",
      )
      .requiredOption('--journal <file>', 'the sync journal (e.g. out/.hdld-sync.ndjson)')
      .option('--since <date>', "period start (default: the journal's first entry)")
      .option('--until <date>', 'period end, exclusive (default: now)')
      .option('--csv <file>', 'also write the rows as CSV')
      .option('--json-out <file>', 'also write the rows as JSON'),
    [
      'hdld reconcile --journal out/.hdld-sync.ndjson',
      'hdld reconcile --journal out/.hdld-sync.ndjson --since 2026-03-01 --until 2026-04-01 --csv march.csv',
      'hdld reconcile --journal out/.hdld-sync.ndjson --json | jq ".rows[] | select(.outcome != \\"matched\\")"',
    ],
  ).action(
    async (flags: { journal: string; since?: string; until?: string; csv?: string; jsonOut?: string }) => {
      const parse = (value: string | undefined, name: string) => {
        if (!value) return undefined;
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) throw new UsageError(`${name} ${value}`);
        return date;
      };
      const client = await ctx.client();
      const report = await reconcile(client, {
        journal: flags.journal,
        since: parse(flags.since, '--since'),
        until: parse(flags.until, '--until'),
        signal: ctx.signal,
      });
      const rows = report.rows.map(flat);
      if (flags.csv)
        await writeFile(
          flags.csv,
          `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`,
        );
      const document = { period: report.period, counts: report.counts, mismatches: report.mismatches, rows };
      if (flags.jsonOut) await writeFile(flags.jsonOut, `${JSON.stringify(document, null, 2)}\n`);
      if (ctx.json) ctx.term.out(JSON.stringify(document, null, 2));
      else {
        ctx.term.out(
          grid(
            ['REFERENCE', 'OUTCOME', 'CONTRACT ID', 'PLATFORM', 'ERRORS'],
            report.rows.map((r) => [
              r.reference,
              r.outcome,
              r.contractId ? formatContractId(r.contractId) : '-',
              r.platformStatus ?? '-',
              r.errors.join(' '),
            ]),
          ),
        );
        const counts = Object.entries(report.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        ctx.term.err(
          `${t(ctx.lang, 'reconcile.period')} ${report.period.from} → ${report.period.to}: ${counts}`,
        );
      }
      if (report.mismatches > 0)
        throw new ExitError(
          ExitCode.partialBatchFailure,
          `${t(ctx.lang, 'reconcile.mismatches')}: ${report.mismatches}`,
        );
    },
  );
}
