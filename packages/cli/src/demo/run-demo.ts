import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHdldClient, formatContractId } from '@hdld/sdk';
import type { Context } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { ExitError, UsageError } from '../output/errors.js';
import { grid, table } from '../output/terminal.js';
import { reconcile } from '../reconcile/reconcile.js';
import { figuresTable } from '../reconcile/render-figures.js';
import { createSyncReporter } from '../sync/reporters.js';
import { runSync } from '../sync/run-sync.js';
import { readSyncSource } from '../sync/source.js';
import { makeSampleContracts } from './sample-contracts.js';
import { startSandboxPki } from './sandbox-pki.js';
import { startSandboxServer } from './sandbox-server.js';

const PROVIDER = { id: 'sandbox', name: 'Nhà cung cấp thử nghiệm (sandbox)' };

export type DemoFlags = { count: number; out?: string; concurrency: number; keepServer?: boolean };

/**
 * `hdld demo`: the whole provider job on this machine, nothing to install (S2.4 test environment).
 * Reference Platform in-process on PGlite, test PKI and TSA, sample contracts built, signed by both
 * parties (B-T) and certified, synced with the progress view, reconciled, summarised.
 */
export async function runDemo(ctx: Context, flags: DemoFlags): Promise<void> {
  if (!Number.isInteger(flags.count) || flags.count < 1) throw new UsageError(`--count ${flags.count}`);
  const lang = ctx.lang;
  const step = (key: Parameters<typeof t>[1], extra = '') => ctx.term.err(`› ${t(lang, key)}${extra}`);
  const started = performance.now();
  const out = resolve(flags.out ?? (await mkdtemp(join(tmpdir(), 'hdld-demo-'))));
  // Without --out the files live as long as the run (and the server, with --keep-server).
  const keep = Boolean(flags.out);
  const dirs = {
    pki: join(out, 'pki'),
    contracts: join(out, 'contracts'),
    server: join(out, 'platform'),
    receipts: join(out, 'receipts'),
  };
  await Promise.all(Object.values(dirs).map((d) => mkdir(d, { recursive: true })));

  step('demo.pki', ` (${dirs.pki})`);
  const pki = await startSandboxPki(dirs.pki);
  step('demo.server');
  const server = await startSandboxServer(dirs.server, pki.trust);
  try {
    ctx.term.err(`  ${server.url}`);
    step('demo.contracts', ` (${flags.count})`);
    const buildStarted = performance.now();
    const { identities } = await makeSampleContracts({
      dir: dirs.contracts,
      count: flags.count,
      pki: pki.pki,
      tsaUrl: pki.tsaUrl,
      provider: PROVIDER,
    });
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    // The sandbox's population registry must know the employees before their identity is checked (F8).
    await server.platform.identity.register(identities);

    step('demo.sync');
    const client = createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.clientId, clientSecret: server.clientSecret },
      lang,
    });
    const journal = join(out, 'sync-journal.ndjson');
    const mode = ctx.term.interactive && !ctx.json ? 'ink' : 'quiet';
    const reporter = createSyncReporter(ctx.term, mode, lang);
    const { items } = await readSyncSource(dirs.contracts);
    const sync = await runSync({
      client,
      items,
      journal,
      concurrency: flags.concurrency,
      reporter,
      interactive: mode === 'ink',
      signal: ctx.signal,
    });
    if (ctx.signal.aborted) throw new ExitError(ExitCode.cancelled);

    step('demo.reconcile');
    const report = await reconcile(client, { journals: [journal], signal: ctx.signal });
    // Each receipt is checked offline against the Platform's published keys before it is kept (F9, S2.2).
    for (const row of report.rows) {
      if (!row.transaction?.receipt) continue;
      const payload = await client.verifyReceipt(row.transaction);
      await writeFile(
        join(dirs.receipts, `${row.reference}.receipt.json`),
        `${JSON.stringify({ jws: row.transaction.receipt, payload }, null, 2)}\n`,
      );
    }
    const issued = report.rows.filter((r) => r.outcome === 'matched' && r.contractId);
    const failed = report.rows.filter((r) => r.outcome !== 'matched');
    const summary = {
      count: flags.count,
      issued: issued.length,
      failed: failed.length,
      mismatches: report.mismatches,
      // The journal against the Platform's own reconciliation figures for the period (F35).
      figures: {
        agree: report.figures.agree,
        journal: report.figures.journal,
        platform: report.figures.platform,
        differences: report.figures.differences,
      },
      buildSeconds: round(buildSeconds),
      syncSeconds: round(sync.seconds),
      throughput: round(sync.throughput),
      totalSeconds: round((performance.now() - started) / 1000),
      out: keep ? out : null,
      contracts: report.rows.map((r) => ({
        providerReference: r.reference,
        contractId: r.contractId ?? null,
        outcome: r.outcome,
        errors: r.errors,
      })),
    };
    if (ctx.json) ctx.term.out(JSON.stringify(summary, null, 2));
    else {
      ctx.term.out(
        grid(
          ['REFERENCE', 'CONTRACT ID', 'OUTCOME'],
          report.rows.map((r) => [
            r.reference,
            r.contractId ? formatContractId(r.contractId) : '-',
            r.outcome,
          ]),
        ),
      );
      ctx.term.out(
        `\n${t(lang, 'reconcile.figures')}\n${figuresTable(report.figures, lang, ctx.term.color)}`,
      );
      ctx.term.out('');
      ctx.term.out(
        table([
          [t(lang, 'demo.issued'), `${issued.length}/${flags.count}`],
          [t(lang, 'demo.failures'), String(failed.length)],
          [t(lang, 'demo.buildTime'), `${summary.buildSeconds} s`],
          [
            t(lang, 'demo.syncTime'),
            `${summary.syncSeconds} s (${summary.throughput} ${t(lang, 'sync.perSecond')})`,
          ],
          [t(lang, 'demo.totalTime'), `${summary.totalSeconds} s`],
          ...(keep ? [[t(lang, 'demo.output'), out] as [string, string]] : []),
        ]),
      );
      for (const row of failed) ctx.term.err(`${row.reference}: ${row.outcome} ${row.errors.join('; ')}`);
    }
    if (flags.keepServer) {
      const secretFile = join(dirs.server, 'sandbox-provider.json');
      // The secret itself is never printed: it stays in the 0600 file.
      ctx.term.err(
        [
          t(lang, 'demo.keepServer'),
          `  export HDLD_BASE_URL=${server.url} HDLD_CLIENT_ID=${server.clientId}`,
          `  export HDLD_CLIENT_SECRET="$(node -p "require('${secretFile}').clientSecret")"`,
          `  hdld contracts list; hdld reconcile --journal ${journal}; hdld validate ${dirs.contracts} --trust ${pki.files.root}`,
        ].join('\n'),
      );
      await new Promise<void>((done) => ctx.signal.addEventListener('abort', () => done(), { once: true }));
    }
    if (!report.figures.agree || failed.length > 0 || sync.failed + sync.rejected + sync.interrupted > 0)
      throw new ExitError(ExitCode.partialBatchFailure);
  } finally {
    await server.close();
    await pki.close();
    if (!keep) await rm(out, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
