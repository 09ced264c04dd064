import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import { createHdldClient, type HdldClient } from '../../src/index.js';
import { type ContractFactory, contractFactory } from './support/signed-submissions.js';

let server: TestServer;
let factory: ContractFactory;
let client: HdldClient;

beforeAll(async () => {
  factory = await contractFactory();
  server = await startTestServer({}, { trust: factory.trust });
  client = createHdldClient({
    baseUrl: server.url,
    credentials: {
      clientId: server.sandbox.clientId,
      privateKey: server.sandbox.privateKeyPem,
      keyId: 'sandbox-1',
    },
  });
});
afterAll(() => server?.close());

describe('against the reference server (N1-N5, F7-F10, T10)', () => {
  it('submits a two-party B-T contract, waits for its ID and verifies the receipt', async () => {
    const input = await factory.contract(1, 'HD-SDK-0001');
    await server.platform.identity.register([factory.identityOf(input.mainData)]);
    const ack = await client.submitContract(input);
    expect(ack.status).toBe('RECEIVED');
    const result = await client.waitForResult(ack.transactionId, { minIntervalMs: 50, maxIntervalMs: 500 });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.contractId).toMatch(/^\d{16}$/);
    const receipt = await client.verifyReceipt(result);
    expect(receipt).toMatchObject({
      outcome: 'ISSUED',
      contractId: result.contractId,
      transactionId: ack.transactionId,
    });
    const contract = await client.contracts.get(result.contractId!);
    expect(contract).toMatchObject({ state: 'ACTIVE', providerReference: 'HD-SDK-0001' });
  });

  it('gets the outcome in the same call with waitSeconds (Prefer: wait)', async () => {
    const input = await factory.contract(9, 'HD-SDK-0009', { small: true });
    await server.platform.identity.register([factory.identityOf(input.mainData)]);
    const submitted = await client.submitContract(input, { waitSeconds: 10 });
    expect(submitted.outcome).toMatchObject({ status: 'SUCCEEDED', transactionId: submitted.transactionId });
    expect(submitted.statusUrl).toBe(`/v1/transactions/${submitted.transactionId}`);
    expect(await client.transactions.get(submitted.transactionId)).toEqual(submitted.outcome);
    const receipt = await client.verifyReceipt(submitted.outcome!);
    expect(receipt).toMatchObject({ outcome: 'ISSUED', contractId: submitted.outcome!.contractId });
  });

  it('attaches appendix, suspension, resumption and termination to the same ID (N5, F10)', async () => {
    const input = await factory.contract(2, 'HD-SDK-0002', { small: true });
    await server.platform.identity.register([factory.identityOf(input.mainData)]);
    const issued = await client.waitForResult((await client.submitContract(input)).transactionId, {
      minIntervalMs: 50,
    });
    expect(issued.status).toBe('SUCCEEDED');
    const contractId = issued.contractId!;
    const steps = [
      ['APPENDIX', 'ACTIVE'],
      ['SUSPENSION', 'SUSPENDED'],
      ['RESUMPTION', 'ACTIVE'],
      ['TERMINATION', 'TERMINATED'],
    ] as const;
    for (const [type, state] of steps) {
      const document = await factory.lifecycleDocument(2, `HD-SDK-0002-${type}`, type);
      const ack = await client.submitLifecycleDocument(contractId, {
        ...document,
        type,
        effectiveOn: '2026-02-01',
      });
      const result = await client.waitForResult(ack.transactionId, { minIntervalMs: 50 });
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ status: 'SUCCEEDED', kind: 'LIFECYCLE', contractId });
      expect((await client.contracts.get(contractId)).state).toBe(state);
    }
    const history = (await client.contracts.get(contractId)).history.map((h) => h.event);
    expect(history).toEqual(['ISSUED', 'APPENDIX_ADDED', 'SUSPENDED', 'RESUMED', 'TERMINATED']);
  });

  it('refuses a resumption of an active contract as a business failure (LIFECYCLE_TRANSITION_INVALID)', async () => {
    const input = await factory.contract(3, 'HD-SDK-0003', { small: true });
    await server.platform.identity.register([factory.identityOf(input.mainData)]);
    const issued = await client.waitForResult((await client.submitContract(input)).transactionId, {
      minIntervalMs: 50,
    });
    const document = await factory.lifecycleDocument(3, 'HD-SDK-0003-R', 'RESUMPTION');
    const ack = await client.submitLifecycleDocument(issued.contractId!, {
      ...document,
      type: 'RESUMPTION',
      effectiveOn: '2026-02-01',
    });
    const result = await client.waitForResult(ack.transactionId, { minIntervalMs: 50 });
    expect(result).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect(result.errors.map((e) => e.code)).toEqual(['LIFECYCLE_TRANSITION_INVALID']);
    expect((await client.verifyReceipt(result)).outcome).toBe('REJECTED');
  });

  it('lists the provider transactions page by page and finds one by reference', async () => {
    const all = await client.transactions.list({ limit: 2 }).toArray();
    expect(all.length).toBeGreaterThanOrEqual(3);
    const byReference = await client.transactions.getByReference('HD-SDK-0001');
    expect(all.map((t) => t.transactionId)).toContain(byReference.transactionId);
  });
});
