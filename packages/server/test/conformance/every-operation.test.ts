import { createSampleConvertedPaper, createSampleLifecycleSubmission } from '@hdld/sdk/testing';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceHandlers } from '../../src/http/openapi-routes.js';
import { nextPeriod, periodEnd, periodOf } from '../../src/provider-reports/reporting-period.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from '../../src/violations/thresholds.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { conforming, covered, operations } from '../support/spec-responses.js';

/**
 * Issue 4: every operation of the spec is implemented, and every response the server gives matches
 * the schema the spec declares for it (status, media type, body), success and problem alike.
 */
describe('every operation of the spec', () => {
  let kit: SandboxKit;
  let contract: { contractId: string; transactionId: string; providerReference: string };
  beforeAll(async () => {
    // F38: any failure left unexplained at the month's end is a violation, so one line is enough.
    kit = await startSandboxKit('pglite', {
      violationThresholds: { ...DEFAULT_VIOLATION_THRESHOLDS, unexplainedAfterDays: 0 },
    });
    const sample = await kit.sample(70);
    const ack = (await conforming(
      'submitContract',
      await kit.api('/v1/contracts', { body: sample.submission }),
    )) as {
      transactionId: string;
    };
    const final = await waitForFinal(kit, ack.transactionId);
    contract = {
      contractId: String(final.contractId),
      transactionId: ack.transactionId,
      providerReference: sample.submission.providerReference,
    };
  });
  afterAll(async () => kit?.close());

  it('has a handler for every operationId', () => {
    const handlers = Object.keys(serviceHandlers(kit.server.platform)).sort();
    expect(handlers).toEqual([...operations.keys()].sort());
  });

  it('serves probes, keys and tokens', async () => {
    await conforming('getHealth', await fetch(`${kit.server.url}/health`));
    await conforming('getReadiness', await fetch(`${kit.server.url}/ready`));
    const keys = (await conforming(
      'getPlatformKeys',
      await fetch(`${kit.server.url}/.well-known/jwks.json`),
    )) as { keys: unknown[] };
    expect(keys.keys).toHaveLength(1);
    const form = (secret: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: kit.server.sandbox.clientId,
        client_secret: secret,
      }),
    });
    await conforming(
      'createToken',
      await fetch(`${kit.server.url}/v1/oauth/token`, form(kit.server.sandbox.clientSecret)),
    );
    const refused = await fetch(`${kit.server.url}/v1/oauth/token`, form('wrong'));
    expect(refused.status).toBe(401);
    expect(((await conforming('createToken', refused)) as { code: string }).code).toBe('CLIENT_AUTH_FAILED');
  });

  it('reads transactions by id, by reference and as a paginated list', async () => {
    const tx = (await conforming(
      'getTransaction',
      await kit.api(`/v1/transactions/${contract.transactionId}`),
    )) as Schemas['Transaction'];
    expect(tx.receipt).toMatch(/^ey/);
    await conforming(
      'getTransactionByReference',
      await kit.api(`/v1/transactions/by-reference/${contract.providerReference}`),
    );
    const page = (await conforming(
      'listTransactions',
      await kit.api('/v1/transactions?limit=1'),
    )) as Schemas['TransactionPage'];
    expect(page.items).toHaveLength(1);
    const missing = await kit.api('/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e');
    expect(((await conforming('getTransaction', missing)) as { code: string }).code).toBe(
      'TRANSACTION_NOT_FOUND',
    );
    const unauthenticated = await fetch(`${kit.server.url}/v1/transactions/${contract.transactionId}`);
    expect(((await conforming('getTransaction', unauthenticated)) as { code: string }).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('reads a contract and downloads its documents', async () => {
    const read = (await conforming(
      'getContract',
      await kit.api(`/v1/contracts/${contract.contractId}`),
    )) as Schemas['Contract'];
    const pdf = read.documents.find((d) => d.kind === 'CONTRACT')!;
    const download = await kit.api(`/v1/contracts/${contract.contractId}/documents/${pdf.documentId}`);
    expect(download.headers.get('etag')).toBe(`"${pdf.sha256}"`);
    const bytes = (await conforming('downloadDocument', download)) as Uint8Array;
    expect(bytes.length).toBe(pdf.size);
    const unknown = await kit.api(
      `/v1/contracts/${contract.contractId}/documents/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e`,
    );
    expect(((await conforming('downloadDocument', unknown)) as { code: string }).code).toBe(
      'DOCUMENT_NOT_FOUND',
    );
  });

  it('accepts a batch, a lifecycle document and a converted paper contract', async () => {
    const [a, b] = [await kit.sample(71), await kit.sample(72)];
    const batch = (await conforming(
      'submitContractBatch',
      await kit.api('/v1/contracts/batch', { body: { items: [a.submission, b.submission] } }),
    )) as Schemas['BatchAcknowledgement'];
    expect(batch.items.map((i) => Boolean(i.acknowledgement))).toEqual([true, true]);
    const appendix = await createSampleLifecycleSubmission({
      pki: kit.pki,
      tsa: kit.tsa,
      type: 'APPENDIX',
      providerReference: 'CONF-APX',
      effectiveOn: '2026-07-01',
    });
    // Prefer: wait: the final transaction (201), checked against the spec like every answer.
    const wait = { prefer: 'wait=10' };
    const appended = await kit.api(`/v1/contracts/${contract.contractId}/lifecycle`, {
      body: appendix,
      headers: wait,
    });
    expect(appended.status).toBe(201);
    await conforming('submitLifecycleDocument', appended);
    const paper = await createSampleConvertedPaper({
      pki: kit.pki,
      tsa: kit.tsa,
      seed: 73,
      providerReference: 'CONF-PAPER',
    });
    const converted = await kit.api('/v1/converted-paper-contracts', { body: paper, headers: wait });
    expect(converted.status).toBe(201);
    await conforming('submitConvertedPaperContract', converted);
    const invalid = await kit.api('/v1/contracts', { body: { providerReference: 'x' } });
    expect(((await conforming('submitContract', invalid)) as { code: string }).code).toBe('REQUEST_INVALID');
  });

  it('runs the sandbox controls', async () => {
    await conforming('getSandboxClock', await kit.api('/v1/sandbox/clock'));
    const moved = (await conforming(
      'advanceSandboxClock',
      await kit.api('/v1/sandbox/clock', { body: { advanceSeconds: 60 } }),
    )) as {
      offsetSeconds: number;
    };
    expect(moved.offsetSeconds).toBe(60);
    await conforming(
      'advanceSandboxClock',
      await kit.api('/v1/sandbox/clock', { body: { offsetSeconds: 0 } }),
    );
    const registered = await kit.api('/v1/sandbox/identities', {
      body: {
        identities: [
          {
            identityNumber: '001190012345',
            fullName: 'Nguyễn Thị Hương',
            dateOfBirth: '1990-05-17',
            sex: 'FEMALE',
          },
        ],
      },
    });
    expect(await conforming('registerSandboxIdentities', registered)).toEqual({ registered: 1 });
  });

  it('runs the operations API: explanations, decision, re-push, reconciliation (F35-F37)', async () => {
    const sample = await kit.sample(74);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const ack = (await (
      await kit.api('/v1/contracts', {
        body: { ...sample.submission, mainData: { ...sample.mainData, term } },
      })
    ).json()) as { transactionId: string };
    expect(await waitForFinal(kit, ack.transactionId)).toMatchObject({ status: 'FAILED' });
    const early = await kit.api(`/v1/transactions/${ack.transactionId}/repush`, { method: 'POST' });
    expect(((await conforming('repushTransaction', early)) as { code: string }).code).toBe(
      'REPUSH_NOT_APPROVED',
    );
    const body = {
      transactionIds: [ack.transactionId],
      text: 'The end date was mistyped; the signed contract says 2027.',
      attachments: [{ fileName: 'note.txt', mediaType: 'text/plain', contentBase64: 'aGVsbG8=' }],
    };
    const created = (await conforming(
      'createExplanation',
      await kit.api('/v1/explanations', { body }),
    )) as Schemas['Explanation'];
    expect(created.state).toBe('PENDING');
    const twice = await kit.api('/v1/explanations', { body });
    expect(((await conforming('createExplanation', twice)) as { code: string }).code).toBe(
      'TRANSACTION_NOT_AWAITING_EXPLANATION',
    );
    const page = (await conforming(
      'listExplanations',
      await kit.operator('/v1/explanations?state=PENDING'),
    )) as {
      items: unknown[];
    };
    expect(page.items).toHaveLength(1);
    const read = (await conforming(
      'getExplanation',
      await kit.api(`/v1/explanations/${created.explanationId}`),
    )) as Schemas['Explanation'];
    expect(read.attachments[0]?.contentBase64).toBe('aGVsbG8=');
    const decision = { decision: 'APPROVED', reason: 'Typo confirmed.' };
    const byProvider = await kit.api(`/v1/explanations/${created.explanationId}/decision`, {
      body: decision,
    });
    expect(((await conforming('decideExplanation', byProvider)) as { code: string }).code).toBe('FORBIDDEN');
    await conforming(
      'decideExplanation',
      await kit.operator(`/v1/explanations/${created.explanationId}/decision`, { body: decision }),
    );
    const reversed = await kit.operator(`/v1/explanations/${created.explanationId}/decision`, {
      body: { decision: 'REJECTED', reason: 'Changed my mind.' },
    });
    expect(((await conforming('decideExplanation', reversed)) as { code: string }).code).toBe(
      'EXPLANATION_ALREADY_DECIDED',
    );
    const repushed = await kit.api(`/v1/transactions/${ack.transactionId}/repush`, { method: 'POST' });
    expect(repushed.status).toBe(202);
    expect(await conforming('repushTransaction', repushed)).toMatchObject({ explanationStatus: 'REPUSHED' });
    await waitForFinal(kit, ack.transactionId);
    const report = (await conforming(
      'getReconciliation',
      await kit.operator('/v1/reconciliation?from=2020-01-01T00:00:00Z'),
    )) as Schemas['Reconciliation'];
    expect(report.totals.received).toBeGreaterThan(0);
    const inverted = await kit.api('/v1/reconciliation?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(((await conforming('getReconciliation', inverted)) as { code: string }).code).toBe(
      'REQUEST_INVALID',
    );
  });

  it('runs the provider registry (N8, F12, F30)', async () => {
    await kit.otherProvider('conformance-other');
    const all = (await conforming(
      'listProviders',
      await kit.operator('/v1/providers'),
    )) as Schemas['ProviderList'];
    expect(all.items.map((p) => p.providerId)).toContain('conformance-other');
    const byProvider = await kit.api('/v1/providers');
    expect(((await conforming('listProviders', byProvider)) as { code: string }).code).toBe('FORBIDDEN');
    await conforming('getProvider', await kit.api(`/v1/providers/${kit.server.sandbox.providerId}`));
    // T3, T4, T17: who am I, for a provider (with its own profile) and for an operator.
    const me = (await conforming('getCaller', await kit.api('/v1/me'))) as Schemas['Caller'];
    expect(me).toMatchObject({
      kind: 'provider',
      scope: 'provider',
      providerId: kit.server.sandbox.providerId,
    });
    expect(me.provider).toMatchObject({ providerId: kit.server.sandbox.providerId, status: 'ACTIVE' });
    const operator = (await conforming('getCaller', await kit.operator('/v1/me'))) as Schemas['Caller'];
    expect(operator).toMatchObject({ kind: 'operator', role: 'operator', scope: 'nation' });
    expect(operator.provider).toBeUndefined();
    const anonymous = await fetch(`${kit.server.url}/v1/me`);
    expect(((await conforming('getCaller', anonymous)) as { code: string }).code).toBe('UNAUTHENTICATED');
    const hidden = await kit.api('/v1/providers/conformance-other');
    expect(((await conforming('getProvider', hidden)) as { code: string }).code).toBe('PROVIDER_NOT_FOUND');
    const change = (status: string) =>
      kit.operator('/v1/providers/conformance-other/status', {
        body: { status, reason: 'Conformance check.' },
      });
    const disconnected = (await conforming(
      'changeProviderStatus',
      await change('DISCONNECTED'),
    )) as Schemas['Provider'];
    expect(disconnected.statusHistory).toHaveLength(1);
    expect(
      ((await conforming('changeProviderStatus', await change('ACTIVE'))) as { code: string }).code,
    ).toBe('PROVIDER_STATUS_TRANSITION_INVALID');
    const published = (await conforming(
      'listPublicProviders',
      await fetch(`${kit.server.url}/v1/public/providers`),
    )) as Schemas['PublicProviderList'];
    expect(published.items.map((p) => p.name)).not.toContain('Provider conformance-other');
  });

  it('runs notifications, technical info and webhook secrets (F4, F39, N8)', async () => {
    const notified = await kit.otherProvider('conformance-notified');
    const technicalInfo = (body: unknown) =>
      kit.operator('/v1/providers/conformance-notified/technical-info', { method: 'PUT', body });
    const info = (await conforming(
      'updateProviderTechnicalInfo',
      await technicalInfo({ callbackUrl: 'https://conformance.invalid/hook', ipAllowList: ['127.0.0.0/8'] }),
    )) as Schemas['Provider'];
    expect(info.ipAllowList).toEqual(['127.0.0.0/8']);
    const malformed = await technicalInfo({ ipAllowList: ['not-a-cidr'] });
    expect(((await conforming('updateProviderTechnicalInfo', malformed)) as { code: string }).code).toBe(
      'REQUEST_INVALID',
    );
    const made = (await conforming(
      'rotateWebhookSecret',
      await notified('/v1/providers/conformance-notified/webhook-secret', { method: 'POST' }),
    )) as Schemas['WebhookSecret'];
    expect(made.secret).toMatch(/^whsec_/);
    const foreign = await notified(`/v1/providers/${kit.server.sandbox.providerId}/webhook-secret`, {
      method: 'POST',
    });
    expect(((await conforming('rotateWebhookSecret', foreign)) as { code: string }).code).toBe(
      'PROVIDER_NOT_FOUND',
    );
    await kit.operator('/v1/providers/conformance-notified/status', {
      body: { status: 'SUSPENDED', reason: 'Conformance check.' },
    });
    const page = (await conforming(
      'listNotifications',
      await kit.operator('/v1/notifications?providerId=conformance-notified&limit=1'),
    )) as Schemas['NotificationPage'];
    expect(page.items[0]).toMatchObject({ kind: 'PROVIDER_SUSPENDED', channel: 'EMAIL', status: 'PENDING' });
    const badCursor = await kit.api('/v1/notifications?cursor=not-one-of-ours');
    expect(((await conforming('listNotifications', badCursor)) as { code: string }).code).toBe(
      'REQUEST_INVALID',
    );
    const elsewhere = await kit.otherProvider('conformance-elsewhere');
    expect((await elsewhere('/v1/notifications')).status).toBe(200);
    await kit.operator('/v1/providers/conformance-elsewhere/technical-info', {
      method: 'PUT',
      body: { ipAllowList: ['203.0.113.0/24'] },
    });
    const refused = await elsewhere('/v1/notifications');
    expect(((await conforming('listNotifications', refused)) as { code: string }).code).toBe(
      'IP_NOT_ALLOWED',
    );
  });

  it('runs the monthly reports API: provider reports and violations (F33, F38)', async () => {
    const period = periodOf(new Date());
    const violator = await kit.otherProvider('conformance-violator');
    const sample = await kit.sample(76);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const failing = (await (
      await violator('/v1/contracts', {
        body: { ...sample.submission, mainData: { ...sample.mainData, term } },
      })
    ).json()) as { transactionId: string };
    expect(await waitForFinal(kit, failing.transactionId)).toMatchObject({ status: 'FAILED' });
    // An hour into the next month on the Platform's clock: this month has ended.
    const offsetSeconds = Math.round((periodEnd(period).getTime() + 3_600_000 - Date.now()) / 1000);
    await kit.operator('/v1/sandbox/clock', { body: { offsetSeconds } });

    const body = {
      period,
      figures: { contractsHandled: 3, contractsSigned: 3, contractsSubmitted: 3, incidents: 0 },
      text: 'Conformance monthly report.',
    };
    const sent = (await conforming(
      'submitProviderReport',
      await kit.api('/v1/provider-reports', { body }),
    )) as Schemas['ProviderReport'];
    await conforming('submitProviderReport', await kit.api('/v1/provider-reports', { body }));
    const refusals: [unknown, string][] = [
      [{ ...body, text: 'Other content, no replacesVersion.' }, 'PROVIDER_REPORT_CONFLICT'],
      [{ ...body, period: nextPeriod(period) }, 'REPORTING_PERIOD_NOT_ENDED'],
      [
        {
          ...body,
          text: 'With an audit file whose digest is wrong.',
          replacesVersion: 1,
          technicalAudit: {
            auditor: 'Auditor',
            auditedOn: '2026-01-20',
            result: 'PASSED',
            attachment: {
              fileName: 'a.pdf',
              mediaType: 'application/pdf',
              sha256: 'a'.repeat(64),
              contentBase64: 'JVBERi0=',
            },
          },
        },
        'ATTACHMENT_DIGEST_MISMATCH',
      ],
    ];
    for (const [refused, code] of refusals) {
      const response = await kit.api('/v1/provider-reports', { body: refused });
      expect(((await conforming('submitProviderReport', response)) as { code: string }).code).toBe(code);
    }
    await conforming('listProviderReports', await kit.operator(`/v1/provider-reports?period=${period}`));
    await conforming('getProviderReport', await kit.api(`/v1/provider-reports/${sent.reportId}`));
    const hidden = await violator(`/v1/provider-reports/${sent.reportId}`);
    expect(((await conforming('getProviderReport', hidden)) as { code: string }).code).toBe(
      'PROVIDER_REPORT_NOT_FOUND',
    );
    const tracking = (await conforming(
      'getProviderReportTracking',
      await kit.operator(`/v1/provider-reports/tracking?period=${period}`),
    )) as Schemas['ProviderReportTracking'];
    expect(tracking.items.find((i) => i.providerId === 'conformance-violator')?.timeliness).toBe('DUE');

    // The scheduler may have made the month's report already (200) or not yet (201).
    const report = (await conforming(
      'generateViolationReport',
      await kit.operator('/v1/violation-reports', { body: { period } }),
    )) as Schemas['ViolationReport'];
    expect(report.lines.map((l) => l.providerId)).toContain('conformance-violator');
    const open = await kit.operator('/v1/violation-reports', { body: { period: nextPeriod(period) } });
    expect(((await conforming('generateViolationReport', open)) as { code: string }).code).toBe(
      'REPORTING_PERIOD_NOT_ENDED',
    );
    await conforming('listViolationReports', await violator(`/v1/violation-reports?period=${period}`));
    await conforming('getViolationReport', await kit.api(`/v1/violation-reports/${report.reportId}`));
    const missing = await kit.operator('/v1/violation-reports/0193b2c3-5d6e-7f80-9a1b-2c3d4e5f6a7b');
    expect(((await conforming('getViolationReport', missing)) as { code: string }).code).toBe(
      'VIOLATION_REPORT_NOT_FOUND',
    );
    const act = (status: string) =>
      kit.operator(`/v1/violation-reports/${report.reportId}/providers/conformance-violator/action`, {
        body: { status, reason: 'Conformance check.' },
      });
    const line = (await conforming('actOnViolation', await act('DISCONNECTED'))) as Schemas['ViolationLine'];
    expect(line.actions).toHaveLength(1);
    expect(((await conforming('actOnViolation', await act('SUSPENDED'))) as { code: string }).code).toBe(
      'PROVIDER_STATUS_TRANSITION_INVALID',
    );
    const byProvider = await kit.api(`/v1/violation-reports/${report.reportId}/providers/sandbox/action`, {
      body: { status: 'SUSPENDED', reason: 'Self-service.' },
    });
    expect(((await conforming('actOnViolation', byProvider)) as { code: string }).code).toBe('FORBIDDEN');
    await kit.operator('/v1/sandbox/clock', { body: { offsetSeconds: 0 } });
  });

  it('answers an unknown route with a problem', async () => {
    const response = await kit.api('/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
  });

  it('exercised every operation', () => {
    expect([...covered].sort()).toEqual([...operations.keys()].sort());
  });
});

/** T17, non-negotiable 7: another provider's data answers 404, on every provider-facing read. */
describe('provider isolation', () => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit();
  });
  afterAll(async () => kit?.close());

  it("hides one provider's transactions, contracts and documents from another", async () => {
    const sample = await kit.sample(80);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const final = await waitForFinal(kit, ack.transactionId);
    const contractId = String(final.contractId);
    const read = (await (await kit.api(`/v1/contracts/${contractId}`)).json()) as Schemas['Contract'];
    const documentId = read.documents[0]!.documentId;
    const intruder = await kit.otherProvider('intruder');
    const expectations: [string, string, string][] = [
      ['getTransaction', `/v1/transactions/${ack.transactionId}`, 'TRANSACTION_NOT_FOUND'],
      [
        'getTransactionByReference',
        `/v1/transactions/by-reference/${sample.submission.providerReference}`,
        'TRANSACTION_NOT_FOUND',
      ],
      ['getContract', `/v1/contracts/${contractId}`, 'CONTRACT_NOT_FOUND'],
      ['downloadDocument', `/v1/contracts/${contractId}/documents/${documentId}`, 'CONTRACT_NOT_FOUND'],
    ];
    for (const [operationId, path, code] of expectations) {
      const response = await intruder(path);
      expect(response.status, operationId).toBe(404);
      expect(((await conforming(operationId, response)) as { code: string }).code, operationId).toBe(code);
    }
    const appendix = await createSampleLifecycleSubmission({
      pki: kit.pki,
      tsa: kit.tsa,
      type: 'APPENDIX',
      providerReference: 'INTRUDE',
      effectiveOn: '2026-07-01',
    });
    const lifecycle = await intruder(`/v1/contracts/${contractId}/lifecycle`, { body: appendix });
    expect(lifecycle.status).toBe(404);
    const list = (await (await intruder('/v1/transactions')).json()) as Schemas['TransactionPage'];
    expect(list.items).toEqual([]);
  });
});
