import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHdldClient } from '@hdld/sdk';
import { ProviderReportSchema, ProviderReportTrackingSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodEnd, periodOf } from '../../../server/src/provider-reports/reporting-period.js';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { runCli } from '../support/run-cli.js';

/** `hdld report submit|list|status` (F33; Decree 337/2025 Art. 25.6) with the built CLI over HTTP. */
describe('hdld report against the reference server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  let work: string;
  let period: string;
  const audit = '%PDF-1.7\n% technical audit report\n%%EOF\n';
  const report = {
    figures: { contractsHandled: 12, contractsSigned: 11, contractsSubmitted: 11, incidents: 0 },
    text: 'Service available the whole month; no incident.',
    technicalAudit: { auditor: 'Công ty Kiểm định ABC', auditedOn: '2026-01-20', result: 'PASSED' },
  };

  beforeAll(async () => {
    server = await startTestServer();
    work = await mkdtemp(join(tmpdir(), 'hdld-report-e2e-'));
    env = {
      HDLD_CONFIG_DIR: work,
      HDLD_BASE_URL: server.url,
      HDLD_CLIENT_ID: server.sandbox.clientId,
      HDLD_CLIENT_SECRET: server.sandbox.clientSecret,
    };
    // The provider registered this month: an hour into the next one on the Platform's clock, this
    // month has ended and its report is owed, and on time.
    period = periodOf(server.platform.now());
    const offsetSeconds = Math.round((periodEnd(period).getTime() + 3_600_000 - Date.now()) / 1000);
    await createHdldClient({ baseUrl: server.url, credentials: server.operator }).sandbox.advanceClock({
      offsetSeconds,
    });
    await writeFile(join(work, 'report.json'), JSON.stringify(report));
    await writeFile(join(work, 'no-audit.json'), JSON.stringify({ ...report, technicalAudit: undefined }));
    await writeFile(join(work, 'audit.pdf'), audit);
  });
  afterAll(async () => server?.close());

  const hdld = (...args: string[]) => runCli(args, env);

  it('refuses a malformed period or an audit without its result before calling the Platform', async () => {
    const bad = await hdld('report', 'submit', '--period', '2026-13', '--file', join(work, 'report.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM');
    const half = await hdld(
      ...['report', 'submit', '--period', period, '--file', join(work, 'no-audit.json')],
      ...['--audit', join(work, 'audit.pdf'), '--lang', 'vi'],
    );
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('Kết quả kiểm định kỹ thuật cần cả');
  });

  it('submits the report with its audit PDF, lists it and shows where it stands', async () => {
    const submitted = await hdld(
      ...['report', 'submit', '--period', period, '--file', join(work, 'report.json')],
      ...['--audit', join(work, 'audit.pdf'), '--json'],
    );
    expect(submitted.code).toBe(0);
    const sent = ProviderReportSchema.parse(JSON.parse(submitted.stdout));
    expect(sent).toMatchObject({ period, version: 1, timeliness: 'ON_TIME', figures: report.figures });
    expect(sent.technicalAudit?.attachment).toMatchObject({
      fileName: 'audit.pdf',
      size: audit.length,
      sha256: createHash('sha256').update(audit).digest('hex'),
    });

    const listed = await hdld('report', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${period}\\s+1\\s+ON_TIME\\s.*${sent.reportId}`));

    const status = await hdld('report', 'status', '--period', period, '--lang', 'vi');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('ON_TIME (đúng hạn)');
    const tracking = ProviderReportTrackingSchema.parse(
      JSON.parse((await hdld('report', 'status', '--period', period, '--json')).stdout),
    );
    expect(tracking.items).toMatchObject([
      { providerId: server.sandbox.providerId, timeliness: 'ON_TIME', reportId: sent.reportId },
    ]);
  });

  it('exits 3 (a 4xx refusal) with PROVIDER_REPORT_CONFLICT when other content is sent without replacesVersion', async () => {
    await writeFile(
      join(work, 'changed.json'),
      JSON.stringify({ ...report, text: 'Another text, not a retry.' }),
    );
    const changed = await hdld(
      ...['report', 'submit', '--period', period, '--file', join(work, 'changed.json')],
      ...['--audit', join(work, 'audit.pdf')],
    );
    expect(changed.code).toBe(3);
    expect(changed.stderr).toContain('PROVIDER_REPORT_CONFLICT');
  });
});
