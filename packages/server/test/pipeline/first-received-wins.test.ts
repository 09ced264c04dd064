import { describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { waitForFinal } from '../support/sandbox-kit.js';
import { useHeldPipeline } from '../support/test-pipeline.js';

/**
 * F9, N3: one ID per contract document, and the transaction received first gets it. Two transactions
 * with the same document in flight at once are taken one after the other, in the order received: the
 * later one waits (its job is not claimed) until the earlier one is final, then is the replay, or gets
 * the ID when the earlier one failed.
 */
describe.each(engines)('the same document twice in flight, on %s', (engine) => {
  const held = useHeldPipeline(engine);

  const submit = async (body: unknown, status = 202): Promise<string> => {
    const response = await held.kit.api('/v1/contracts', { body });
    expect(response.status).toBe(status);
    return ((await response.json()) as { transactionId: string }).transactionId;
  };
  const statusOf = async (transactionId: string) =>
    (await held.kit.server.platform.storage.transactions.findById(transactionId))?.status;
  /** Both were received while no pipeline ran; it starts now, and the first one's checks are slow (held). */
  const runWithFirstHeld = async (first: string, second: string) => {
    const hold = held.registry.holdNext();
    held.start();
    try {
      await hold.entered;
      expect(await statusOf(first)).toBe('PROCESSING');
      // Claims go on (every 10 ms) while the first is held: the second must not be taken meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await statusOf(second)).toBe('RECEIVED');
    } finally {
      hold.release();
    }
    const outcomes = [await waitForFinal(held.kit, first), await waitForFinal(held.kit, second)] as const;
    await held.stop();
    return outcomes;
  };

  it('gives the ID to the first received; the later one, and the same package again, are the replay', async () => {
    const original = await held.kit.sample(61);
    const copy = await held.kit.sample(61, { providerReference: 'HD-COPY-61', signedPdf: original.pdf });
    const first = await submit(original.submission);
    const second = await submit(copy.submission);
    // The same package again is a retry: answered with the first acknowledgement, no third transaction.
    expect(await submit(original.submission, 200)).toBe(first);

    const [issued, replayed] = await runWithFirstHeld(first, second);
    expect(issued).toMatchObject({ status: 'SUCCEEDED', replay: false });
    expect(issued.contractId).toEqual(expect.any(String));
    expect(replayed).toMatchObject({ status: 'SUCCEEDED', replay: true, contractId: issued.contractId });
    const contracts = await held.kit.server.platform.storage.db.query(
      'SELECT id FROM contracts WHERE source_transaction_id IN ($1, $2)',
      [first, second],
    );
    expect(contracts.rows).toHaveLength(1);
  });

  it('gives the ID to the later one when the earlier one fails its checks', async () => {
    const valid = await held.kit.sample(62);
    // The same signed document, sent with main data that differs from the data embedded in it.
    const copy = await held.kit.sample(62, { providerReference: 'HD-FORGED-62', signedPdf: valid.pdf });
    const pay = { ...copy.mainData.pay, salary: copy.mainData.pay.salary + 1 };
    const forged = { ...copy.submission, mainData: { ...copy.mainData, pay } };
    const first = await submit(forged);
    const second = await submit(valid.submission);

    const [failed, issued] = await runWithFirstHeld(first, second);
    expect(failed).toMatchObject({ status: 'FAILED', failureClass: 'BUSINESS' });
    expect((failed.errors as { code: string }[])[0]?.code).toBe('MAIN_DATA_MISMATCH');
    expect(issued).toMatchObject({ status: 'SUCCEEDED', replay: false });
    expect(issued.contractId).toEqual(expect.any(String));
  });
});
