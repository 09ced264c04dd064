import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { STATUS_FILTERS, type StatusFilter } from '../errors/status-filters.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, reportError, UsageError } from '../output/errors.js';
import { parseDateOption } from '../reconcile/period.js';
import { withExamples } from './help.js';

/**
 * `hdld errors`: the provider's side of failed transactions (F36, F37). List them with where their
 * explanation stands, explain them, re-push the approved ones, and show one with its explanations.
 */
export function registerErrorsCommands(program: Command, ctx: Context): void {
  const errors = withExamples(
    program
      .command('errors')
      .description('failed transactions: list, explain, re-push once the Ministry approves, show'),
    [
      'hdld errors list --status awaiting-explanation',
      'hdld errors explain 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f --text "Registry record corrected" --attach letter.pdf',
      'hdld errors repush 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f --wait',
    ],
  );

  withExamples(
    errors
      .command('list')
      .description('list failed transactions with their failure and explanation state')
      .option('--from <date>', 'received on or after (ISO date or date-time)')
      .option('--to <date>', 'received before (ISO date or date-time)')
      .addOption(
        new Option('--status <state>', 'only those whose explanation stands at').choices(
          Object.keys(STATUS_FILTERS),
        ),
      )
      .option('--limit <n>', 'at most this many rows', (v) => Number.parseInt(v, 10), 1000),
    [
      'hdld errors list',
      'hdld errors list --from 2026-03-01 --to 2026-04-01 --status awaiting-explanation',
      'hdld errors list --json | jq -r ".[].transactionId"',
    ],
  ).action(async (flags: { from?: string; to?: string; status?: StatusFilter; limit: number }) => {
    const { duplicatesTable, failedQuery, failedTable } = await import('../errors/failed-transactions.js');
    const period = { from: parseDateOption(flags.from, '--from'), to: parseDateOption(flags.to, '--to') };
    const query = failedQuery({ status: flags.status, ...period });
    const client = await ctx.client();
    const transactions = await client.transactions
      .list({ ...query, limit: 500 }, { signal: ctx.signal })
      .toArray({ limit: flags.limit });
    if (ctx.json) return ctx.term.out(JSON.stringify(transactions, null, 2));
    // F9: a duplicate succeeded with another reference's ID; shown apart, never as a success of its own.
    const duplicates = flags.status
      ? []
      : await client.transactions
          .list(
            {
              replay: true,
              ...(period.from ? { receivedFrom: period.from.toISOString() } : {}),
              ...(period.to ? { receivedTo: period.to.toISOString() } : {}),
              limit: 500,
            },
            { signal: ctx.signal },
          )
          .toArray({ limit: flags.limit });
    if (transactions.length === 0) ctx.term.err(t(ctx.lang, 'errors.none'));
    else {
      ctx.term.out(failedTable(transactions, ctx.lang));
      ctx.term.err(`${t(ctx.lang, 'errors.count')}: ${transactions.length}`);
    }
    if (duplicates.length > 0) {
      ctx.term.out(`\n${t(ctx.lang, 'errors.duplicates')}:\n${duplicatesTable(duplicates, ctx.lang)}`);
    }
  });

  withExamples(
    errors
      .command('show')
      .description('show a failed transaction: its errors, what to do, its explanations and decisions')
      .argument('<transaction-id>', 'transaction id'),
    [
      'hdld errors show 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
      'hdld errors show 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f --json',
    ],
  ).action(async (transactionId: string) => {
    const client = await ctx.client();
    const transaction = await client.transactions.get(transactionId, { signal: ctx.signal });
    const explanations = await client.explanations.list({ transactionId }, { signal: ctx.signal }).toArray();
    if (ctx.json) return ctx.term.out(JSON.stringify({ transaction, explanations }, null, 2));
    const { lang } = ctx;
    const [{ describeExplanations, fixes }, { describeTransaction }] = await Promise.all([
      import('../errors/failed-transactions.js'),
      import('../output/describe.js'),
    ]);
    const advice = fixes(transaction, lang);
    ctx.term.out(
      [
        describeTransaction(transaction, lang),
        ...(advice.length ? [`${t(lang, 'field.fix')}:`, ...advice] : []),
        ...(explanations.length
          ? ['', `${t(lang, 'field.explanations')}:`, describeExplanations(explanations, lang)]
          : []),
      ].join('\n'),
    );
  });

  withExamples(
    errors
      .command('explain')
      .description('explain failed transactions so they may be re-pushed once the Ministry approves')
      .argument('<transaction-id...>', 'failed transactions awaiting an explanation')
      .option('--text <text>', 'the explanation (10 to 5,000 characters)')
      .option('--text-file <file>', 'read the explanation from a file (- for stdin)')
      .option('--attach <file...>', 'supporting files: PDF, PNG, JPEG or text, 2 MiB each, at most 5'),
    [
      'hdld errors explain 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f --text "The employee\'s record was corrected in the population registry"',
      'hdld errors explain ID1 ID2 --text-file explanation.txt --attach registry-letter.pdf',
    ],
  ).action(
    async (transactionIds: string[], flags: { text?: string; textFile?: string; attach?: string[] }) => {
      const text = await explanationText(ctx, flags);
      const missing = (flags.attach ?? []).find((path) => !existsSync(path));
      if (missing) throw new UsageError(`--attach ${missing}: no such file`);
      await ctx.confirmWrite(`${t(ctx.lang, 'errors.confirmExplain')} ${transactionIds.length}`);
      const client = await ctx.client();
      const explanation = await asRefusal(ctx, () =>
        client.explanations.create(
          { transactionIds, text: text.trim(), attachments: (flags.attach ?? []).map((path) => ({ path })) },
          { signal: ctx.signal },
        ),
      );
      if (ctx.json) return ctx.term.out(JSON.stringify(explanation, null, 2));
      const { describeExplanations } = await import('../errors/failed-transactions.js');
      ctx.term.out(describeExplanations([explanation], ctx.lang));
      ctx.term.err(t(ctx.lang, 'errors.explained'));
    },
  );

  withExamples(
    errors
      .command('repush')
      .description('push approved failed transactions again (exit 3 if any is refused; rerunning is safe)')
      .argument('<transaction-id...>', 'failed transactions whose explanation was approved')
      .option('--wait', 'wait for each new outcome (exit 5 if any fails again)'),
    [
      'hdld errors repush 0192f0c5-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
      'hdld errors list --status approved --json | jq -r ".[].transactionId" | xargs hdld errors repush --wait',
    ],
  ).action(async (transactionIds: string[], flags: { wait?: boolean }) => {
    await ctx.confirmWrite(`${t(ctx.lang, 'errors.confirmRepush')} ${transactionIds.length}`);
    const client = await ctx.client();
    const { repushAll, repushExitCode, repushTable } = await import('../errors/repush.js');
    const outcomes = await repushAll(client, transactionIds, {
      wait: Boolean(flags.wait),
      signal: ctx.signal,
    });
    if (ctx.json) ctx.term.out(JSON.stringify(outcomes, null, 2));
    else {
      ctx.term.out(repushTable(outcomes, ctx.lang));
      for (const o of outcomes)
        if (o.result === 'refused' && o.detail) ctx.term.err(`${o.transactionId}: ${o.detail}`);
    }
    const code = repushExitCode(outcomes);
    if (code === ExitCode.validationFailed) throw new ExitError(code, t(ctx.lang, 'errors.refused'));
    if (code !== ExitCode.ok) throw new ExitError(code, t(ctx.lang, 'errors.failedAgain'));
  });
}

/** The explanation from `--text`, `--text-file FILE` or `--text-file -` (stdin): exactly one. */
async function explanationText(ctx: Context, flags: { text?: string; textFile?: string }): Promise<string> {
  if (flags.text !== undefined && flags.textFile !== undefined)
    throw new UsageError(t(ctx.lang, 'errors.oneText'));
  if (flags.text !== undefined) return flags.text;
  if (flags.textFile === undefined) throw new UsageError(t(ctx.lang, 'errors.needText'));
  if (flags.textFile !== '-') {
    if (!existsSync(flags.textFile)) throw new UsageError(`--text-file ${flags.textFile}: no such file`);
    return readFile(flags.textFile, 'utf8');
  }
  let text = '';
  for await (const chunk of ctx.term.stdin) text += chunk.toString();
  return text;
}

/**
 * A refusal of the Platform (409 not awaiting an explanation, 404 unknown transaction) is exit 3 in
 * the documented table ("a 4xx refusal of the Platform"), like a validation failure; it is printed
 * as any Platform error.
 */
async function asRefusal<T>(ctx: Context, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { HdldConflictError, HdldNotFoundError } = await import('@hdld/sdk');
    if (!(error instanceof HdldConflictError || error instanceof HdldNotFoundError)) throw error;
    await reportError(error, ctx.term, { lang: ctx.lang, json: ctx.json, profileName: ctx.profileName() });
    throw new ExitError(ExitCode.validationFailed);
  }
}
