import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nextPeriod,
  periodEnd,
  periodOf,
  previousPeriod,
  reportDeadline,
} from '../../src/provider-reports/reporting-period.js';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { DAY, monthScript, setPlatformTime, vietnamTime } from './month-script.js';

type Problem = { code: string };
type Report = Schemas['ViolationReport'];
type Transaction = Schemas['Transaction'];

const THRESHOLDS = { failureRatePercent: 20, minimumVolume: 5, unexplainedAfterDays: 7, lateSubmissions: 1 };

/** The first month after the real one that is not February, so that a report can be LATE within it. */
function scriptedMonth(): string {
  const month = nextPeriod(periodOf(new Date()));
  return month.endsWith('-02') ? nextPeriod(month) : month;
}

/**
 * F38 (issue 7), a scripted month on the sandbox clock for three providers: A (the sandbox
 * provider) is clean and sent its monthly report on time; B fails too often, leaves failures
 * unexplained, submits late and sends its report late; C never sends its report. The report made
 * on the 1st lists exactly B's and C's violations, with counts the test works out on its own from
 * the transactions; the operator then suspends B from it and B's API closes.
 */
describe.each(engines)('monthly violations report on %s', (engine) => {
  const month = scriptedMonth();
  const reported = previousPeriod(month);
  let kit: SandboxKit;
  let script: ReturnType<typeof monthScript>;
  let b: ApiCall;
  let c: ApiCall;
  let report: Report;
  const failedB: string[] = [];

  const monthlyReport = (caller: ApiCall, text: string) =>
    caller('/v1/provider-reports', {
      body: {
        period: reported,
        figures: { contractsHandled: 10, contractsSigned: 9, contractsSubmitted: 9, incidents: 0 },
        text,
      },
    });
  const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;

  beforeAll(async () => {
    kit = await startSandboxKit(engine, { violationThresholds: THRESHOLDS });
    script = monthScript(kit);
    b = await kit.otherProvider('viol-b');
    c = await kit.otherProvider('viol-c');

    // Day 10 of the month: A 5 good contracts; B 2 good but late ones and 3 failures; C one good.
    await setPlatformTime(kit.operator, vietnamTime(month, 10, '09:00'));
    const settle = async (ids: { transactionId: string }[]) => {
      for (const { transactionId } of ids) await waitForFinal(kit, transactionId);
    };
    const submitted = [];
    for (let seed = 7001; seed <= 7005; seed++) submitted.push(await script.submit(kit.api, seed));
    for (const seed of [7011, 7012]) submitted.push(await script.submit(b, seed, { signedHoursAgo: 30 }));
    for (const seed of [7013, 7014, 7015]) {
      const failed = await script.submit(b, seed, { failing: true });
      failedB.push(failed.transactionId);
      submitted.push(failed);
    }
    submitted.push(await script.submit(c, 7021));
    await settle(submitted);
    expect((await monthlyReport(kit.api, 'All services ran normally during the month.')).status).toBe(201);
    // B explains one failure: it no longer counts as unexplained.
    const explained = await b('/v1/explanations', {
      body: { transactionIds: [failedB[0]], text: 'The end date was mistyped; corrected in our system.' },
    });
    expect(explained.status).toBe(201);

    // Day 28: one more failure for B, too recent (4 days before the month ends) to count as unexplained.
    await setPlatformTime(kit.operator, vietnamTime(month, 28, '09:00'));
    const recent = await script.submit(b, 7016, { failing: true });
    failedB.push(recent.transactionId);
    await settle([recent]);

    // Day 30, after the deadline of the report on the month before: B sends it, late.
    await setPlatformTime(kit.operator, vietnamTime(month, 30, '10:00'));
    expect(vietnamTime(month, 30, '10:00').getTime()).toBeGreaterThan(reportDeadline(reported).getTime());
    expect((await monthlyReport(b, 'Late, sorry: the person in charge was away.')).status).toBe(201);
  }, 600_000);
  afterAll(async () => kit?.close());

  it('is made by the scheduler once the sandbox clock reaches the 1st of the next month', async () => {
    await setPlatformTime(kit.operator, new Date(periodEnd(month).getTime() + 30_000));
    for (let i = 0; i < 200 && !report; i++) {
      const page = await json<Schemas['ViolationReportPage']>(
        kit.operator(`/v1/violation-reports?period=${month}`),
      );
      report = page.items[0]!;
      if (!report) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(report).toMatchObject({
      period: month,
      version: 1,
      latestVersion: 1,
      timeZone: 'Asia/Ho_Chi_Minh',
      generatedBy: 'scheduler',
      thresholds: THRESHOLDS,
      providersEvaluated: 3,
      periodEnd: periodEnd(month).toISOString(),
    });
  });

  it('lists exactly the violations the transactions and reports show', async () => {
    // Worked out from the transactions themselves, as the operator reads them.
    const ofB = await json<Schemas['TransactionPage']>(
      kit.operator(
        `/v1/transactions?providerId=viol-b&receivedFrom=${encodeURIComponent(report.periodStart)}&receivedTo=${encodeURIComponent(report.periodEnd)}`,
      ),
    );
    const items: Transaction[] = ofB.items;
    const decided = items.filter((t) => t.status === 'SUCCEEDED' || t.status === 'FAILED').length;
    const failed = items.filter((t) => t.status === 'FAILED').length;
    const late = items.filter((t) => t.late).length;
    const unexplainedBefore = periodEnd(month).getTime() - THRESHOLDS.unexplainedAfterDays * DAY;
    const unexplained = items.filter(
      (t) =>
        t.status === 'FAILED' &&
        t.explanationStatus === 'AWAITING_EXPLANATION' &&
        Date.parse(t.completedAt!) <= unexplainedBefore,
    ).length;
    expect({ decided, failed, late, unexplained }).toEqual({
      decided: 6,
      failed: 4,
      late: 2,
      unexplained: 2,
    });

    expect(report.lines.map((line) => line.providerId)).toEqual(['viol-b', 'viol-c']);
    const [lineB, lineC] = report.lines;
    expect(lineB).toMatchObject({
      providerStatus: 'ACTIVE',
      figures: {
        decided,
        failed,
        failureRatePercent: 66.67,
        lateSubmissions: late,
        unexplainedFailures: unexplained,
        monthlyReport: { period: reported, timeliness: 'LATE' },
      },
      actions: [],
    });
    expect(lineB!.violations.map(({ detail: _, ...v }) => v)).toEqual([
      { rule: 'FAILURE_RATE', failed, decided },
      { rule: 'UNEXPLAINED_FAILURES', count: unexplained },
      { rule: 'LATE_SUBMISSIONS', count: late },
      { rule: 'MONTHLY_REPORT_LATE', period: reported },
    ]);
    expect(lineB!.violations[0]!.detail).toBe('4 of 6 decided transactions failed (66.67%), above 20%.');
    expect(lineC!.figures).toMatchObject({ decided: 1, failed: 0, monthlyReport: { timeliness: 'MISSING' } });
    expect(lineC!.violations.map((v) => v.rule)).toEqual(['MONTHLY_REPORT_MISSING']);
    // In Vietnamese on request.
    const vi = await json<Report>(
      kit.operator(`/v1/violation-reports/${report.reportId}`, { headers: { 'accept-language': 'vi' } }),
    );
    expect(vi.lines[1]!.violations[0]!.detail).toBe(
      `Báo cáo tháng ${reported} vẫn chưa được gửi khi tháng đến hạn nộp đã kết thúc.`,
    );
  });

  it('shows a provider its own line only', async () => {
    const byC = await json<Report>(c(`/v1/violation-reports/${report.reportId}`));
    expect(byC.lines.map((l) => l.providerId)).toEqual(['viol-c']);
    const listedByB = await json<Schemas['ViolationReportPage']>(
      b(`/v1/violation-reports?period=${month}&providerId=viol-c`),
    );
    expect(listedByB.items[0]!.lines.map((l) => l.providerId)).toEqual(['viol-b']);
    const byA = await json<Report>(kit.api(`/v1/violation-reports/${report.reportId}`));
    expect(byA.lines).toEqual([]);
    const filtered = await json<Report>(kit.operator(`/v1/violation-reports/${report.reportId}`));
    expect(filtered.lines).toHaveLength(2);
    for (const attempt of [
      await c('/v1/violation-reports', { body: { period: month } }),
      await c(`/v1/violation-reports/${report.reportId}/providers/viol-c/action`, {
        body: { status: 'SUSPENDED', reason: 'Self-service.' },
      }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(((await attempt.json()) as Problem).code).toBe('FORBIDDEN');
    }
  });

  it('answers the existing report on demand, and a new version only when asked to regenerate', async () => {
    const asked = await Promise.all(
      [1, 2, 3].map(() => kit.operator('/v1/violation-reports', { body: { period: month } })),
    );
    for (const response of asked) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as Report).reportId).toBe(report.reportId);
    }
    const regenerated = await kit.operator('/v1/violation-reports', {
      body: { period: month, regenerate: true },
    });
    expect(regenerated.status).toBe(201);
    const second = (await regenerated.json()) as Report;
    expect(regenerated.headers.get('location')).toBe(`/v1/violation-reports/${second.reportId}`);
    expect(second).toMatchObject({
      version: 2,
      latestVersion: 2,
      generatedBy: kit.server.operator.operatorId,
    });
    expect(second.lines).toEqual(report.lines);
    const first = await json<Report>(kit.operator(`/v1/violation-reports/${report.reportId}`));
    expect(first).toMatchObject({ version: 1, latestVersion: 2, generatedBy: 'scheduler' });
    const versions = await json<Schemas['ViolationReportPage']>(
      kit.operator(`/v1/violation-reports?period=${month}`),
    );
    expect(versions.items.map((r) => r.version)).toEqual([2, 1]);
    const open = await kit.operator('/v1/violation-reports', { body: { period: nextPeriod(month) } });
    expect(open.status).toBe(409);
    expect(((await open.json()) as Problem).code).toBe('REPORTING_PERIOD_NOT_ENDED');
  });

  it('suspends a provider from the report: history, API block, and the step recorded on the line', async () => {
    const reason = `Violations report ${month}: failure rate 66.67%, 2 failures unexplained.`;
    const act = (status: string, why = reason) =>
      kit.operator(`/v1/violation-reports/${report.reportId}/providers/viol-b/action`, {
        body: { status, reason: why },
      });
    const suspended = await act('SUSPENDED');
    expect(suspended.status).toBe(200);
    const line = (await suspended.json()) as Schemas['ViolationLine'];
    expect(line.actions).toEqual([
      { status: 'SUSPENDED', reason, takenBy: kit.server.operator.operatorId, takenAt: expect.any(String) },
    ]);
    const blocked = await b('/v1/transactions');
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as Problem).code).toBe('PROVIDER_SUSPENDED');
    const provider = await json<Schemas['Provider']>(kit.operator('/v1/providers/viol-b'));
    expect(provider.statusHistory).toEqual([
      {
        previousStatus: 'ACTIVE',
        status: 'SUSPENDED',
        reason,
        changedBy: kit.server.operator.operatorId,
        changedAt: line.actions[0]!.takenAt,
      },
    ]);
    // F39: the provider is told by e-mail, through the outbox written with the change.
    const { rows: mail } = await kit.server.platform.storage.db.query<{ kind: string; channel: string }>(
      `SELECT kind, channel FROM outbox WHERE provider_id = 'viol-b' AND channel = 'EMAIL'`,
    );
    expect(mail).toEqual([{ kind: 'PROVIDER_SUSPENDED', channel: 'EMAIL' }]);
    // The same step again changes nothing.
    expect(((await (await act('SUSPENDED')).json()) as Schemas['ViolationLine']).actions).toHaveLength(1);
    const disconnected = (await (
      await act('DISCONNECTED', 'No improvement.')
    ).json()) as Schemas['ViolationLine'];
    expect(disconnected.actions.map((a) => a.status)).toEqual(['SUSPENDED', 'DISCONNECTED']);
    const back = await act('SUSPENDED');
    expect(back.status).toBe(409);
    expect(((await back.json()) as Problem).code).toBe('PROVIDER_STATUS_TRANSITION_INVALID');
    const unknown = await kit.operator(`/v1/violation-reports/${report.reportId}/providers/sandbox/action`, {
      body: { status: 'SUSPENDED', reason: 'Not in the report.' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Problem).code).toBe('VIOLATION_REPORT_NOT_FOUND');
    expect((await kit.api('/v1/transactions')).status).toBe(200);
  });
});
