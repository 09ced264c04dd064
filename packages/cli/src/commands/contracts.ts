import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HdldClient } from '@hdld/sdk';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';
import { grid } from '../output/terminal.js';
import { withExamples } from './help.js';

/** `hdld contracts list|get|download` (S1.1, S1.2): the provider's contracts with an ID. */
export function registerContractsCommands(program: Command, ctx: Context): void {
  const contracts = withExamples(
    program.command('contracts').description('look up contracts that have an ID'),
    [
      'hdld contracts list --since 2026-03-01',
      'hdld contracts get 2604173920581648 --json',
      'hdld contracts download 2604173920581648 --out ./contracts',
    ],
  );

  withExamples(
    contracts
      .command('list')
      .description('list the IDs issued to this provider (from its succeeded transactions)')
      .option('--since <date>', 'received on or after (ISO date or date-time)')
      .option('--until <date>', 'received before (ISO date or date-time)')
      .option('--limit <n>', 'at most this many rows', (v) => Number.parseInt(v, 10), 1000),
    ['hdld contracts list', 'hdld contracts list --since 2026-03-01 --until 2026-04-01 --json'],
  ).action(async (flags: { since?: string; until?: string; limit: number }) => {
    const client = await ctx.client();
    const query = {
      status: 'SUCCEEDED' as const,
      ...(flags.since ? { receivedFrom: new Date(flags.since).toISOString() } : {}),
      ...(flags.until ? { receivedTo: new Date(flags.until).toISOString() } : {}),
    };
    const rows = (
      await client.transactions
        .list({ ...query, limit: 500 }, { signal: ctx.signal })
        .toArray({ limit: flags.limit })
    )
      .filter((tx) => tx.kind === 'CONTRACT' && tx.contractId)
      .map((tx) => ({
        contractId: tx.contractId!,
        providerReference: tx.providerReference,
        transactionId: tx.transactionId,
        receivedAt: tx.receivedAt,
        replay: tx.replay,
      }));
    if (ctx.json) return ctx.term.out(JSON.stringify(rows, null, 2));
    const { formatContractId } = await import('@hdld/sdk');
    ctx.term.out(
      grid(
        ['CONTRACT ID', 'REFERENCE', 'RECEIVED', 'TRANSACTION'],
        rows.map((r) => [formatContractId(r.contractId), r.providerReference, r.receivedAt, r.transactionId]),
      ),
    );
  });

  const getContract = (client: HdldClient, id: string) =>
    client.contracts.get(id.replace(/[\s.-]/g, ''), { signal: ctx.signal });

  withExamples(
    contracts
      .command('get')
      .description('show a contract: state, main data, documents')
      .argument('<contract-id>', 'contract ID'),
    ['hdld contracts get 2604173920581648', 'hdld contracts get 2604173920581648 --json | jq .mainData'],
  ).action(async (id: string) => {
    const contract = await getContract(await ctx.client(), id);
    const { describeContract } = await import('../output/describe.js');
    ctx.term.out(ctx.json ? JSON.stringify(contract, null, 2) : describeContract(contract, ctx.lang));
  });

  withExamples(
    contracts
      .command('download')
      .description('download the documents of a contract (signed PDFs, evidence, logs)')
      .argument('<contract-id>', 'contract ID')
      .option('--out <dir>', 'folder to write to', '.')
      .option('--document <id>', 'only this document'),
    [
      'hdld contracts download 2604173920581648 --out ./archive',
      'hdld contracts download 2604173920581648 --document doc_1',
    ],
  ).action(async (id: string, flags: { out: string; document?: string }) => {
    const client = await ctx.client();
    const contract = await getContract(client, id);
    const documents = contract.documents.filter((d) => !flags.document || d.documentId === flags.document);
    if (documents.length === 0) throw new UsageError(`${t(ctx.lang, 'error.noDocument')}: ${flags.document}`);
    const written = [];
    for (const document of documents) {
      const { bytes } = await client.contracts.downloadDocument(contract.contractId, document.documentId, {
        signal: ctx.signal,
      });
      // fileName is restricted by the spec to a plain name (no directory part).
      const path = join(flags.out, `${contract.contractId}-${document.documentId}-${document.fileName}`);
      await writeFile(path, bytes);
      written.push({ documentId: document.documentId, kind: document.kind, path, size: document.size });
    }
    if (ctx.json) return ctx.term.out(JSON.stringify(written, null, 2));
    for (const w of written) ctx.term.out(w.path);
  });
}
