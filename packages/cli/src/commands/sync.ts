import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { readSyncSource } from '../sync/source.js';
import { withExamples } from './help.js';

export const DEFAULT_JOURNAL = '.hdld-sync.ndjson';

/**
 * `hdld sync`: batch upload (N1, T5) through the SDK's resumable sync. The journal (append-only
 * NDJSON, next to the submissions unless --journal) records every acknowledgement and outcome, so
 * a run stopped by Ctrl-C, a crash or SIGKILL resumes where it stopped and never sends a contract
 * twice under a new idempotency key.
 */
export function registerSyncCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('sync')
      .description(
        'upload every <ref>.submission.json of a folder (or a manifest) and wait for the IDs; resumable',
      )
      .argument(
        '<source>',
        'folder of *.submission.json, or a manifest (.ndjson, one {"submission": "<path>"} a line)',
      )
      .option('--journal <file>', `sync journal (default <folder>/${DEFAULT_JOURNAL})`)
      .option('--concurrency <n>', 'parallel submissions', (v) => Number.parseInt(v, 10), 8)
      .option('--dry-run', 'list what would be sent, send nothing')
      .option('--no-resume', 'ignore an existing journal (start it over)')
      .option(
        '--retry-failed',
        'send again the contracts that failed or were refused, after fixing them (a failed one once its re-push is approved: F36, F37)',
      ),
    [
      'hdld sync out/',
      'hdld sync out/ --concurrency 16 --json > sync.ndjson',
      'hdld sync manifest.ndjson --journal sync.journal.ndjson --retry-failed',
      'hdld sync out/ --dry-run',
    ],
  ).action(
    async (
      source: string,
      flags: {
        journal?: string;
        concurrency: number;
        dryRun?: boolean;
        resume: boolean;
        retryFailed?: boolean;
      },
    ) => {
      if (!Number.isInteger(flags.concurrency) || flags.concurrency < 1)
        throw new UsageError(`--concurrency ${flags.concurrency}`);
      const { items, folder } = await readSyncSource(source);
      const journal = flags.journal ?? join(folder, DEFAULT_JOURNAL);
      if (flags.dryRun) {
        const plan = items.map((i) => ({ providerReference: i.reference, file: i.path }));
        ctx.term.out(
          ctx.json
            ? JSON.stringify(plan, null, 2)
            : plan.map((p) => `${p.providerReference}\t${p.file}`).join('\n'),
        );
        ctx.term.err(
          `${t(ctx.lang, 'sync.dryRun')}: ${items.length}${existsSync(journal) ? ` (${t(ctx.lang, 'sync.journal')} ${journal})` : ''}`,
        );
        return;
      }
      await ctx.confirmWrite(`${t(ctx.lang, 'sync.confirm')} ${items.length}`);
      const client = await ctx.client();
      const [{ createSyncReporter, reporterMode }, { runSync }] = await Promise.all([
        import('../sync/reporters.js'),
        import('../sync/run-sync.js'),
      ]);
      const mode = reporterMode(ctx.term, ctx.json);
      const reporter = createSyncReporter(ctx.term, mode, ctx.lang);
      const result = await runSync({
        client,
        items,
        journal,
        fresh: !flags.resume,
        concurrency: flags.concurrency,
        retryFailed: Boolean(flags.retryFailed),
        reporter,
        interactive: mode === 'ink',
        signal: ctx.signal,
      });
      const failed = result.failed + result.rejected;
      const { lang } = ctx;
      const summary = `${t(lang, 'sync.succeeded')} ${result.succeeded}, ${t(lang, 'sync.duplicate')} ${result.duplicate}, ${t(lang, 'sync.failed')} ${failed}, ${t(lang, 'sync.skipped')} ${result.skipped}, ${t(lang, 'sync.interrupted')} ${result.interrupted}; ${result.throughput.toFixed(1)} ${t(lang, 'sync.perSecond')}; ${t(lang, 'sync.journal')} ${journal}`;
      const f = result.final;
      // Where every contract stands once the run ended, earlier runs included: a rerun that sent
      // nothing still says what is left to do.
      const standing = `${t(lang, 'sync.final')}: ${t(lang, 'sync.withId')} ${f.withId}, ${t(lang, 'sync.duplicate')} ${f.duplicate}, ${t(lang, 'sync.failed')} ${f.failed}, ${t(lang, 'sync.rejected')} ${f.rejected}, ${t(lang, 'sync.unfinished')} ${f.unfinished}`;
      const { states: _states, ...counts } = result;
      if (ctx.json) ctx.term.out(JSON.stringify({ type: 'summary', ...counts, journal }));
      ctx.term.err(summary);
      ctx.term.err(standing);
      if (result.cancelled) throw new ExitError(ExitCode.cancelled, t(lang, 'sync.cancelled'));
      const { needsAction } = await import('../sync/run-sync.js');
      // Exit 5 whenever the run ends with failures (README): this run's, or earlier runs' still standing.
      if (failed > 0 || result.interrupted > 0 || needsAction(f)) {
        throw new ExitError(ExitCode.partialBatchFailure);
      }
    },
  );
}
