import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/create-storage.js';
import { isUniqueViolation } from '../../src/storage/errors.js';
import { createTestStorage, engines } from '../support/databases.js';
import { insertContract, insertProvider, insertTransaction, sha256Hex } from './fixtures.js';

// Round trips of every repository on both engines (N1-N5, N8, F35, T10, S2.4).
describe.each(engines)('repositories on %s', (engine) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, drop } = await createTestStorage(engine));
  });
  afterAll(() => drop());

  it('reports its engine', () => {
    expect(storage.engine).toBe(engine);
  });

  it('providers: insert, find, list and change status (N8)', async () => {
    const provider = await storage.providers.insert({
      id: 'vnpt-econtract',
      name: 'VNPT eContract',
      clientId: 'vnpt-client',
      publicJwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'k1' }] },
      contactEmail: 'ops@vnpt.example',
    });
    expect(provider).toMatchObject({
      status: 'ACTIVE',
      clientSecretHash: undefined,
      statusChangedAt: undefined,
    });
    expect(provider.publicJwks).toEqual({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'k1' }] });
    expect(await storage.providers.findByClientId('vnpt-client')).toEqual(provider);

    const at = new Date('2026-05-01T00:00:00Z');
    const suspended = await storage.providers.setStatus('vnpt-econtract', 'SUSPENDED', at);
    expect(suspended).toMatchObject({ status: 'SUSPENDED', statusChangedAt: at });
    expect(await storage.providers.setStatus('unknown', 'ACTIVE', at)).toBeUndefined();

    const rotated = await storage.providers.setCredentials('vnpt-econtract', { clientSecretHash: 'h2' });
    expect(rotated).toMatchObject({ clientSecretHash: 'h2', publicJwks: undefined });
    expect((await storage.providers.list()).map((p) => p.id)).toContain('vnpt-econtract');

    const duplicate = await storage.providers
      .insert({ id: 'other', name: 'x', clientId: 'vnpt-client', contactEmail: 'x@y.example' })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate, 'providers_client_id_key')).toBe(true);
  });

  it('transactions: one row per provider reference, status transitions and counts (T5, T10, F35)', async () => {
    const provider = await insertProvider(storage);
    const first = await storage.transactions.insert({
      providerId: provider.id,
      providerReference: 'ref-1',
      kind: 'LIFECYCLE',
      lifecycleType: 'APPENDIX',
      targetContractId: '2604173920581614',
      payloadSha256: sha256Hex('payload'),
      lastSignedAt: new Date('2026-02-01T01:02:03Z'),
      request: { note: 'phụ lục', nested: { list: [1, 'two', null] } },
    });
    expect(first.created).toBe(true);
    expect(first.transaction).toMatchObject({
      status: 'RECEIVED',
      attempts: 0,
      errors: [],
      replay: false,
      late: false,
      lifecycleType: 'APPENDIX',
      targetContractId: '2604173920581614',
      request: { note: 'phụ lục', nested: { list: [1, 'two', null] } },
    });

    const again = await storage.transactions.insert({
      providerId: provider.id,
      providerReference: 'ref-1',
      kind: 'CONTRACT',
      payloadSha256: sha256Hex('other payload'),
      request: {},
    });
    expect(again).toEqual({ transaction: first.transaction, created: false });

    const processing = await storage.transactions.markProcessing(first.transaction.id);
    expect(processing).toMatchObject({ status: 'PROCESSING', attempts: 1 });
    const failed = await storage.transactions.markFailed(first.transaction.id, {
      failureClass: 'BUSINESS',
      errors: [{ code: 'CONTRACT_NOT_FOUND', message: 'target contract unknown', field: 'targetContractId' }],
    });
    expect(failed).toMatchObject({
      status: 'FAILED',
      failureClass: 'BUSINESS',
      explanationStatus: 'AWAITING_EXPLANATION',
    });
    expect(failed?.completedAt).toBeInstanceOf(Date);
    expect(await storage.transactions.markProcessing(first.transaction.id)).toBeUndefined();

    // F37: only an approved transaction is queued again.
    expect(await storage.transactions.requeueFailed(first.transaction.id)).toBeUndefined();
    const id = first.transaction.id;
    expect(await storage.transactions.moveExplanationStatus([id], ['PENDING_APPROVAL'], 'APPROVED')).toEqual(
      [],
    );
    expect(
      await storage.transactions.moveExplanationStatus([id], ['AWAITING_EXPLANATION'], 'APPROVED'),
    ).toEqual([id]);
    const requeued = await storage.transactions.requeueFailed(id);
    expect(requeued).toMatchObject({
      status: 'RECEIVED',
      failureClass: undefined,
      explanationStatus: 'REPUSHED',
      errors: [],
      completedAt: undefined,
    });

    const second = await insertTransaction(storage, provider.id);
    await storage.transactions.markSucceeded(second.id, {
      contractId: '2604173920581614',
      replay: true,
      receipt: 'r',
    });
    expect(await storage.transactions.findById(second.id)).toMatchObject({
      status: 'SUCCEEDED',
      contractId: '2604173920581614',
      replay: true,
      receipt: 'r',
    });

    expect(await storage.transactions.countByStatus(provider.id)).toEqual({
      RECEIVED: 1,
      PROCESSING: 0,
      SUCCEEDED: 1,
      FAILED: 0,
    });
    const listed = await storage.transactions.list({ providerId: provider.id, status: 'SUCCEEDED' });
    expect(listed.map((t) => t.id)).toEqual([second.id]);
  });

  it('rejects a failed transaction without a failure class (T10 integrity)', async () => {
    const provider = await insertProvider(storage);
    const transaction = await insertTransaction(storage, provider.id);
    await expect(
      storage.db.query(`UPDATE transactions SET status = 'FAILED' WHERE id = $1`, [transaction.id]),
    ).rejects.toThrow();
    // Unless the Platform failed it (the pipeline's last attempt, src/pipeline/fail-attempt.ts).
    await storage.db.query(
      `UPDATE transactions SET status = 'FAILED', errors = '[{"code": "PROCESSING_FAILED"}]' WHERE id = $1`,
      [transaction.id],
    );
  });

  it('contracts: one contract per original document nationwide (F9)', async () => {
    const provider = await insertProvider(storage);
    const other = await insertProvider(storage);
    const { contract, transaction } = await insertContract(storage, provider.id, '2600000000000175');
    expect(contract).toMatchObject({ state: 'ACTIVE', origin: 'ELECTRONIC', late: false });
    expect(await storage.contracts.findById('2600000000000175')).toEqual(contract);

    const resubmission = await insertTransaction(storage, other.id);
    const second = await storage.contracts.insertUnlessDocumentKnown({
      id: '2600000000000272',
      providerId: other.id,
      origin: 'ELECTRONIC',
      documentSha256: transaction.documentSha256!,
      mainData: {},
      employerName: 'Công ty X',
      employeeSex: 'FEMALE',
      employeeBirthYear: 1990,
      issuedAt: new Date(),
      late: false,
      sourceTransactionId: resubmission.id,
    });
    expect(second).toEqual({ contract, created: false });
    expect(await storage.contracts.findById('2600000000000272')).toBeUndefined();

    const at = new Date('2026-06-01T00:00:00Z');
    expect(await storage.contracts.setState(contract.id, 'SUSPENDED', at)).toMatchObject({
      state: 'SUSPENDED',
      stateChangedAt: at,
    });
    expect((await storage.contracts.listByProvider(provider.id)).map((c) => c.id)).toEqual([contract.id]);
  });

  it('contracts: summary columns round-trip', async () => {
    const provider = await insertProvider(storage);
    const transaction = await insertTransaction(storage, provider.id);
    const { contract } = await storage.contracts.insertUnlessDocumentKnown({
      id: '2600000000000369',
      providerId: provider.id,
      origin: 'CONVERTED_PAPER',
      documentSha256: transaction.documentSha256!,
      mainData: { employee: { sex: 'FEMALE' } },
      employerName: 'Công ty Y',
      employeeSex: 'FEMALE',
      employeeBirthYear: 1988,
      jobPosition: 'OTHER',
      contractTerm: 'FIXED_TERM',
      provinceCode: '01',
      issuedAt: new Date('2026-01-02T00:00:00Z'),
      late: true,
      sourceTransactionId: transaction.id,
    });
    expect(contract).toMatchObject({
      origin: 'CONVERTED_PAPER',
      employerName: 'Công ty Y',
      employeeBirthYear: 1988,
      jobPosition: 'OTHER',
      contractTerm: 'FIXED_TERM',
      provinceCode: '01',
      late: true,
    });
  });

  it('documents and transaction files: attach once per contract and bytes (N5, T7, T8)', async () => {
    const provider = await insertProvider(storage);
    const { contract, transaction } = await insertContract(storage, provider.id, '2699999999999928');
    const facts = {
      sha256: sha256Hex('pdf'),
      size: 1234,
      mediaType: 'application/pdf',
      blobKey: sha256Hex('pdf'),
    };
    await storage.transactionFiles.add({
      transactionId: transaction.id,
      role: 'CONTRACT',
      ...facts,
      fileName: 'hd.pdf',
    });
    await storage.transactionFiles.add({
      transactionId: transaction.id,
      role: 'CONTRACT',
      ...facts,
      fileName: 'hd.pdf',
    });
    expect(await storage.transactionFiles.list(transaction.id)).toEqual([
      { transactionId: transaction.id, role: 'CONTRACT', ...facts, fileName: 'hd.pdf' },
    ]);

    const first = await storage.documents.insert({
      contractId: contract.id,
      transactionId: transaction.id,
      kind: 'CONTRACT',
      ...facts,
    });
    expect(first.created).toBe(true);
    expect(first.document).toMatchObject({ kind: 'CONTRACT', size: 1234, fileName: undefined });
    const repeat = await storage.documents.insert({
      contractId: contract.id,
      transactionId: transaction.id,
      kind: 'EVIDENCE',
      ...facts,
    });
    expect(repeat).toEqual({ document: first.document, created: false });
    expect(await storage.documents.listByContract(contract.id)).toEqual([first.document]);
    expect(await storage.documents.findById(first.document.id)).toEqual(first.document);

    // Several at once (the files of a transaction), with the same rule: known bytes are kept as they are.
    const log = {
      sha256: sha256Hex('log'),
      size: 10,
      mediaType: 'application/json',
      blobKey: sha256Hex('log'),
    };
    await storage.documents.insertMany([
      { contractId: contract.id, transactionId: transaction.id, kind: 'EVIDENCE', ...facts },
      {
        contractId: contract.id,
        transactionId: transaction.id,
        kind: 'TRANSACTION_LOG',
        ...log,
        fileName: 'log.json',
      },
    ]);
    const listed = await storage.documents.listByContract(contract.id);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toEqual(first.document);
    expect(listed[1]).toMatchObject({ kind: 'TRANSACTION_LOG', ...log, fileName: 'log.json' });
  });

  it('idempotency keys: new, in progress, replay, mismatch and release', async () => {
    const provider = await insertProvider(storage);
    const idempotency = storage.idempotency;
    expect(await idempotency.claim(provider.id, 'k1', sha256Hex('a'))).toEqual({ outcome: 'NEW' });
    expect(await idempotency.claim(provider.id, 'k1', sha256Hex('a'))).toEqual({ outcome: 'IN_PROGRESS' });
    expect(await idempotency.claim(provider.id, 'k1', sha256Hex('b'))).toEqual({ outcome: 'MISMATCH' });
    await idempotency.complete(provider.id, 'k1', { status: 202, body: { transactionId: 't', list: [1] } });
    expect(await idempotency.claim(provider.id, 'k1', sha256Hex('a'))).toEqual({
      outcome: 'REPLAY',
      status: 202,
      body: { transactionId: 't', list: [1] },
    });

    expect(await idempotency.claim(provider.id, 'k2', sha256Hex('a'))).toEqual({ outcome: 'NEW' });
    await idempotency.release(provider.id, 'k2');
    expect(await idempotency.claim(provider.id, 'k2', sha256Hex('c'))).toEqual({ outcome: 'NEW' });
    expect(await idempotency.deleteCreatedBefore(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(2);
  });

  it('api calls: the per-provider transaction log (F35, T11)', async () => {
    const provider = await insertProvider(storage);
    const at = new Date('2026-04-01T10:00:00Z');
    await storage.apiCalls.record({
      providerId: provider.id,
      operationId: 'submitContract',
      method: 'POST',
      path: '/v1/contracts',
      status: 202,
      durationMs: 12.6,
      requestId: 'req-1',
      at,
    });
    await storage.apiCalls.record({
      method: 'GET',
      path: '/v1/x',
      status: 401,
      durationMs: 1,
      requestId: 'req-2',
    });
    const calls = await storage.apiCalls.listByProvider(provider.id, {
      from: at,
      to: new Date(at.getTime() + 1),
    });
    expect(calls).toEqual([
      expect.objectContaining({
        operationId: 'submitContract',
        status: 202,
        durationMs: 13,
        requestId: 'req-1',
        at,
      }),
    ]);
    // Calls recorded at once are written together (group commit), each one, in the order recorded.
    const later = new Date(at.getTime() + 1000);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        storage.apiCalls.record({
          providerId: provider.id,
          method: 'GET',
          path: '/v1/transactions/{transactionId}',
          status: 200,
          durationMs: i,
          requestId: `burst-${i}`,
          at: later,
        }),
      ),
    );
    const burst = await storage.apiCalls.listByProvider(provider.id, {
      from: later,
      to: new Date(later.getTime() + 1),
    });
    expect(burst.map((c) => c.requestId)).toEqual(Array.from({ length: 40 }, (_, i) => `burst-${i}`));
  });

  it('sandbox clock: a shared offset on the real clock (S2.4)', async () => {
    const real = new Date('2026-01-01T00:00:00Z');
    expect(await storage.sandboxClock.now(real)).toEqual(real);
    await storage.sandboxClock.setOffsetMs(86_400_000);
    expect(await storage.sandboxClock.now(real)).toEqual(new Date('2026-01-02T00:00:00Z'));
    await storage.sandboxClock.setOffsetMs(0);
    expect(await storage.sandboxClock.offsetMs()).toBe(0);
  });

  it('transaction: commits together or not at all', async () => {
    const provider = await insertProvider(storage);
    await expect(
      storage.transaction(async (repos) => {
        await insertTransaction(repos, provider.id, 'rolled-back');
        throw new Error('check failed');
      }),
    ).rejects.toThrow('check failed');
    expect(await storage.transactions.findByReference(provider.id, 'rolled-back')).toBeUndefined();

    const committed = await storage.transaction((repos) =>
      insertTransaction(repos, provider.id, 'committed'),
    );
    expect(await storage.transactions.findByReference(provider.id, 'committed')).toEqual(committed);
  });

  it('transaction: concurrent transactions do not interleave their writes', async () => {
    const provider = await insertProvider(storage);
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        storage
          .transaction(async (repos) => {
            await insertTransaction(repos, provider.id, `parallel-${index}`);
            if (index % 2 === 0) throw new Error('rollback');
          })
          .catch(() => undefined),
      ),
    );
    const counts = await storage.transactions.countByStatus(provider.id);
    expect(counts.RECEIVED).toBe(5);
  });
});
