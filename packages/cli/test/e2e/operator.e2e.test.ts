import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, startCliSandbox } from '../support/cli-sandbox.js';
import { expectGolden, normalize } from '../support/golden-text.js';
import { runCli } from '../support/run-cli.js';

/**
 * The Ministry operator's daily work with the built CLI against the reference server (issue 14;
 * F35-F39, N8): an operator profile saved by `hdld login`, the reconciliation of the period, the
 * explanations queue approved and rejected, a provider suspended and restored, and the violations
 * report of the month made and acted on. The provider's profile is refused these commands (exit 4).
 */
describe('hdld operator (built CLI, real server)', () => {
  let sandbox: CliSandbox;
  /** The operator: only the config folder, the rest from the `moha` profile. */
  let operator: (args: string[], stdin?: string) => ReturnType<typeof runCli>;
  let provider: (args: string[]) => ReturnType<typeof runCli>;
  const ids: Record<string, string> = {};
  let from: string;
  const [first, second] = ['HD-DEMO-000001', 'HD-DEMO-000002'];

  beforeAll(async () => {
    // One failure in two decided is a violation with these thresholds (F38).
    sandbox = await startCliSandbox(2, {
      violationThresholds: {
        failureRatePercent: 20,
        minimumVolume: 2,
        unexplainedAfterDays: 7,
        lateSubmissions: 100,
      },
    });
    provider = (args) => runCli(args, sandbox.env);
    operator = (args, stdin) =>
      runCli(['--profile', 'moha', ...args], { HDLD_CONFIG_DIR: sandbox.work }, stdin);
    from = sandbox.server.platform.now().toISOString();
    await sandbox.server.platform.identity.register(
      sandbox.identities.map((identity) => ({ ...identity, fullName: 'Tên Khác Trong Sổ' })),
    );
    const sync = await provider(['sync', sandbox.dir, '--json', '--concurrency', '1']);
    expect(sync.code).toBe(5);
    for (const tx of await sandbox.provider.transactions.listFailed().toArray()) {
      ids[tx.providerReference] = tx.transactionId;
    }
    const login = await runCli(
      [
        'login',
        '--profile',
        'moha',
        '--base-url',
        sandbox.server.url,
        '--client-id',
        sandbox.server.operator.clientId,
        '--with-secret-stdin',
      ],
      { HDLD_CONFIG_DIR: sandbox.work },
      sandbox.server.operator.clientSecret,
    );
    expect(login.stderr).toContain('moha');
    expect(login.code).toBe(0);
  }, 10 * 60_000);
  afterAll(async () => sandbox?.close());

  it("refuses a provider's profile with FORBIDDEN, exit 4 and the profile it needs", async () => {
    const refused = await provider(['operator', 'providers', 'list']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('FORBIDDEN');
    expect(refused.stderr).toContain('operator profile');
  });

  it('prints the reconciliation of every provider for the period (F35)', async () => {
    const text = await operator(['operator', 'reconciliation', '--from', from]);
    expect(text.code).toBe(0);
    // The API calls logged depend on how often the sync polled: the last column is masked.
    expectGolden('operator-reconciliation.en.txt', normalize(text.stdout).replace(/(?<=\s)\d+$/gm, 'n'));
    const json = await operator(['operator', 'reconciliation', '--from', from, '--json']);
    const report = JSON.parse(json.stdout) as Schemas['Reconciliation'];
    expect(report.totals).toMatchObject({ received: 2, failed: 2, awaitingExplanation: 2 });
    expect(report.providers[0]?.apiCalls).toBeGreaterThan(0);
    const bad = await operator(['operator', 'reconciliation', '--from', 'yesterday']);
    expect(bad.code).toBe(2);
  });

  it('lists the pending explanations, approves one and refuses the opposite decision (F36, F37)', async () => {
    const created = await sandbox.provider.explanations.create({
      transactionIds: ids[first]!,
      text: "The employee's name was misspelt in the population registry; corrected since.",
    });
    const rejected = await sandbox.provider.explanations.create({
      transactionIds: ids[second]!,
      text: 'We think the registry is wrong about this employee.',
    });
    const list = await operator(['operator', 'explanations', 'list', '--state', 'pending', '--lang', 'vi']);
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('Số giải trình: 2\n');
    expectGolden('operator-explanations.vi.txt', normalize(list.stdout));

    const noReason = await operator(['operator', 'explanations', 'approve', created.explanationId]);
    expect(noReason.code).toBe(2);
    const approved = await operator([
      'operator',
      'explanations',
      'approve',
      created.explanationId,
      '--reason',
      'Registry record corrected.',
      '--json',
    ]);
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject([
      {
        id: created.explanationId,
        result: 'done',
        value: { state: 'APPROVED', decidedBy: sandbox.server.operator.operatorId },
      },
    ]);
    // The opposite decision on the approved one is refused; the other one is rejected all the same.
    const mixed = await operator([
      'operator',
      'explanations',
      'reject',
      created.explanationId,
      rejected.explanationId,
      '--reason',
      'No correction shown.',
    ]);
    expect(mixed.code).toBe(3);
    expect(mixed.stdout).toContain('EXPLANATION_ALREADY_DECIDED');
    expectGolden('operator-reject.en.txt', normalize(mixed.stdout));
    expect((await sandbox.provider.explanations.get(rejected.explanationId)).state).toBe('REJECTED');
    const approvedList = await operator([
      'operator',
      'explanations',
      'list',
      '--state',
      'approved',
      '--json',
    ]);
    expect(
      (JSON.parse(approvedList.stdout) as { explanationId: string }[]).map((e) => e.explanationId),
    ).toEqual([created.explanationId]);
  });

  it('suspends a provider (its calls refused) and restores it; the same status again changes nothing (N8, F39)', async () => {
    const id = sandbox.server.sandbox.providerId;
    const listed = await operator(['operator', 'providers', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    const suspended = await operator([
      'operator',
      'providers',
      'suspend',
      id,
      '--reason',
      'Failure rate too high.',
    ]);
    expect(suspended.code).toBe(0);
    expect(suspended.stdout).toContain('SUSPENDED');
    const blocked = await provider(['status', first]);
    expect(blocked.code).toBe(4);
    expect(blocked.stderr).toContain('PROVIDER_SUSPENDED');
    const onlySuspended = await operator([
      'operator',
      'providers',
      'list',
      '--status',
      'suspended',
      '--json',
    ]);
    expect((JSON.parse(onlySuspended.stdout) as { providerId: string }[]).map((p) => p.providerId)).toEqual([
      id,
    ]);
    const restored = await operator([
      'operator',
      'providers',
      'restore',
      id,
      '--reason',
      'Explanations received.',
      '--lang',
      'vi',
    ]);
    expect(restored.code).toBe(0);
    expectGolden('operator-restore.vi.txt', normalize(restored.stdout));
    expect((await provider(['status', first])).code).toBe(0);
    // Asking for the current status changes nothing; disconnecting is final, so it cannot be undone.
    expect((await operator(['operator', 'providers', 'restore', id, '--reason', 'Twice.'])).code).toBe(0);
  });

  it("makes the month's violations report once the month ended, shows it and suspends from it (F38)", async () => {
    const early = await operator(['operator', 'violations', 'generate', '--period', from.slice(0, 7)]);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('REPORTING_PERIOD_NOT_ENDED');
    await sandbox.operator.sandbox.advanceClock({ advanceSeconds: 40 * 86_400 });
    const made = await operator([
      'operator',
      'violations',
      'generate',
      '--period',
      from.slice(0, 7),
      '--json',
    ]);
    expect(made.code).toBe(0);
    const report = JSON.parse(made.stdout) as Schemas['ViolationReport'];
    const id = sandbox.server.sandbox.providerId;
    expect(report.lines.map((l) => [l.providerId, l.violations.map((v) => v.rule)])).toEqual([
      [id, ['FAILURE_RATE', 'UNEXPLAINED_FAILURES']],
    ]);
    const shown = await operator(['operator', 'violations', 'show', '--period', from.slice(0, 7)]);
    expect(shown.code).toBe(0);
    // The month is this month of the Platform's clock: masked, as ids and times are. So is its maker:
    // the scheduler or the operator's generate, whichever ran first once the clock passed the month.
    expectGolden(
      'operator-violations.en.txt',
      normalize(shown.stdout)
        .replace(/\b\d{4}-\d\d\b/g, 'YYYY-MM')
        .replace(/^(Made .* by )\S+$/m, '$1<maker>'),
    );
    const acted = await operator([
      'operator',
      'violations',
      'act',
      report.reportId,
      id,
      '--status',
      'suspended',
      '--reason',
      'Failure rate above 20%.',
      '--json',
    ]);
    expect(acted.code).toBe(0);
    expect(JSON.parse(acted.stdout)).toMatchObject({ providerId: id, actions: [{ status: 'SUSPENDED' }] });
    expect((await provider(['status', first])).code).toBe(4);
    const unknown = await operator([
      'operator',
      'violations',
      'show',
      '0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b',
    ]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('VIOLATION_REPORT_NOT_FOUND');
  });
});
