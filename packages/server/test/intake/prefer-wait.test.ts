import { isValidContractId } from '@hdld/sdk';
import { TransactionSchema } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { conforming } from '../support/spec-responses.js';

/**
 * Issue 4 ("single submissions may complete synchronously when fast"), RFC 7240 `Prefer: wait`: the
 * final transaction in the answer (201), or the acknowledgement (202) as without the header.
 */
describe.each(engines)('Prefer: wait on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    // One contract through the pipeline first: the 201 cases then measure a warm pipeline, not the
    // first verification's one-off loading, which on a loaded machine can outlast the longest wait.
    const warmUp = await kit.api('/v1/contracts', { body: (await kit.sample(40)).submission });
    await waitForFinal(kit, ((await warmUp.json()) as { transactionId: string }).transactionId, 2_000);
  }, 180_000);
  afterAll(async () => kit?.close());

  it('answers 201 with the SUCCEEDED transaction, the same as getTransaction at Location', async () => {
    const sample = await kit.sample(41);
    const response = await kit.api('/v1/contracts', {
      body: sample.submission,
      headers: { prefer: 'wait=10' },
    });
    expect(response.status).toBe(201);
    const location = response.headers.get('location')!;
    const final = TransactionSchema.parse(await conforming('submitContract', response));
    expect(final).toMatchObject({ status: 'SUCCEEDED', replay: false, errors: [] });
    expect(isValidContractId(final.contractId!)).toBe(true);
    expect(location).toBe(`/v1/transactions/${final.transactionId}`);
    expect(await (await kit.api(location)).json()).toEqual(final);
  });

  it('answers 201 with a FAILED transaction and its errors (T10)', async () => {
    const sample = await kit.sample(42);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const response = await kit.api('/v1/contracts', {
      body: { ...sample.submission, mainData: { ...sample.mainData, term } },
      headers: { prefer: 'respond-async, wait="5"; x=1' },
    });
    expect(response.status).toBe(201);
    const final = TransactionSchema.parse(await response.json());
    expect(final.status).toBe('FAILED');
    expect(final.failureClass).toBe('BUSINESS');
    expect(final.errors.length).toBeGreaterThan(0);
    expect(final.receipt).toBeTruthy();
  });

  it('acknowledges at once (202, Location) without the preference, with wait=0 or a malformed one', async () => {
    for (const [seed, prefer] of [
      [43, undefined],
      [44, 'wait=0'],
      [45, 'wait=soon'],
    ] as const) {
      const sample = await kit.sample(seed);
      const response = await kit.api('/v1/contracts', {
        body: sample.submission,
        headers: prefer ? { prefer } : {},
      });
      expect(response.status, prefer).toBe(202);
      const ack = (await conforming('submitContract', response)) as { transactionId: string; status: string };
      expect(ack.status).toBe('RECEIVED');
      expect(response.headers.get('location')).toBe(`/v1/transactions/${ack.transactionId}`);
    }
  });

  it('answers a repeated submission at once, as without the preference, even when asked to wait', async () => {
    const sample = await kit.sample(46);
    const headers = { prefer: 'wait=10', 'idempotency-key': 'wait-46' };
    const first = await kit.api('/v1/contracts', { body: sample.submission, headers });
    expect(first.status).toBe(201);
    const { transactionId } = (await first.json()) as { transactionId: string };
    // The same key: the first answer stored with it (the acknowledgement), flagged as a replay.
    const retried = await kit.api('/v1/contracts', { body: sample.submission, headers });
    expect(retried.status).toBe(202);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await conforming('submitContract', retried)).toMatchObject({ transactionId, status: 'RECEIVED' });
    // The same package without that key: the transaction's acknowledgement, as it stands now.
    const again = await kit.api('/v1/contracts', { body: sample.submission, headers: { prefer: 'wait=10' } });
    expect(again.status).toBe(200);
    expect(await conforming('submitContract', again)).toMatchObject({ transactionId, status: 'SUCCEEDED' });
  });
});
