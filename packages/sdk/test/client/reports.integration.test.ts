import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodEnd, periodOf } from '../../../server/src/provider-reports/reporting-period.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from '../../../server/src/violations/thresholds.js';
import { type SandboxKit, startSandboxKit } from '../../../server/test/support/sandbox-kit.js';
import { HdldAuthError, type HdldClient } from '../../src/index.js';
import { sandboxClients } from './support/sandbox-clients.js';

let kit: SandboxKit;
let provider: HdldClient;
let operator: HdldClient;

beforeAll(async () => {
  // F38: any failure left unexplained at the month's end is a violation, so one failure is enough.
  kit = await startSandboxKit('pglite', {
    violationThresholds: { ...DEFAULT_VIOLATION_THRESHOLDS, unexplainedAfterDays: 0 },
  });
  ({ provider, operator } = sandboxClients(kit));
});
afterAll(() => kit?.close());

describe('monthly reports, violations and notifications against the reference server', () => {
  it('who am I: a provider with its profile, an operator with the nation scope (T4, T17)', async () => {
    const { providerId } = kit.server.sandbox;
    expect(await provider.caller()).toMatchObject({ kind: 'provider', scope: 'provider', providerId });
    expect(await provider.providers.me()).toMatchObject({ providerId, status: 'ACTIVE' });
    expect(await operator.caller()).toMatchObject({
      kind: 'operator',
      scope: 'nation',
      operatorId: kit.server.operator.operatorId,
    });
  });

  it('report sent, violations report made, provider suspended from it and notified (F33, F38, F39)', async () => {
    const { providerId } = kit.server.sandbox;
    const period = periodOf(kit.server.platform.now());
    // A 5-year fixed term breaks the labour-law rule: the month has an unexplained failure.
    const sample = await kit.sample(771);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2031-01-01' };
    const ack = await provider.submissions.submitContract({
      ...sample.submission,
      mainData: { ...sample.mainData, term },
    });
    expect(
      await provider.waitForResult(ack.transactionId, { minIntervalMs: 50, maxIntervalMs: 200 }),
    ).toMatchObject({ status: 'FAILED' });
    // An hour into the next month on the Platform's clock: the month has ended.
    const offsetSeconds = Math.round((periodEnd(period).getTime() + 3_600_000 - Date.now()) / 1000);
    await operator.sandbox.advanceClock({ offsetSeconds });

    const audit = new TextEncoder().encode('%PDF-1.7\n% audit report\n%%EOF\n');
    const report = await provider.providerReports.submit({
      period,
      figures: { contractsHandled: 1, contractsSigned: 1, contractsSubmitted: 1, incidents: 0 },
      text: 'One contract sent this month; it failed the term check.',
      technicalAudit: {
        auditor: 'Công ty Kiểm định ABC',
        auditedOn: '2026-01-20',
        result: 'PASSED',
        attachment: { bytes: audit, fileName: 'audit.pdf' },
      },
    });
    expect(report).toMatchObject({ providerId, period, version: 1, timeliness: 'ON_TIME' });
    expect(report.technicalAudit?.attachment.size).toBe(audit.length);
    expect((await operator.providerReports.list({ period }).toArray()).map((r) => r.reportId)).toEqual([
      report.reportId,
    ]);
    const tracking = await operator.providerReports.tracking({ period, providerId });
    expect(tracking.items).toMatchObject([{ providerId, timeliness: 'ON_TIME', reportId: report.reportId }]);

    const violations = await operator.violationReports.generate({ period });
    expect(violations.lines.map((l) => l.providerId)).toContain(providerId);
    const line = await operator.violationReports.act(violations.reportId, providerId, {
      status: 'SUSPENDED',
      reason: `Violations report ${period}: a failed transaction left unexplained.`,
    });
    expect(line.actions).toMatchObject([{ status: 'SUSPENDED', takenBy: kit.server.operator.operatorId }]);
    expect(await operator.providers.get(providerId)).toMatchObject({ status: 'SUSPENDED' });

    const refused = await provider.providerReports
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HdldAuthError);
    expect(refused).toMatchObject({ status: 403, code: 'PROVIDER_SUSPENDED' });

    const notices = await operator.notifications.list({ providerId, kind: 'PROVIDER_SUSPENDED' }).toArray();
    expect(notices).toMatchObject([{ channel: 'EMAIL', status: 'PENDING' }]);
    expect(notices[0]?.text).toContain(period);
  });
});
