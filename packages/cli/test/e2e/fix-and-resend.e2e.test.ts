import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadJournalState } from '@hdld/sdk';
import { openFileJournal } from '@hdld/sdk/node';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JOURNAL } from '../../src/commands/sync.js';
import { contractPaths } from '../../src/contract/layout.js';
import { addDuplicateContract, type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { expectGolden, normalize } from '../support/golden-text.js';
import { runCli } from '../support/run-cli.js';

const [FIXED, ORIGINAL] = ['HD-DEMO-000001', 'HD-DEMO-000002'];
/** The signed contract of ORIGINAL packaged again under another reference: a replay (F9). */
const DUPLICATE = 'HD-DUP-000002';

/**
 * Progress lines depend on timing and throughput changes run to run: results and summaries stay,
 * throughput masked, progress lines left out.
 */
const steady = (text: string, replacements: Record<string, string>) =>
  normalize(text, replacements)
    .split('\n')
    .filter((line) => !/^\d+\/\d+ /.test(line))
    .join('\n')
    .replace(/[0-9.]+ (contracts\/s|hợp đồng\/giây)/g, 'x $1');

/**
 * Issue 14, F36, F37, F9 with the built CLI against the reference server: a contract fails, is
 * corrected, and is sent again under its own reference with `hdld sync --retry-failed` once its
 * re-push is approved (the journal records the successor); a duplicate is shown as the duplicate of
 * which reference and ID; every run that ends with failures exits 5, a rerun that sends nothing too.
 */
describe('hdld sync: fix and resend, duplicates, exit 5 (built CLI, real server)', () => {
  let sandbox: CliSandbox;
  let corrected: Schemas['ContractSubmission'];
  let failedId: string;
  const hdld = (args: string[]) => runCli(args, sandbox.env);

  beforeAll(async () => {
    sandbox = await startCliSandbox(2);
    corrected = await sandbox.readSubmission(FIXED);
    // A fixed term of four years (the Labour Code allows 36 months at most): a BUSINESS failure.
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    await sandbox.writeSubmission(FIXED, { ...corrected, mainData: { ...corrected.mainData, term } });
  }, 10 * 60_000);
  afterAll(async () => sandbox?.close());

  it('exits 5 on a failure, shows a duplicate as such, and exits 5 on a rerun that sends nothing', async () => {
    const first = await hdld(['sync', sandbox.dir, '--concurrency', '1']);
    expect(first.code).toBe(5);
    failedId = (await sandbox.provider.transactions.getByReference(FIXED)).transactionId;

    // The duplicate goes in a second run, once the original has its ID.
    await addDuplicateContract(sandbox, ORIGINAL, DUPLICATE);
    const second = await hdld(['sync', sandbox.dir]);
    expect(second.code).toBe(5);
    const contractId = (await sandbox.provider.transactions.getByReference(ORIGINAL)).contractId!;
    expect(second.stdout).toContain(`DUPLICATE\t${DUPLICATE}\tduplicate of ${ORIGINAL} (${contractId})`);
    const replacements = { [sandbox.work]: '<work>', [contractId]: '<contract id>' };
    expectGolden('sync-duplicate.en.txt', steady(`${second.stdout}${second.stderr}`, replacements));

    const rerun = await hdld(['sync', sandbox.dir, '--lang', 'vi']);
    expect(rerun.code).toBe(5);
    expect(rerun.stdout).toBe('');
    expectGolden('sync-rerun-failures.vi.txt', steady(rerun.stderr, replacements));

    const list = await hdld(['errors', 'list']);
    expect(list.stdout).toContain(`${DUPLICATE}`);
    expect(list.stdout).toContain(`${ORIGINAL} (${contractId})`);
  });

  it('sends the corrected package with --retry-failed once approved; the journal records the successor', async () => {
    await sandbox.writeSubmission(FIXED, corrected);
    const early = await hdld(['sync', sandbox.dir, '--retry-failed']);
    expect(early.code).toBe(5);
    expect(early.stdout).toContain(`REJECTED\t${FIXED}\tDUPLICATE_PROVIDER_REFERENCE`);

    const explained = await hdld([
      'errors',
      'explain',
      failedId,
      '--text',
      'The end date was mistyped; corrected in our system.',
      '--json',
    ]);
    expect(explained.code).toBe(0);
    const { explanationId } = JSON.parse(explained.stdout) as { explanationId: string };
    await sandbox.operator.explanations.decide(explanationId, {
      decision: 'APPROVED',
      reason: 'Typing error.',
    });

    const resent = await hdld(['sync', sandbox.dir, '--retry-failed']);
    // The duplicate still stands in the journal: the run ends with something to do.
    expect(resent.code).toBe(5);
    expect(resent.stdout).toMatch(new RegExp(`SUCCEEDED\\t${FIXED}\\t\\d{16}`));
    const journal = await openFileJournal(join(sandbox.dir, DEFAULT_JOURNAL));
    const state = (await loadJournalState(journal)).get(FIXED);
    await journal.close();
    const successor = await sandbox.provider.transactions.getByReference(FIXED);
    expect(state).toMatchObject({
      outcome: 'SUCCEEDED',
      transactionId: successor.transactionId,
      supersedes: failedId,
    });
    expect(await sandbox.provider.transactions.get(failedId)).toMatchObject({
      status: 'FAILED',
      explanationStatus: 'REPUSHED',
      supersededBy: successor.transactionId,
    });
    const list = await hdld(['errors', 'list']);
    expect(list.stdout).toContain(`→ ${successor.transactionId}`);

    // The duplicate's files removed, every contract of the run has its own ID: exit 0.
    for (const file of Object.values(contractPaths(sandbox.dir, DUPLICATE))) await rm(file, { force: true });
    expect((await hdld(['sync', sandbox.dir])).code).toBe(0);
  });
});
