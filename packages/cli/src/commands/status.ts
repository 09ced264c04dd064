import type { Command } from 'commander';
import type { Context } from '../context.js';
import { withExamples } from './help.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `hdld status <transaction|contract-id|reference>` (T10): a UUID is a transaction, a valid contract
 * ID (check digits) a contract, anything else the provider's own reference.
 */
export function registerStatusCommand(program: Command, ctx: Context): void {
  withExamples(
    program
      .command('status')
      .description('show the outcome of a submission, or the state of a contract')
      .argument('<id>', 'transaction id, contract ID or provider reference'),
    [
      'hdld status 0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e',
      'hdld status HD-2026-000123 --json | jq .contractId',
      'hdld status 2604173920581648',
    ],
  ).action(async (id: string) => {
    const client = await ctx.client();
    const [{ isValidContractId }, { describeContract, describeTransaction }] = await Promise.all([
      import('@hdld/sdk'),
      import('../output/describe.js'),
    ]);
    const compact = id.replace(/[\s.-]/g, '');
    if (!UUID.test(id) && isValidContractId(compact)) {
      const contract = await client.contracts.get(compact, { signal: ctx.signal });
      return ctx.term.out(
        ctx.json ? JSON.stringify(contract, null, 2) : describeContract(contract, ctx.lang),
      );
    }
    const transaction = UUID.test(id)
      ? await client.transactions.get(id, { signal: ctx.signal })
      : await client.transactions.getByReference(id, { signal: ctx.signal });
    ctx.term.out(
      ctx.json ? JSON.stringify(transaction, null, 2) : describeTransaction(transaction, ctx.lang),
    );
  });
}
