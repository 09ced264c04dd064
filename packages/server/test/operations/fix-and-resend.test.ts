import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';

type Problem = { code: string; detail: string };
type Acknowledgement = Schemas['SubmissionAcknowledgement'];
type Transaction = Schemas['Transaction'];

/**
 * F36, F37 (issue 14): a failed contract is fixed and sent again under its own provider reference,
 * once its re-push was approved. The corrected package is a new transaction (its successor); the
 * failed one keeps its history and points at it. Before approval the reference stays taken
 * (DUPLICATE_PROVIDER_REFERENCE, with the way out in the detail). F9: a duplicate document names the
 * reference that holds its ID.
 */
describe.each(engines)('fix and resend under the same reference on %s', (engine) => {
  let kit: SandboxKit;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
  });
  afterAll(async () => kit?.close());

  const transaction = async (id: string) =>
    (await (await kit.api(`/v1/transactions/${id}`)).json()) as Transaction;
  const send = (body: unknown, headers: Record<string, string> = {}) =>
    kit.api('/v1/contracts', { body, headers });

  /** A contract that fails on its labor term (BUSINESS), and its corrected package. */
  const failedContract = async (seed: number) => {
    const sample = await kit.sample(seed);
    const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
    const broken = { ...sample.submission, mainData: { ...sample.mainData, term } };
    const ack = (await (await send(broken)).json()) as Acknowledgement;
    expect(await waitForFinal(kit, ack.transactionId)).toMatchObject({ status: 'FAILED' });
    return { failedId: ack.transactionId, corrected: sample.submission };
  };
  /** The same content with its keys in another order: other bytes, so another payloadSha256. */
  const reordered = ({ documents, ...rest }: Schemas['ContractSubmission']) => ({ documents, ...rest });
  const approve = async (transactionId: string) => {
    const explanation = (await (
      await kit.api('/v1/explanations', {
        body: { transactionIds: [transactionId], text: 'The end date was mistyped; corrected since.' },
      })
    ).json()) as Schemas['Explanation'];
    const decided = await kit.operator(`/v1/explanations/${explanation.explanationId}/decision`, {
      body: { decision: 'APPROVED', reason: 'Typing error, corrected.' },
    });
    expect(decided.status).toBe(200);
    return explanation.explanationId;
  };

  it('refuses the corrected package until the re-push is approved, naming the explanation flow', async () => {
    const { failedId, corrected } = await failedContract(700);
    const early = await send(corrected);
    expect(early.status).toBe(409);
    const problem = (await early.json()) as Problem;
    expect(problem.code).toBe('DUPLICATE_PROVIDER_REFERENCE');
    expect(problem.detail).toContain(`hdld errors explain ${failedId}`);
    const vi = (await (await send(corrected, { 'accept-language': 'vi' })).json()) as Problem;
    expect(vi.detail).toContain('giải trình');
    expect(await transaction(failedId)).toMatchObject({
      status: 'FAILED',
      explanationStatus: 'AWAITING_EXPLANATION',
    });
    expect((await transaction(failedId)).supersededBy).toBeUndefined();
  });

  it('takes the corrected package as the successor once approved; a retry with its key is replayed', async () => {
    const { failedId, corrected } = await failedContract(710);
    const explanationId = await approve(failedId);

    const headers = { 'idempotency-key': `resend-${failedId}` };
    const sent = await send(corrected, headers);
    expect(sent.status).toBe(202);
    const ack = (await sent.json()) as Acknowledgement;
    expect(ack.transactionId).not.toBe(failedId);
    expect(ack).toMatchObject({ providerReference: corrected.providerReference, supersedes: failedId });

    // The same request again (a lost answer): the first answer, not a third transaction.
    const retried = await send(corrected, headers);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await retried.json()).toEqual(ack);

    const final = await waitForFinal(kit, ack.transactionId);
    expect(final).toMatchObject({ status: 'SUCCEEDED', supersedes: failedId });
    expect(final.contractId).toMatch(/^\d{16}$/);
    // The failed one is kept, as it was, pointing at its successor.
    expect(await transaction(failedId)).toMatchObject({
      status: 'FAILED',
      failureClass: 'BUSINESS',
      explanationStatus: 'REPUSHED',
      supersededBy: ack.transactionId,
    });
    const reference = encodeURIComponent(corrected.providerReference);
    const current = (await (
      await kit.api(`/v1/transactions/by-reference/${reference}`)
    ).json()) as Transaction;
    expect(current.transactionId).toBe(ack.transactionId);
    const history = (await (
      await kit.api(`/v1/transactions?providerReference=${reference}`)
    ).json()) as Schemas['TransactionPage'];
    expect(history.items.map((t) => t.transactionId)).toEqual([ack.transactionId, failedId]);
    const explanation = (await (
      await kit.api(`/v1/explanations/${explanationId}`)
    ).json()) as Schemas['Explanation'];
    expect(explanation.transactions[0]).toMatchObject({
      transactionId: failedId,
      repushedBy: kit.server.sandbox.clientId,
    });

    // The reference now holds a success: other content is a plain duplicate again, and the stored
    // package of the failed one cannot be pushed a second time.
    expect(((await (await send(reordered(corrected))).json()) as Problem).code).toBe(
      'DUPLICATE_PROVIDER_REFERENCE',
    );
    const repush = await kit.api(`/v1/transactions/${failedId}/repush`, { method: 'POST' });
    expect(repush.status).toBe(200);
    expect(await transaction(ack.transactionId)).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('accepts one of two concurrent corrected packages', async () => {
    const { failedId, corrected } = await failedContract(720);
    await approve(failedId);
    // Two different bodies under two keys.
    const answers = await Promise.all([
      send(corrected, { 'idempotency-key': `a-${failedId}` }),
      send(reordered(corrected), { 'idempotency-key': `b-${failedId}` }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const won = (await answers.find((a) => a.status === 202)!.json()) as Acknowledgement;
    expect(await transaction(failedId)).toMatchObject({ supersededBy: won.transactionId });
  });

  it('shows a duplicate document as the duplicate of the reference that holds its ID (F9)', async () => {
    const sample = await kit.sample(730);
    const first = (await (await send(sample.submission)).json()) as Acknowledgement;
    const original = await waitForFinal(kit, first.transactionId);
    expect(original).toMatchObject({ status: 'SUCCEEDED', replay: false });
    expect(original.duplicateOfReference).toBeUndefined();
    const copy = await kit.sample(730, { providerReference: 'HD-COPY-730', signedPdf: sample.pdf });
    const again = (await (await send(copy.submission)).json()) as Acknowledgement;
    expect(await waitForFinal(kit, again.transactionId)).toMatchObject({
      status: 'SUCCEEDED',
      replay: true,
      contractId: original.contractId,
      duplicateOfReference: sample.submission.providerReference,
    });
    const duplicates = (await (
      await kit.api('/v1/transactions?replay=true')
    ).json()) as Schemas['TransactionPage'];
    expect(duplicates.items.map((t) => t.transactionId)).toEqual([again.transactionId]);
  });
});
