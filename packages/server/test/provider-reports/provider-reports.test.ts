import { createHash } from 'node:crypto';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOrphans } from '../../src/blobs/index.js';
import { nextPeriod, periodOf, reportDeadline } from '../../src/provider-reports/reporting-period.js';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit } from '../support/sandbox-kit.js';
import { HOUR, setPlatformTime, vietnamTime } from '../violations/month-script.js';

type Problem = { code: string };
type Report = Schemas['ProviderReport'];
type Tracking = Schemas['ProviderReportTracking'];

const FIGURES = { contractsHandled: 120, contractsSigned: 110, contractsSubmitted: 108, incidents: 1 };
const audit = (bytes: Buffer, sha256 = createHash('sha256').update(bytes).digest('hex')) => ({
  auditor: 'Công ty Kiểm định An toàn Thông tin ABC',
  auditedOn: '2026-01-20',
  result: 'PASSED_WITH_FINDINGS',
  summary: 'Two minor findings on log retention.',
  attachment: {
    fileName: 'audit.pdf',
    mediaType: 'application/pdf',
    sha256,
    contentBase64: bytes.toString('base64'),
  },
});

/**
 * F33 (issue 7; Decree 337/2025 Art. 25.6): a provider's monthly report on its eContract service,
 * due before the 30th of the next month, tracked ON_TIME / LATE / MISSING / DUE on the Platform's
 * (sandbox) clock; one report per provider and month, corrected only as a new version.
 */
describe.each(engines)('provider monthly reports on %s', (engine) => {
  // The month reported on is the real current one; the Platform's clock is moved into the next.
  const period = periodOf(new Date());
  const due = nextPeriod(period);
  const afterDeadline = new Date(reportDeadline(period).getTime() + 10 * HOUR);
  let kit: SandboxKit;
  let b: ApiCall;
  let c: ApiCall;
  let d: ApiCall;
  let first: Report;

  const send = (caller: ApiCall, body: Record<string, unknown>, headers?: Record<string, string>) =>
    caller('/v1/provider-reports', { body: { period, figures: FIGURES, ...body }, headers });
  const json = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;
  const code = async (response: Response | Promise<Response>) => (await json<Problem>(response)).code;
  const tracking = (caller: ApiCall, query = '') =>
    json<Tracking>(caller(`/v1/provider-reports/tracking?period=${period}${query}`));

  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    [b, c, d] = [
      await kit.otherProvider('rep-b'),
      await kit.otherProvider('rep-c'),
      await kit.otherProvider('rep-d'),
    ];
    await setPlatformTime(kit.operator, vietnamTime(due, 5));
  });
  afterAll(async () => kit?.close());

  it('refuses a month that has not ended, and reports from operators', async () => {
    const open = await kit.api('/v1/provider-reports', {
      body: { period: due, figures: FIGURES, text: 'Too early for this month.' },
    });
    expect(open.status).toBe(409);
    expect(await code(open)).toBe('REPORTING_PERIOD_NOT_ENDED');
    const byOperator = await send(kit.operator, { text: 'Operators do not report.' });
    expect(byOperator.status).toBe(403);
    expect(await code(byOperator)).toBe('FORBIDDEN');
  });

  it('stores one report per month, answers a retry as stored, and keeps corrections as versions', async () => {
    const created = await send(kit.api, { text: 'All services ran normally this month.' });
    expect(created.status).toBe(201);
    first = (await created.json()) as Report;
    expect(created.headers.get('location')).toBe(`/v1/provider-reports/${first.reportId}`);
    expect(first).toMatchObject({
      providerId: 'sandbox',
      period,
      version: 1,
      latestVersion: 1,
      timeliness: 'ON_TIME',
      deadline: reportDeadline(period).toISOString(),
      submittedBy: kit.server.sandbox.clientId,
      figures: FIGURES,
    });

    const retried = await send(kit.api, { text: 'All services ran normally this month.' });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(first);

    const corrected = { text: 'All services ran normally; one incident on the 12th.' };
    expect(await code(send(kit.api, corrected))).toBe('PROVIDER_REPORT_CONFLICT');
    expect(await code(send(kit.api, { ...corrected, replacesVersion: 2 }))).toBe('PROVIDER_REPORT_CONFLICT');
    const second = await send(kit.api, { ...corrected, replacesVersion: 1 });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({
      version: 2,
      latestVersion: 2,
      firstSubmittedAt: first.firstSubmittedAt,
      text: corrected.text,
    });
    // Version 1 sent again as a "correction" of version 1: stale, refused.
    const stale = await send(kit.api, { text: first.text, replacesVersion: 1 });
    expect(await code(stale)).toBe('PROVIDER_REPORT_CONFLICT');
    expect(await json<Report>(kit.api(`/v1/provider-reports/${first.reportId}`))).toMatchObject({
      version: 1,
      latestVersion: 2,
    });
    const listed = await json<Schemas['ProviderReportPage']>(kit.api('/v1/provider-reports'));
    expect(listed.items.map((r) => r.version)).toEqual([2]);
  });

  it('checks the audit report against its SHA-256 and keeps the file', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% technical audit report of the certification service\n');
    const refused = await send(b, {
      text: 'Monthly report with the audit.',
      technicalAudit: audit(pdf, 'a'.repeat(64)),
    });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as Problem & { errors: { pointer: string }[] };
    expect(problem.code).toBe('ATTACHMENT_DIGEST_MISMATCH');
    expect(problem.errors[0]!.pointer).toBe('/technicalAudit/attachment/sha256');
    expect((await tracking(kit.operator, '&providerId=rep-b')).items[0]!.timeliness).toBe('DUE');

    const stored = await send(b, { text: 'Monthly report with the audit.', technicalAudit: audit(pdf) });
    expect(stored.status).toBe(201);
    const report = (await stored.json()) as Report;
    expect(report.technicalAudit).toMatchObject({
      result: 'PASSED_WITH_FINDINGS',
      attachment: {
        fileName: 'audit.pdf',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      },
    });
    expect(report.technicalAudit!.attachment.contentBase64).toBeUndefined();
    // Orphan collection keeps a file a report references.
    const { platform } = kit.server;
    await collectOrphans(platform.blobs, platform.storage.db, {
      olderThanMs: 0,
      now: new Date(Date.now() + HOUR),
    });
    const read = await json<Report>(kit.operator(`/v1/provider-reports/${report.reportId}`));
    expect(read.technicalAudit!.attachment.contentBase64).toBe(pdf.toString('base64'));
  });

  it('keeps a provider to its own reports', async () => {
    const foreign = await c(`/v1/provider-reports/${first.reportId}`);
    expect(foreign.status).toBe(404);
    expect(await code(foreign)).toBe('PROVIDER_REPORT_NOT_FOUND');
    expect(
      (await json<Schemas['ProviderReportPage']>(c('/v1/provider-reports?providerId=sandbox'))).items,
    ).toEqual([]);
    expect((await tracking(c)).items.map((i) => i.providerId)).toEqual(['rep-c']);
    const all = await json<Schemas['ProviderReportPage']>(
      kit.operator(`/v1/provider-reports?period=${period}`),
    );
    expect(all.items.map((r) => r.providerId).sort()).toEqual(['rep-b', 'sandbox']);
  });

  it('tracks ON_TIME, LATE, MISSING and DUE against the deadline on the Platform clock', async () => {
    const before = await tracking(kit.operator);
    expect(before.deadline).toBe(reportDeadline(period).toISOString());
    expect(Object.fromEntries(before.items.map((i) => [i.providerId, i.timeliness]))).toEqual({
      'rep-b': 'ON_TIME',
      'rep-c': 'DUE',
      'rep-d': 'DUE',
      sandbox: 'ON_TIME',
    });

    await setPlatformTime(kit.operator, afterDeadline);
    const late = await send(d, { text: 'Sent after the deadline, sorry.' });
    expect(await late.json()).toMatchObject({ timeliness: 'LATE' });
    // A correction after the deadline leaves an on-time report on time.
    const corrected = await send(kit.api, { text: 'Final figures after the audit.', replacesVersion: 2 });
    expect(await corrected.json()).toMatchObject({ version: 3, timeliness: 'ON_TIME' });

    const after = await tracking(kit.operator);
    expect(Object.fromEntries(after.items.map((i) => [i.providerId, i.timeliness]))).toEqual({
      'rep-b': 'ON_TIME',
      'rep-c': 'MISSING',
      'rep-d': 'LATE',
      sandbox: 'ON_TIME',
    });
    expect((await tracking(kit.operator, '&timeliness=MISSING')).items.map((i) => i.providerId)).toEqual([
      'rep-c',
    ]);
    const lateOnes = await json<Schemas['ProviderReportPage']>(
      kit.operator('/v1/provider-reports?timeliness=LATE'),
    );
    expect(lateOnes.items.map((r) => r.providerId)).toEqual(['rep-d']);
  });

  it('settles concurrent first submissions and reused Idempotency-Keys', async () => {
    const e = await kit.otherProvider('rep-e');
    const body = { text: 'Sent three times at once by a retrying client.' };
    const responses = await Promise.all([send(e, body), send(e, body), send(e, body)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as Report).reportId));
    expect(new Set(ids).size).toBe(1);

    const key = { 'idempotency-key': 'report-key-1' };
    expect((await send(c, { text: 'First use of the key.' }, key)).status).toBe(201);
    const reused = await send(c, { text: 'Another body, same key.' }, key);
    expect(reused.status).toBe(409);
    expect(await code(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
