import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { craft } from './scripted-submissions.js';

type Problem = { code: string };
type Explanation = Schemas['Explanation'];
type Transaction = Schemas['Transaction'];

/**
 * F36, F37 (issue 7): a failed transaction awaits an explanation; only once an operator approves it
 * may the provider push it again, and every step says who did it and when. Other providers see
 * none of it; the operator sees everything.
 */
describe.each(engines)('explanations and re-push on %s', (engine) => {
  let kit: SandboxKit;
  let intruder: ApiCall;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    intruder = await kit.otherProvider('intruder');
  });
  afterAll(async () => kit?.close());

  const submitFailing = async (seed: number): Promise<string> => {
    const response = await kit.api('/v1/contracts', { body: await craft(kit, 'laborTerm', seed) });
    const { transactionId } = (await response.json()) as { transactionId: string };
    expect(await waitForFinal(kit, transactionId)).toMatchObject({ status: 'FAILED' });
    return transactionId;
  };
  const transaction = async (id: string) =>
    (await (await kit.api(`/v1/transactions/${id}`)).json()) as Transaction;
  const explain = (transactionIds: string[]) =>
    kit.api('/v1/explanations', {
      body: { transactionIds, text: 'The end date was mistyped in our system; corrected since.' },
    });
  const decide = (explanationId: string, decision: 'APPROVED' | 'REJECTED', reason: string) =>
    kit.operator(`/v1/explanations/${explanationId}/decision`, { body: { decision, reason } });
  const repush = (id: string, caller: ApiCall = kit.api) =>
    caller(`/v1/transactions/${id}/repush`, { method: 'POST' });

  it('refuses to re-push a failed transaction before and after a rejected explanation', async () => {
    const id = await submitFailing(500);
    expect(await transaction(id)).toMatchObject({ explanationStatus: 'AWAITING_EXPLANATION' });
    const early = await repush(id);
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).code).toBe('REPUSH_NOT_APPROVED');

    const created = await explain([id]);
    expect(created.status).toBe(201);
    const explanation = (await created.json()) as Explanation;
    expect(created.headers.get('location')).toBe(`/v1/explanations/${explanation.explanationId}`);
    expect(explanation).toMatchObject({ state: 'PENDING', submittedBy: kit.server.sandbox.clientId });
    expect(await transaction(id)).toMatchObject({ explanationStatus: 'PENDING_APPROVAL' });
    expect(((await (await repush(id)).json()) as Problem).code).toBe('REPUSH_NOT_APPROVED');

    const rejected = (await (
      await decide(explanation.explanationId, 'REJECTED', 'Not convincing.')
    ).json()) as Explanation;
    expect(rejected).toMatchObject({
      state: 'REJECTED',
      decidedBy: kit.server.operator.operatorId,
      decisionReason: 'Not convincing.',
    });
    expect(Date.parse(rejected.decidedAt!)).toBeGreaterThanOrEqual(Date.parse(rejected.submittedAt));
    expect(await transaction(id)).toMatchObject({ status: 'FAILED', explanationStatus: 'REJECTED' });
    const refused = await repush(id);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).code).toBe('REPUSH_NOT_APPROVED');
    // A decision is final; the provider may explain again.
    const flip = await decide(explanation.explanationId, 'APPROVED', 'Second thoughts.');
    expect(((await flip.json()) as Problem).code).toBe('EXPLANATION_ALREADY_DECIDED');
    expect((await explain([id])).status).toBe(201);
  });

  it('re-pushes an approved transaction, which is processed again and succeeds', async () => {
    // The employee is missing from the population registry: IDENTITY_NOT_FOUND until registered.
    const sample = await kit.sample(510);
    await kit.server.platform.storage.db.query('DELETE FROM identity_registry WHERE identity_number = $1', [
      sample.identity.identityNumber,
    ]);
    const ack = (await (await kit.api('/v1/contracts', { body: sample.submission })).json()) as {
      transactionId: string;
    };
    const id = ack.transactionId;
    const failed = await waitForFinal(kit, id);
    expect(failed).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });

    const awaiting = (await (
      await kit.api('/v1/transactions?explanationStatus=AWAITING_EXPLANATION')
    ).json()) as Schemas['TransactionPage'];
    expect(awaiting.items.map((t) => t.transactionId)).toContain(id);

    const note = Buffer.from('Registry record 001 corrected on 2026-03-03.').toString('base64');
    const request = {
      headers: { 'idempotency-key': `explain-${id}` },
      body: {
        transactionIds: [id],
        text: "The employee's citizen ID record was corrected in the population registry.",
        attachments: [{ fileName: 'registry.txt', mediaType: 'text/plain', contentBase64: note }],
      },
    };
    const created = await kit.api('/v1/explanations', request);
    const explanation = (await created.json()) as Explanation;
    expect(created.status).toBe(201);
    // Retried with its Idempotency-Key: the same explanation, not a second one.
    const retried = await kit.api('/v1/explanations', request);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(explanation);
    expect(explanation.attachments[0]).toMatchObject({ fileName: 'registry.txt', mediaType: 'text/plain' });

    const queue = (await (
      await kit.operator('/v1/explanations?state=PENDING')
    ).json()) as Schemas['ExplanationPage'];
    expect(queue.items.map((e) => e.explanationId)).toContain(explanation.explanationId);
    const read = (await (
      await kit.operator(`/v1/explanations/${explanation.explanationId}`)
    ).json()) as Explanation;
    expect(read.attachments[0]?.contentBase64).toBe(note);

    // The provider fixes the cause (the registry entry), the operator approves, the provider re-pushes.
    await kit.api('/v1/sandbox/identities', { body: { identities: [sample.identity] } });
    expect((await decide(explanation.explanationId, 'APPROVED', 'Registry corrected.')).status).toBe(200);
    expect(await transaction(id)).toMatchObject({ explanationStatus: 'APPROVED' });
    const pushed = await repush(id);
    expect(pushed.status).toBe(202);
    expect(await pushed.json()).toMatchObject({ status: 'RECEIVED', explanationStatus: 'REPUSHED' });
    const final = await waitForFinal(kit, id);
    expect(final).toMatchObject({ status: 'SUCCEEDED', explanationStatus: 'REPUSHED' });
    expect(final.contractId).toMatch(/^\d{16}$/);

    const again = await repush(id);
    expect(again.status).toBe(200);
    const history = (await (
      await kit.api(`/v1/explanations/${explanation.explanationId}`)
    ).json()) as Explanation;
    expect(history).toMatchObject({
      state: 'APPROVED',
      submittedBy: kit.server.sandbox.clientId,
      decidedBy: kit.server.operator.operatorId,
      transactions: [{ transactionId: id, repushedBy: kit.server.sandbox.clientId }],
    });
    expect(Date.parse(history.transactions[0]!.repushedAt!)).toBeGreaterThanOrEqual(
      Date.parse(history.decidedAt!),
    );
  });

  it('explains many transactions at once, or none when one of them is not awaiting', async () => {
    const [a, b] = [await submitFailing(520), await submitFailing(521)];
    const ack = (await (await kit.api('/v1/contracts', { body: await craft(kit, 'ok', 522) })).json()) as {
      transactionId: string;
    };
    expect(await waitForFinal(kit, ack.transactionId)).toMatchObject({ status: 'SUCCEEDED' });
    const mixed = await explain([a, ack.transactionId]);
    expect(mixed.status).toBe(409);
    expect(((await mixed.json()) as Problem).code).toBe('TRANSACTION_NOT_AWAITING_EXPLANATION');
    expect(await transaction(a)).toMatchObject({ explanationStatus: 'AWAITING_EXPLANATION' });
    const both = (await (await explain([a, b])).json()) as Explanation;
    expect(both.transactions.map((t) => t.transactionId).sort()).toEqual([a, b].sort());
  });

  it("keeps a provider's explanations and failed transactions from other providers", async () => {
    const id = await submitFailing(530);
    const explanation = (await (await explain([id])).json()) as Explanation;

    const read = await intruder(`/v1/explanations/${explanation.explanationId}`);
    expect(read.status).toBe(404);
    expect(((await read.json()) as Problem).code).toBe('EXPLANATION_NOT_FOUND');
    const list = (await (
      await intruder('/v1/explanations?providerId=sandbox')
    ).json()) as Schemas['ExplanationPage'];
    expect(list.items).toEqual([]);
    const foreign = await intruder('/v1/explanations', {
      body: { transactionIds: [id], text: 'Trying to explain somebody else.' },
    });
    expect(((await foreign.json()) as Problem).code).toBe('TRANSACTION_NOT_FOUND');
    expect(((await (await repush(id, intruder)).json()) as Problem).code).toBe('TRANSACTION_NOT_FOUND');
    const byIntruder = await intruder(`/v1/explanations/${explanation.explanationId}/decision`, {
      body: { decision: 'APPROVED', reason: 'Self-service.' },
    });
    expect(byIntruder.status).toBe(403);

    const all = (await (
      await kit.operator('/v1/explanations?providerId=sandbox')
    ).json()) as Schemas['ExplanationPage'];
    expect(all.items.map((e) => e.explanationId)).toContain(explanation.explanationId);
    const operatorPush = await repush(id, kit.operator);
    expect(((await operatorPush.json()) as Problem).code).toBe('FORBIDDEN');
  });
});
