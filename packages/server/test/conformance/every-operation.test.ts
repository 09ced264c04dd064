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
