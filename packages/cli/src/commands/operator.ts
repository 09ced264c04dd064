import { type Command, Option } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import {
  EXPLANATION_STATES,
  lower,
  PROVIDER_STATUSES,
  upper,
  VIOLATION_ACTIONS,
} from '../operator/values.js';
import { ExitError, reportError, UsageError } from '../output/errors.js';
import { parseDateOption } from '../reconcile/period.js';
import { parsePeriod } from '../reports/report-file.js';
import { withExamples } from './help.js';

/**
 * `hdld operator`: the Ministry operator's daily work over the SDK, one subcommand per operation
 * the spec has: the reconciliation of every provider's transactions (F35), the explanations queue
 * and its decisions (F36, F37), the provider registry and connection status (N8, F12, Art. 15.4),
 * and the monthly violations report with its actions (F38, F39). The profile holds the operator's
 * client id and key (or sandbox secret), as a provider's does.
 */
export function registerOperatorCommands(program: Command, ctx: Context): void {
  const operator = withExamples(
    program
      .command('operator')
      .description(
        "the Ministry's side: reconciliation, explanations, providers, violations (operator profile)",
      ),
    [
      'hdld --profile moha operator reconciliation --from 2026-03-01 --to 2026-04-01',
      'hdld --profile moha operator explanations list --state pending',
      'hdld --profile moha operator explanations approve <explanation-id> --reason "Registry record corrected"',
      'hdld --profile moha operator violations generate --period 2026-02',
    ],
  );
  registerReconciliation(operator, ctx);
  registerExplanations(operator, ctx);
  registerProviders(operator, ctx);
  registerViolations(operator, ctx);
}

/**
 * Runs an operator action. A provider's profile gets FORBIDDEN from these operations: the Platform's
 * problem is printed as any other, plus what profile is needed; exit 4 (authorisation refused).
 */
function operatorAction<A extends unknown[]>(ctx: Context, action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      const { HdldAuthError } = await import('@hdld/sdk');
      if (!(error instanceof HdldAuthError) || error.code !== 'FORBIDDEN') throw error;
      const code = await reportError(error, ctx.term, {
        lang: ctx.lang,
        json: ctx.json,
        profileName: ctx.profileName(),
      });
      throw new ExitError(code, t(ctx.lang, 'operator.forbidden'));
    }
  };
}

function reasonOf(ctx: Context, reason: string | undefined): string {
  if (!reason?.trim()) throw new UsageError(t(ctx.lang, 'operator.needReason'));
  return reason.trim();
}

const print = (ctx: Context, value: unknown, text: () => string) =>
  ctx.term.out(ctx.json ? JSON.stringify(value, null, 2) : text());

function registerReconciliation(operator: Command, ctx: Context): void {
  withExamples(
    operator
      .command('reconciliation')
      .description("every provider's transactions in a period and where they stand (F35)")
      .option('--from <date>', 'received on or after (ISO date or date-time)')
      .option('--to <date>', 'received before (ISO date or date-time)')
      .option('--provider <id>', 'one provider only'),
    [
      'hdld operator reconciliation --from 2026-03-01 --to 2026-04-01',
      'hdld operator reconciliation --provider prov-econtract-demo --json | jq .totals',
    ],
  ).action(
    operatorAction(ctx, async (flags: { from?: string; to?: string; provider?: string }) => {
      const query = {
        from: parseDateOption(flags.from, '--from'),
        to: parseDateOption(flags.to, '--to'),
        providerId: flags.provider,
      };
      const client = await ctx.client();
      const report = await client.reconciliation.get(query, { signal: ctx.signal });
      const { reconciliationView } = await import('../operator/render.js');
      print(ctx, report, () => reconciliationView(report, ctx.lang));
    }),
  );
}

function registerExplanations(operator: Command, ctx: Context): void {
  const explanations = withExamples(
    operator
      .command('explanations')
      .description('explanations of failed transactions: list, approve or reject them (F36, F37)'),
    [
      'hdld operator explanations list --state pending',
      'hdld operator explanations reject <explanation-id> --reason "The certificate had expired"',
    ],
  );

  withExamples(
    explanations
      .command('list')
      .description('list explanations, newest first')
      .addOption(new Option('--state <state>', 'only in this state').choices(lower(EXPLANATION_STATES)))
      .option('--provider <id>', "one provider's only")
      .option('--transaction <id>', 'only those covering this transaction')
      .option('--limit <n>', 'at most this many rows', (v) => Number.parseInt(v, 10), 1000),
    [
      'hdld operator explanations list --state pending',
      'hdld operator explanations list --state pending --json | jq -r ".[].explanationId"',
    ],
  ).action(
    operatorAction(
      ctx,
      async (flags: { state?: string; provider?: string; transaction?: string; limit: number }) => {
        const client = await ctx.client();
        const list = await client.explanations
          .list(
            {
              limit: 100,
              ...(flags.state ? { state: upper<(typeof EXPLANATION_STATES)[number]>(flags.state) } : {}),
              ...(flags.provider ? { providerId: flags.provider } : {}),
              ...(flags.transaction ? { transactionId: flags.transaction } : {}),
            },
            { signal: ctx.signal },
          )
          .toArray({ limit: flags.limit });
        if (ctx.json) return ctx.term.out(JSON.stringify(list, null, 2));
        if (list.length === 0) return ctx.term.err(t(ctx.lang, 'operator.noExplanations'));
        const { explanationsView } = await import('../operator/render.js');
        ctx.term.out(explanationsView(list, ctx.lang));
        ctx.term.err(`${t(ctx.lang, 'operator.explanations')}: ${list.length}`);
      },
    ),
  );

  for (const [name, decision] of [
    ['approve', 'APPROVED'],
    ['reject', 'REJECTED'],
  ] as const) {
    withExamples(
      explanations
        .command(name)
        .description(
          decision === 'APPROVED'
            ? 'approve explanations: their transactions may be re-pushed (exit 3 if any is refused)'
            : 'reject explanations: the provider explains again or resubmits (exit 3 if any is refused)',
        )
        .argument('<explanation-id...>', 'pending explanations')
        .option('--reason <text>', 'the reason, recorded with the decision'),
      [
        `hdld operator explanations ${name} 0192f0d0-3c4d-7e5f-8a6b-7c8d9e0f1a2b --reason "${decision === 'APPROVED' ? 'Registry record corrected' : 'The certificate had expired'}"`,
      ],
    ).action(
      operatorAction(ctx, async (ids: string[], flags: { reason?: string }) => {
        const reason = reasonOf(ctx, flags.reason);
        await ctx.confirmWrite(`${t(ctx.lang, 'operator.confirmDecide')} ${ids.length}`);
        const client = await ctx.client();
        const { settleEach, settledTable } = await import('../operator/settle-each.js');
        const settled = await settleEach(ids, (id) =>
          client.explanations.decide(id, { decision, reason }, { signal: ctx.signal }),
        );
        print(ctx, settled, () =>
          settledTable(settled, ctx.lang, (e) => t(ctx.lang, `explanationState.${e.state}`)),
        );
        if (settled.some((s) => s.result === 'refused'))
          throw new ExitError(ExitCode.validationFailed, t(ctx.lang, 'operator.refused'));
      }),
    );
  }
}

function registerProviders(operator: Command, ctx: Context): void {
  const providers = withExamples(
    operator
      .command('providers')
      .description('the provider registry: list, suspend, restore, disconnect (N8, F12)'),
    [
      'hdld operator providers list --status suspended',
      'hdld operator providers restore prov-econtract-demo --reason "Fixed"',
    ],
  );

  withExamples(
    providers
      .command('list')
      .description('every registered provider with its connection status')
      .addOption(new Option('--status <status>', 'only in this status').choices(lower(PROVIDER_STATUSES))),
    ['hdld operator providers list', 'hdld operator providers list --status suspended --json'],
  ).action(
    operatorAction(ctx, async (flags: { status?: string }) => {
      const client = await ctx.client();
      const list = await client.providers.list(
        flags.status ? { status: upper<(typeof PROVIDER_STATUSES)[number]>(flags.status) } : {},
        {
          signal: ctx.signal,
        },
      );
      if (ctx.json) return ctx.term.out(JSON.stringify(list, null, 2));
      if (list.length === 0) return ctx.term.err(t(ctx.lang, 'operator.noProviders'));
      const { providersView } = await import('../operator/render.js');
      ctx.term.out(providersView(list, ctx.lang));
      ctx.term.err(`${t(ctx.lang, 'operator.providers')}: ${list.length}`);
    }),
  );

  for (const [name, status, what] of [
    ['suspend', 'SUSPENDED', 'suspend a provider: its calls are refused until restored (Art. 15.4, F39)'],
    ['restore', 'ACTIVE', 'restore a suspended provider (F39)'],
    ['disconnect', 'DISCONNECTED', 'disconnect a provider for good (Art. 15.4, F39)'],
  ] as const) {
    withExamples(
      providers
        .command(name)
        .description(what)
        .argument('<provider-id>', 'provider id')
        .option('--reason <text>', 'the reason, recorded and e-mailed to the provider'),
      [`hdld operator providers ${name} prov-econtract-demo --reason "Violations report 2026-02"`],
    ).action(
      operatorAction(ctx, async (providerId: string, flags: { reason?: string }) => {
        const reason = reasonOf(ctx, flags.reason);
        await ctx.confirmWrite(`${t(ctx.lang, 'operator.confirmStatus')} ${providerId} → ${status}`);
        const client = await ctx.client();
        const provider = await client.providers.changeStatus(
          providerId,
          { status, reason },
          { signal: ctx.signal },
        );
        const { providerView } = await import('../operator/render.js');
        print(ctx, provider, () => providerView(provider, ctx.lang));
      }),
    );
  }
}

function registerViolations(operator: Command, ctx: Context): void {
  const violations = withExamples(
    operator
      .command('violations')
      .description('the monthly report of violating providers: generate, show, act (F38)'),
    [
      'hdld operator violations generate --period 2026-02',
      'hdld operator violations show --period 2026-02 --json',
    ],
  );

  withExamples(
    violations
      .command('generate')
      .description('make the violations report on a month that has ended (default: the previous month)')
      .option('--period <YYYY-MM>', 'the month')
      .option('--regenerate', "a new version from today's data, keeping the earlier ones"),
    ['hdld operator violations generate', 'hdld operator violations generate --period 2026-02 --regenerate'],
  ).action(
    operatorAction(ctx, async (flags: { period?: string; regenerate?: boolean }) => {
      const period = flags.period === undefined ? undefined : parsePeriod(flags.period, ctx.lang);
      await ctx.confirmWrite(`${t(ctx.lang, 'operator.confirmGenerate')} ${period ?? '-'}`);
      const client = await ctx.client();
      const report = await client.violationReports.generate(
        { ...(period ? { period } : {}), regenerate: Boolean(flags.regenerate) },
        { signal: ctx.signal },
      );
      const { violationReportView } = await import('../operator/render.js');
      print(ctx, report, () => violationReportView(report, ctx.lang));
    }),
  );

  withExamples(
    violations
      .command('show')
      .description("show a violations report by id, or a month's latest (--period)")
      .argument('[report-id]', 'report id (default: the latest report)')
      .option('--period <YYYY-MM>', 'the latest report on this month'),
    [
      'hdld operator violations show --period 2026-02',
      'hdld operator violations show 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b --json',
    ],
  ).action(
    operatorAction(ctx, async (reportId: string | undefined, flags: { period?: string }) => {
      const period = flags.period === undefined ? undefined : parsePeriod(flags.period, ctx.lang);
      const client = await ctx.client();
      const report = reportId
        ? await client.violationReports.get(reportId, { signal: ctx.signal })
        : (
            await client.violationReports
              .list({ limit: 1, ...(period ? { period } : {}) }, { signal: ctx.signal })
              .toArray({ limit: 1 })
          )[0];
      if (!report)
        throw new ExitError(
          ExitCode.validationFailed,
          `${t(ctx.lang, 'operator.noReport')} ${period ?? '-'}`,
        );
      const { violationReportView } = await import('../operator/render.js');
      print(ctx, report, () => violationReportView(report, ctx.lang));
    }),
  );

  withExamples(
    violations
      .command('act')
      .description("suspend or disconnect a provider of the report; recorded on the report's line (F38, F39)")
      .argument('<report-id>', 'report id')
      .argument('<provider-id>', 'a provider of the report')
      .addOption(
        new Option('--status <status>', 'what to do').choices(lower(VIOLATION_ACTIONS)).makeOptionMandatory(),
      )
      .option('--reason <text>', 'the reason, recorded and e-mailed to the provider'),
    [
      'hdld operator violations act 0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b prov-econtract-demo --status suspended --reason "Failure rate 35% in 2026-02"',
    ],
  ).action(
    operatorAction(
      ctx,
      async (reportId: string, providerId: string, flags: { status: string; reason?: string }) => {
        const reason = reasonOf(ctx, flags.reason);
        const status = upper<(typeof VIOLATION_ACTIONS)[number]>(flags.status);
        await ctx.confirmWrite(`${t(ctx.lang, 'operator.confirmAct')} ${providerId} → ${status}`);
        const client = await ctx.client();
        const line = await client.violationReports.act(
          reportId,
          providerId,
          { status, reason },
          { signal: ctx.signal },
        );
        const { violationLineView } = await import('../operator/render.js');
        print(ctx, line, () => violationLineView(line, ctx.lang));
      },
    ),
  );
}
