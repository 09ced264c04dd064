import { createSampleConvertedPaper, createSampleLifecycleSubmission } from '@hdld/sdk/testing';
import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceHandlers } from '../../src/http/openapi-routes.js';
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
    kit = await startSandboxKit();
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
    await conforming(
      'submitLifecycleDocument',
      await kit.api(`/v1/contracts/${contract.contractId}/lifecycle`, { body: appendix }),
    );
    const paper = await createSampleConvertedPaper({
      pki: kit.pki,
      tsa: kit.tsa,
      seed: 73,
      providerReference: 'CONF-PAPER',
    });
    await conforming(
      'submitConvertedPaperContract',
      await kit.api('/v1/converted-paper-contracts', { body: paper }),
    );
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
