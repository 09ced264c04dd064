import { join } from 'node:path';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDuplicateContract, type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { expectGolden, normalize } from '../support/golden-text.js';
import { runCli } from '../support/run-cli.js';

/**
 * What is done to each sample contract before `hdld sync`, and what `hdld reconcile` must then say
 * of it (F35): the journal's rows and figures, and the Platform's figures, agree exactly.
 */
const PLAN = {
  'HD-DEMO-000001': 'ok',
  'HD-DEMO-000002': 'ok',
  'HD-DEMO-000003': 'ok',
  'HD-DEMO-000004': 'tampered',
  'HD-DEMO-000005': 'tampered',
  'HD-DEMO-000006': 'identityMismatch',
  'HD-DEMO-000007': 'identityMismatch',
  'HD-DEMO-000008': 'identityMismatch',
  'HD-DEMO-000009': 'malformed',
} as const;
/**
 * The same signed contract as HD-DEMO-000001, packaged again under another reference (its own
 * certification evidence names the reference): the Platform answers with the existing ID, a replay.
 */
const DUPLICATE = 'HD-DUP-000001';

/**
 * The codes a failure must carry: a PDF changed after signing breaks both parties' signatures (N2,
 * F8); the registry's other name is an identity mismatch (F8). A body the schema refuses never
 * becomes a transaction (T9).
 */
const EXPECTED_ROWS: Record<string, { outcome: string; errors: string[] }> = {
  'HD-DEMO-000001': { outcome: 'matched', errors: [] },
  'HD-DEMO-000002': { outcome: 'matched', errors: [] },
  'HD-DEMO-000003': { outcome: 'matched', errors: [] },
  'HD-DEMO-000004': { outcome: 'failed', errors: ['SIGNATURE_DIGEST_MISMATCH'] },
  'HD-DEMO-000005': { outcome: 'failed', errors: ['SIGNATURE_DIGEST_MISMATCH'] },
  'HD-DEMO-000006': { outcome: 'failed', errors: ['IDENTITY_MISMATCH'] },
  'HD-DEMO-000007': { outcome: 'failed', errors: ['IDENTITY_MISMATCH'] },
  'HD-DEMO-000008': { outcome: 'failed', errors: ['IDENTITY_MISMATCH'] },
  'HD-DEMO-000009': { outcome: 'rejected', errors: ['REQUEST_INVALID'] },
  [DUPLICATE]: { outcome: 'duplicate', errors: [] },
};

type Report = {
  period: { from: string; to: string };
  counts: Record<string, number>;
  mismatches: number;
  figures: {
    agree: boolean;
    journal: Record<string, unknown> & { failuresByCode: { code: string; count: number }[] };
    platform: Schemas['ReconciliationFigures'];
    differences: unknown[];
  };
  rows: { providerReference: string; outcome: string; contractId: string; errors: string }[];
};

/** The last line, API calls: every call is logged, polls included, so the count varies run to run. */
const withoutApiCalls = (text: string) => text.replace(/(\s-\s+)\d+(\n?)$/, '$1N$2');

/** Flips one bit of the comment on the PDF's second line: still a valid PDF, no longer the signed bytes. */
function tamper(submission: Schemas['ContractSubmission']): Schemas['ContractSubmission'] {
  const [principal, ...others] = submission.documents;
  const pdf = Buffer.from(principal!.contentBase64, 'base64');
  pdf[10]! ^= 0x01;
  return { ...submission, documents: [{ ...principal!, contentBase64: pdf.toString('base64') }, ...others] };
}

describe('hdld sync with injected failures, then hdld reconcile against the Platform figures (F35)', () => {
  let sandbox: CliSandbox;
  let journal: string;
  let report: Report;

  beforeAll(async () => {
    sandbox = await startCliSandbox(Object.keys(PLAN).length);
    const { identities } = sandbox;
    await sandbox.server.platform.identity.register(
      identities.map((identity, i) =>
        PLAN[sandbox.references[i] as keyof typeof PLAN] === 'identityMismatch'
          ? { ...identity, fullName: 'Tên Khác Trong Sổ' }
          : identity,
      ),
    );
    for (const [reference, step] of Object.entries(PLAN)) {
      const submission = await sandbox.readSubmission(reference);
      if (step === 'tampered') await sandbox.writeSubmission(reference, tamper(submission));
      if (step === 'malformed') {
        const employee = { ...submission.mainData.employee, sex: 'X' as never };
        await sandbox.writeSubmission(reference, {
          ...submission,
          mainData: { ...submission.mainData, employee },
        });
      }
    }
    journal = join(sandbox.dir, '.hdld-sync.ndjson');
    const sync = await runCli(['sync', sandbox.dir, '--json', '--concurrency', '1'], sandbox.env);
    expect(sync.code).toBe(5);
    const summary = JSON.parse(sync.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ total: 9, succeeded: 3, failed: 5, rejected: 1 });

    // The duplicate goes in a second run, once the original has its ID: sent together, whichever
    // finishes its checks first gets the ID and the other is the replay.
    await addDuplicateContract(sandbox, 'HD-DEMO-000001', DUPLICATE);
    const again = await runCli(['sync', sandbox.dir, '--json', '--concurrency', '1'], sandbox.env);
    // The failures of the first run still stand and the duplicate needs the clerk: exit 5 (issue 14).
    expect(again.code).toBe(5);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      total: 10,
      succeeded: 0,
      duplicate: 1,
      skipped: 9,
      final: { withId: 3, duplicate: 1, failed: 5, rejected: 1, unfinished: 0 },
    });
    const reconcile = await runCli(['reconcile', '--journal', journal, '--json'], sandbox.env);
    expect(reconcile.code).toBe(5);
    report = JSON.parse(reconcile.stdout);
  }, 10 * 60_000);
  afterAll(async () => sandbox?.close());

  it('reports exactly the injected failures by reference and code', () => {
    const rows = Object.fromEntries(
      report.rows.map((r) => [
        r.providerReference,
        { outcome: r.outcome, errors: r.errors ? r.errors.split(' ') : [] },
      ]),
    );
    expect(Object.keys(rows).sort()).toEqual(Object.keys(EXPECTED_ROWS).sort());
    for (const [reference, expected] of Object.entries(EXPECTED_ROWS)) {
      expect(rows[reference]?.outcome, reference).toBe(expected.outcome);
      expect(rows[reference]?.errors.sort(), reference).toEqual([...expected.errors].sort());
    }
    const duplicate = report.rows.find((r) => r.providerReference === DUPLICATE);
    const original = report.rows.find((r) => r.providerReference === 'HD-DEMO-000001');
    expect(duplicate?.contractId).toBe(original?.contractId);
    expect(report.mismatches).toBe(7);
  });

  it("counts the journal as the Platform does, and both equal the Platform's own report", async () => {
    const platform = await sandbox.provider.reconciliation.get(report.period);
    expect(report.figures.platform).toEqual(platform.totals);
    expect(report.figures).toMatchObject({ agree: true, differences: [] });
    expect(report.figures.journal).toMatchObject({
      received: 9,
      notFinal: 0,
      succeeded: 4,
      failed: 5,
      refusedAtIntake: 1,
      unacknowledged: 0,
    });
    const byCode = (figures: { failuresByCode: { code: string; count: number }[] }) =>
      Object.fromEntries(figures.failuresByCode.map((f) => [f.code, f.count]));
    const expected = { IDENTITY_MISMATCH: 3, SIGNATURE_DIGEST_MISMATCH: 2 };
    expect(byCode(report.figures.journal)).toEqual(expected);
    expect(byCode(platform.totals)).toEqual(expected);
    expect(platform.totals).toMatchObject({ received: 9, succeeded: 4, failed: 5, awaitingExplanation: 5 });
  });

  it('prints both sides in a table, in English and Vietnamese', async () => {
    const en = await runCli(['reconcile', '--journal', journal], sandbox.env);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain("The journal's figures agree with the Platform's");
    expect(en.stderr).toContain('Mismatches: 7');
    expectGolden('reconcile.en.txt', withoutApiCalls(normalize(en.stdout)));
    const vi = await runCli(['reconcile', '--journal', journal, '--lang', 'vi'], sandbox.env);
    expectGolden('reconcile.vi.txt', withoutApiCalls(normalize(vi.stdout)));
  });

  it('marks the figures that differ when the Platform has a transaction the journal does not know', async () => {
    // Sent by another tool, and failed (its evidence names another reference): the Platform counts
    // it, the journal cannot.
    const body = await sandbox.readSubmission('HD-DEMO-000002');
    const ack = await sandbox.provider.submissions.submitContract({
      ...body,
      providerReference: 'HD-OTHER-TOOL',
    });
    await sandbox.provider.waitForResult(ack.transactionId, { minIntervalMs: 50 });
    const run = await runCli(['reconcile', '--journal', journal, '--json'], sandbox.env);
    expect(run.code).toBe(5);
    const differing = JSON.parse(run.stdout) as Report;
    expect(differing.figures.agree).toBe(false);
    expect(differing.figures.differences).toEqual([
      { figure: 'received', journal: 9, platform: 10 },
      { figure: 'failed', journal: 5, platform: 6 },
      { figure: 'failedWithCode', code: 'EVIDENCE_INVALID', journal: 0, platform: 1 },
    ]);
    const text = await runCli(['reconcile', '--journal', journal], sandbox.env);
    expect(text.stderr).toContain("Figures that differ from the Platform's: 3");
    expect(text.stdout).toMatch(/^received\s+9\s+10\s+≠$/m);
    expect(text.stdout).toMatch(/^ {2}EVIDENCE_INVALID\s+0\s+1\s+≠$/m);
  });
});
