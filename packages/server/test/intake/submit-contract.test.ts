import { createHash } from 'node:crypto';
import { isValidContractId } from '@hdld/sdk';
import { TransactionSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

/** Issue 4: a valid two-party B-T contract gets an ID, on both storage engines (N1-N3, F8, F9, T10). */
describe.each(engines)('contract intake on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
  });
  afterAll(async () => kit?.close());

  it('acknowledges at once, then issues a valid ID after every check', async () => {
    const sample = await kit.sample(1);
    const response = await kit.api('/v1/contracts', { body: sample.submission });
    expect(response.status).toBe(202);
    const ack = (await response.json()) as {
      transactionId: string;
      payloadSha256: string;
      providerReference: string;
    };
    expect(ack.providerReference).toBe(sample.submission.providerReference);
    expect(ack.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    const final = TransactionSchema.parse(await waitForFinal(kit, ack.transactionId));
    expect(final.errors).toEqual([]);
    expect(final.status).toBe('SUCCEEDED');
    expect(isValidContractId(final.contractId!)).toBe(true);
    expect(final.replay).toBe(false);
    expect(final.late).toBe(false);
  });

  it('acknowledges each batch item with the SHA-256 of its JSON, and issues IDs for them (T5)', async () => {
    const items = [(await kit.sample(7)).submission, (await kit.sample(8)).submission];
    const response = await kit.api('/v1/contracts/batch', { body: { items } });
    expect(response.status).toBe(202);
    const batch = (await response.json()) as {
      items: { acknowledgement: { transactionId: string; payloadSha256: string } }[];
    };
    const sha256 = (item: unknown) => createHash('sha256').update(JSON.stringify(item)).digest('hex');
    expect(batch.items.map((i) => i.acknowledgement.payloadSha256)).toEqual(items.map(sha256));
    for (const { acknowledgement } of batch.items) {
      expect((await waitForFinal(kit, acknowledgement.transactionId)).status).toBe('SUCCEEDED');
    }
  });

  it('answers a retried idempotency key with the stored response and a different body with a conflict', async () => {
    const sample = await kit.sample(2);
    const headers = { 'idempotency-key': 'retry-key-2' };
    const first = await kit.api('/v1/contracts', { body: sample.submission, headers });
    const again = await kit.api('/v1/contracts', { body: sample.submission, headers });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const other = await kit.sample(3);
    const conflict = await kit.api('/v1/contracts', { body: other.submission, headers });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers a resubmitted reference with its transaction, and another body under it with a clash', async () => {
    const sample = await kit.sample(5);
    const first = await kit.api('/v1/contracts', { body: sample.submission });
    expect(first.status).toBe(202);
    const ack = await first.json();
    // The same request again, without a key or with a new one: the same transaction (in its current
    // status), answered 200.
    const retries: Record<string, string>[] = [{}, { 'idempotency-key': 'fresh-key-5' }];
    for (const headers of retries) {
      const again = await kit.api('/v1/contracts', { body: sample.submission, headers });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ...ack, status: expect.any(String) });
    }
    const other = await kit.sample(6, { providerReference: sample.submission.providerReference });
    const clash = await kit.api('/v1/contracts', { body: other.submission });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { code: string }).code).toBe('DUPLICATE_PROVIDER_REFERENCE');
    const { rows } = await kit.server.platform.storage.db.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM transactions WHERE provider_reference = $1',
      [sample.submission.providerReference],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('never gives the same document a second ID', async () => {
    const sample = await kit.sample(4);
    const first = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const issued = await waitForFinal(kit, first.transactionId);
    // The same signed bytes sent again under another reference, with evidence naming that reference.
    const copy = await kit.sample(4, { providerReference: 'HD-COPY-4', signedPdf: sample.pdf });
    const second = (await (await kit.api('/v1/contracts', { body: copy.submission })).json()) as {
      transactionId: string;
    };
    const replay = await waitForFinal(kit, second.transactionId);
    expect(replay.status).toBe('SUCCEEDED');
    expect(replay.replay).toBe(true);
    expect(replay.contractId).toBe(issued.contractId);
  });
});
