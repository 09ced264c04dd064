import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  HdldAuthError,
  HdldConflictError,
  HdldError,
  HdldNotFoundError,
  HdldValidationError,
} from '../../src/index.js';
import { BASE_URL, mockPlatform, problem } from './support/mock-platform.js';

/** Unit tests (msw) of the monthly-report, violation and notification resources (F33, F38, F39, F4, N8). */
const platform = mockPlatform();
const REPORT_ID = '0193a1b2-4c5d-7e6f-8a9b-0c1d2e3f4a5b';
const VIOLATION_ID = '0193b2c3-5d6e-7f8a-9b0c-1d2e3f4a5b6c';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const figures = { contractsHandled: 10, contractsSigned: 9, contractsSubmitted: 9, incidents: 0 };

function reportOf(body: Record<string, unknown>) {
  return {
    reportId: REPORT_ID,
    providerId: 'sandbox',
    version: 1,
    latestVersion: 1,
    timeliness: 'ON_TIME',
    deadline: '2026-02-28T17:00:00Z',
    firstSubmittedAt: '2026-02-10T03:00:00Z',
    submittedAt: '2026-02-10T03:00:00Z',
    submittedBy: 'sandbox-provider',
    ...body,
  };
}

async function failure(promise: Promise<unknown>): Promise<HdldError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HdldError);
  return error as HdldError;
}

/** One handler answering page 1 then page 2 by the cursor, with the items the `make` function builds. */
const twoPages =
  (make: (page: string) => Record<string, unknown>) =>
  ({ request }: { request: Request }) => {
    const cursor = new URL(request.url).searchParams.get('cursor');
    return HttpResponse.json({ items: [make(cursor ?? 'p1')], nextCursor: cursor ? null : 'p2' });
  };

describe('provider reports (F33)', () => {
  it('hashes and encodes the audit PDF, from bytes or a path, and sends the report', async () => {
    const bodies: Record<string, unknown>[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/provider-reports`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return HttpResponse.json(reportOf(body), { status: 201 });
      }),
    );
    const dir = await mkdtemp(join(tmpdir(), 'hdld-audit-'));
    const path = join(dir, 'audit-2026.pdf');
    await writeFile(path, '%PDF-1.7 audit');
    const audit = { auditor: 'ABC', auditedOn: '2026-01-20', result: 'PASSED' as const };
    const client = platform.client();
    const text = 'Service available all month.';

    const report = await client.providerReports.submit({ period: '2026-01', figures, text });
    expect(report).toMatchObject({ reportId: REPORT_ID, period: '2026-01' });
    const pdf = new TextEncoder().encode('%PDF-1.7 bytes');
    await client.providerReports.submit({
      period: '2026-01',
      figures,
      text,
      replacesVersion: 1,
      technicalAudit: { ...audit, attachment: { bytes: pdf, fileName: 'audit.pdf' } },
    });
    await client.providerReports.submit({
      period: '2026-01',
      figures,
      text,
      replacesVersion: 2,
      technicalAudit: { ...audit, attachment: { path } },
    });

    expect(bodies[0]).toEqual({ period: '2026-01', figures, text });
    expect(bodies[1]?.technicalAudit).toEqual({
      ...audit,
      attachment: {
        fileName: 'audit.pdf',
        mediaType: 'application/pdf',
        sha256: sha256(pdf),
        contentBase64: Buffer.from(pdf).toString('base64'),
      },
    });
    expect(bodies[2]?.technicalAudit).toMatchObject({
      attachment: { fileName: 'audit-2026.pdf', sha256: sha256('%PDF-1.7 audit') },
    });
  });

  it('reuses the idempotency key when it retries a submission after a 503', async () => {
    let calls = 0;
    platform.server.use(
      http.post(`${BASE_URL}/v1/provider-reports`, async ({ request }) =>
        calls++ === 0
          ? problem(503, 'SERVICE_UNAVAILABLE', {}, { 'retry-after': '0' })
          : HttpResponse.json(reportOf((await request.json()) as Record<string, unknown>), { status: 201 }),
      ),
    );
    await platform.client().providerReports.submit({ period: '2026-01', figures, text: 'Quiet month here.' });
    const keys = platform.calls('/v1/provider-reports').map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).toBe(keys[1]);
  });

  it.each([
    [409, 'PROVIDER_REPORT_CONFLICT', HdldConflictError],
    [409, 'REPORTING_PERIOD_NOT_ENDED', HdldConflictError],
    [422, 'ATTACHMENT_DIGEST_MISMATCH', HdldValidationError],
    [403, 'FORBIDDEN', HdldAuthError],
  ])('maps a %i %s refusal of submit to its class, with the key sent', async (status, code, ErrorClass) => {
    platform.server.use(http.post(`${BASE_URL}/v1/provider-reports`, () => problem(status, code)));
    const error = await failure(
      platform
        .client()
        .providerReports.submit(
          { period: '2026-01', figures, text: 'Quiet month here.' },
          { idempotencyKey: 'r-1' },
        ),
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, idempotencyKey: 'r-1' });
  });

  it('lists page by page with the filters, gets one and reads the tracking of a month', async () => {
    platform.server.use(
      http.get(
        `${BASE_URL}/v1/provider-reports`,
        twoPages((page) => reportOf({ period: '2026-01', figures, text: page })),
      ),
      http.get(`${BASE_URL}/v1/provider-reports/tracking`, () =>
        HttpResponse.json({
          period: '2026-01',
          deadline: '2026-02-28T17:00:00Z',
          evaluatedAt: '2026-03-01T00:00:00Z',
          items: [{ providerId: 'sandbox', providerName: 'Sandbox', timeliness: 'MISSING' }],
        }),
      ),
      http.get(`${BASE_URL}/v1/provider-reports/${REPORT_ID}`, () =>
        problem(404, 'PROVIDER_REPORT_NOT_FOUND'),
      ),
    );
    const client = platform.client();
    const texts = (
      await client.providerReports.list({ period: '2026-01', timeliness: 'LATE' }).toArray()
    ).map((r) => r.text);
    expect(texts).toEqual(['p1', 'p2']);
    expect(platform.calls('/v1/provider-reports?period=2026-01&timeliness=LATE&cursor=p2')).toHaveLength(1);
    const tracking = await client.providerReports.tracking({ period: '2026-01', timeliness: 'MISSING' });
    expect(tracking.items).toEqual([
      { providerId: 'sandbox', providerName: 'Sandbox', timeliness: 'MISSING' },
    ]);
    expect(platform.calls('/v1/provider-reports/tracking?period=2026-01&timeliness=MISSING')).toHaveLength(1);
    const missing = await failure(client.providerReports.get(REPORT_ID));
    expect(missing).toBeInstanceOf(HdldNotFoundError);
    expect(missing.code).toBe('PROVIDER_REPORT_NOT_FOUND');
  });
});

describe('violation reports (F38, F39)', () => {
  const line = {
    providerId: 'prov-x',
    providerName: 'X',
    providerStatus: 'SUSPENDED',
    figures: {},
    violations: [],
    actions: [],
  };
  const violationReport = (id: string) => ({ reportId: id, period: '2026-02', version: 1, lines: [] });

  it('generates the previous month by default with a key, and acts on a line with its own key', async () => {
    const bodies: unknown[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/violation-reports`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(violationReport(VIOLATION_ID), { status: 201 });
      }),
      http.post(
        `${BASE_URL}/v1/violation-reports/${VIOLATION_ID}/providers/prov-x/action`,
        async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(line);
        },
      ),
    );
    const client = platform.client();
    expect((await client.violationReports.generate()).reportId).toBe(VIOLATION_ID);
    await client.violationReports.generate({ period: '2026-01', regenerate: true });
    const acted = await client.violationReports.act(
      VIOLATION_ID,
      'prov-x',
      { status: 'SUSPENDED', reason: 'Failure rate 35%.' },
      { idempotencyKey: 'act-1' },
    );
    expect(acted.providerStatus).toBe('SUSPENDED');
    expect(bodies).toEqual([
      { regenerate: false },
      { period: '2026-01', regenerate: true },
      { status: 'SUSPENDED', reason: 'Failure rate 35%.' },
    ]);
    const [first, second] = platform
      .calls('/v1/violation-reports')
      .map((r) => r.headers.get('idempotency-key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    const act = platform.calls(`/v1/violation-reports/${VIOLATION_ID}/providers/prov-x/action`)[0];
    expect(act?.headers.get('idempotency-key')).toBe('act-1');
  });

  it('lists page by page, gets one, and maps refusals', async () => {
    platform.server.use(
      http.get(
        `${BASE_URL}/v1/violation-reports`,
        twoPages((page) => violationReport(page)),
      ),
      http.get(`${BASE_URL}/v1/violation-reports/${VIOLATION_ID}`, () =>
        problem(404, 'VIOLATION_REPORT_NOT_FOUND'),
      ),
      http.post(`${BASE_URL}/v1/violation-reports`, () => problem(403, 'FORBIDDEN')),
    );
    const client = platform.client();
    const ids = (await client.violationReports.list({ period: '2026-02' }).toArray()).map((r) => r.reportId);
    expect(ids).toEqual(['p1', 'p2']);
    expect(platform.calls('/v1/violation-reports?period=2026-02&cursor=p2')).toHaveLength(1);
    expect(await failure(client.violationReports.get(VIOLATION_ID))).toBeInstanceOf(HdldNotFoundError);
    const refused = await failure(client.violationReports.generate());
    expect(refused).toBeInstanceOf(HdldAuthError);
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('notifications, technical info and webhook secrets (F39, F4, N8)', () => {
  it('lists notifications page by page with the filters', async () => {
    platform.server.use(
      http.get(
        `${BASE_URL}/v1/notifications`,
        twoPages((page) => ({ notificationId: page, kind: 'PROVIDER_SUSPENDED', status: 'PENDING' })),
      ),
    );
    const client = platform.client();
    const ids: string[] = [];
    for await (const n of client.notifications.list({ providerId: 'prov-x', channel: 'EMAIL' }))
      ids.push(n.notificationId);
    expect(ids).toEqual(['p1', 'p2']);
    expect(platform.calls('/v1/notifications?providerId=prov-x&channel=EMAIL&cursor=p2')).toHaveLength(1);
  });

  it('puts the technical info and rotates the webhook secret with an idempotency key', async () => {
    const info = { callbackUrl: 'https://example.invalid/hook', ipAllowList: ['203.0.113.0/24'] };
    platform.server.use(
      http.put(`${BASE_URL}/v1/providers/prov-x/technical-info`, async ({ request }) =>
        HttpResponse.json({ providerId: 'prov-x', ...((await request.json()) as object) }),
      ),
      http.post(`${BASE_URL}/v1/providers/prov-x/webhook-secret`, () =>
        HttpResponse.json({ secret: 'whsec_x', createdAt: '2026-03-05T08:00:00Z' }),
      ),
      http.post(`${BASE_URL}/v1/providers/other/webhook-secret`, () => problem(404, 'PROVIDER_NOT_FOUND')),
    );
    const client = platform.client();
    expect(await client.providers.updateTechnicalInfo('prov-x', info)).toMatchObject(info);
    expect((await client.providers.rotateWebhookSecret('prov-x')).secret).toBe('whsec_x');
    const call = platform.calls('/v1/providers/prov-x/webhook-secret')[0];
    expect(call?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await failure(client.providers.rotateWebhookSecret('other'))).toBeInstanceOf(HdldNotFoundError);
  });

  it('maps a malformed allow-list to HdldValidationError', async () => {
    platform.server.use(
      http.put(`${BASE_URL}/v1/providers/prov-x/technical-info`, () => problem(400, 'REQUEST_INVALID')),
    );
    const error = await failure(
      platform.client().providers.updateTechnicalInfo('prov-x', { ipAllowList: ['x'] }),
    );
    expect(error).toBeInstanceOf(HdldValidationError);
  });
});
