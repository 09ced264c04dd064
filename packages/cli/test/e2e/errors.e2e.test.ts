import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Schemas, TransactionSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { expectGolden, normalize } from '../support/golden-text.js';
import { runCli } from '../support/run-cli.js';

/**
 * The provider's side of failed transactions with the built CLI against the reference server (F36,
 * F37): two contracts fail on the population registry (IDENTITY_MISMATCH); `hdld errors list`
 * shows them, one is explained, an operator approves it, it is re-pushed and gets its ID; the other,
 * never approved, is refused with its catalog code and exit 3.
 */
describe('hdld errors list|explain|repush|show (built CLI, real server)', () => {
  let sandbox: CliSandbox;
  let hdld: (args: string[], stdin?: string) => ReturnType<typeof runCli>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sandbox = await startCliSandbox(2);
    hdld = (args, stdin) => runCli(args, sandbox.env, stdin);
    // The registry spells both employees' names otherwise: the identity check fails (F8).
    await sandbox.server.platform.identity.register(
      sandbox.identities.map((identity) => ({ ...identity, fullName: 'Tên Khác Trong Sổ' })),
    );
    // One at a time: the Platform lists newest first, so the order of the rows is known.
    const sync = await hdld(['sync', sandbox.dir, '--json', '--concurrency', '1']);
    expect(sync.code).toBe(5);
    for (const tx of await sandbox.provider.transactions.listFailed().toArray()) {
      ids[tx.providerReference] = tx.transactionId;
    }
    expect(Object.keys(ids).sort()).toEqual(sandbox.references);
  }, 10 * 60_000);
  afterAll(async () => sandbox?.close());

  const [first, second] = ['HD-DEMO-000001', 'HD-DEMO-000002'];
  const replacements = () => ({ [sandbox.work]: '<work>' });

  it('lists the failed transactions awaiting an explanation, in English and Vietnamese', async () => {
    const en = await hdld(['errors', 'list', '--status', 'awaiting-explanation']);
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('Failed transactions: 2\n');
    expectGolden('errors-list.en.txt', normalize(en.stdout));
    const vi = await hdld(['errors', 'list', '--lang', 'vi']);
    expect(vi.stderr).toBe('Số giao dịch lỗi: 2\n');
    expectGolden('errors-list.vi.txt', normalize(vi.stdout));
    expect(vi.stdout).toContain('IDENTITY_MISMATCH');

    const json = await hdld(['errors', 'list', '--json']);
    const listed = (JSON.parse(json.stdout) as unknown[]).map((t) => TransactionSchema.parse(t));
    expect(listed.map((t) => [t.providerReference, t.status, t.explanationStatus])).toEqual([
      [second, 'FAILED', 'AWAITING_EXPLANATION'],
      [first, 'FAILED', 'AWAITING_EXPLANATION'],
    ]);
    const none = await hdld(['errors', 'list', '--status', 'approved']);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No failed transactions\n' });
  });

  it('refuses to re-push before an approval, with the catalog code and exit 3', async () => {
    const refused = await hdld(['errors', 'repush', ids[second]!]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('REPUSH_NOT_APPROVED');
    expect(refused.stderr).toContain('Refused by the Platform');
    expectGolden('errors-repush-refused.en.txt', normalize(refused.stdout));
    const json = await hdld(['errors', 'repush', ids[second]!, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { transactionId: ids[second], result: 'refused', code: 'REPUSH_NOT_APPROVED' },
    ]);
  });

  it('explains, is approved by an operator, re-pushes to SUCCEEDED, and a rerun is a no-op', async () => {
    const note = join(sandbox.work, 'registry-letter.txt');
    await writeFile(note, 'Registry record corrected on 2026-03-03.\n');
    const explained = await hdld(
      ['errors', 'explain', ids[first]!, '--text-file', '-', '--attach', note, '--json'],
      "The employee's name was misspelt in the population registry; corrected since.\n",
    );
    expect(explained.stderr).toBe('');
    expect(explained.code).toBe(0);
    const explanation = JSON.parse(explained.stdout) as Schemas['Explanation'];
    expect(explanation).toMatchObject({ state: 'PENDING', transactions: [{ transactionId: ids[first] }] });
    expectGolden('errors-explain.json', normalize(explained.stdout));

    // Explaining it again is refused: it no longer awaits an explanation.
    const twice = await hdld(['errors', 'explain', ids[first]!, '--text', 'Second explanation text.']);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain('TRANSACTION_NOT_AWAITING_EXPLANATION');
    const explainedList = await hdld(['errors', 'list', '--status', 'explained', '--json']);
    expect(
      (JSON.parse(explainedList.stdout) as { transactionId: string }[]).map((t) => t.transactionId),
    ).toEqual([ids[first]]);

    // The provider corrects the registry record; the Ministry operator approves (F37).
    const identity = sandbox.identities[0]!;
    await sandbox.server.platform.identity.register([identity]);
    await sandbox.operator.explanations.decide(explanation.explanationId, {
      decision: 'APPROVED',
      reason: 'Registry record corrected.',
    });

    const pushed = await hdld(['errors', 'repush', ids[first]!, '--wait']);
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain('SUCCEEDED');
    expectGolden('errors-repush.en.txt', normalize(pushed.stdout));
    const final = await sandbox.provider.transactions.get(ids[first]!);
    expect(final).toMatchObject({ status: 'SUCCEEDED', explanationStatus: 'REPUSHED' });

    const rerun = await hdld(['errors', 'repush', ids[first]!, '--json']);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject([
      { result: 'already', transaction: { status: 'SUCCEEDED', contractId: final.contractId } },
    ]);

    const show = await hdld(['errors', 'show', ids[first]!, '--lang', 'vi']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('đã đẩy lại');
    expectGolden('errors-show.vi.txt', normalize(show.stdout, replacements()));
    const shown = JSON.parse((await hdld(['errors', 'show', ids[first]!, '--json'])).stdout);
    expect(shown.explanations).toMatchObject([
      {
        state: 'APPROVED',
        decidedBy: sandbox.server.operator.operatorId,
        transactions: [{ repushedAt: expect.any(String) }],
      },
    ]);
  });

  it('shows a failed transaction with what the catalog says to do', async () => {
    const show = await hdld(['errors', 'show', ids[second]!]);
    expect(show.code).toBe(0);
    expectGolden('errors-show-failed.en.txt', normalize(show.stdout));
  });

  it('reconcile sees the re-push the journal missed, until sync --retry-failed records it (F35)', async () => {
    const journal = join(sandbox.dir, '.hdld-sync.ndjson');
    const before = JSON.parse((await hdld(['reconcile', '--journal', journal, '--json'])).stdout);
    expect(before.figures.differences).toEqual([
      { figure: 'succeeded', journal: 0, platform: 1 },
      { figure: 'failed', journal: 2, platform: 1 },
      { figure: 'failedWithCode', code: 'IDENTITY_MISMATCH', journal: 2, platform: 1 },
    ]);
    const resync = await hdld(['sync', sandbox.dir, '--retry-failed', '--json']);
    expect(resync.code).toBe(5);
    const after = await hdld(['reconcile', '--journal', journal, '--json']);
    const report = JSON.parse(after.stdout);
    expect(report.figures).toMatchObject({ agree: true, differences: [] });
    expect(report.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['matched', 'failed']);
    expect(after.code).toBe(5);
  });
});
