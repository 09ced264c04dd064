import { createHdldClient } from '@hdld/sdk';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestPki, createTestTsa } from '@hdld/sdk/testing';
import { type StartedSandbox, startSandbox } from '@hdld/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../src/review.js';

/** Issue 13: the operator's review against a sandbox in this process (F35-F37). */
describe('examples/operator-script', () => {
  let sandbox: StartedSandbox;
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  beforeAll(async () => {
    pki = await createTestPki();
    const root = [pki.root.certificate];
    sandbox = await startSandbox({ trust: { ca: root, tsa: root, certification: root } });
  });
  afterAll(async () => sandbox?.close());

  it('reconciles the period and approves the explanation, so the provider re-pushes and gets its ID', async () => {
    const provider = createHdldClient({ baseUrl: sandbox.url, credentials: sandbox.provider });
    const operator = createHdldClient({ baseUrl: sandbox.url, credentials: sandbox.operator });
    const from = sandbox.platform.now();
    const tsa = createTestTsa({
      certificate: pki.tsa.certificate,
      intermediates: [pki.intermediate.certificate],
      key: pki.tsa.privateKey,
    });
    const sample = await createSampleSubmission({ pki, tsa, fonts: await loadContractFonts(), seed: 11 });
    // The registry knows the employee under another name: the contract fails IDENTITY_MISMATCH.
    await sandbox.platform.identity.register([{ ...sample.identity, fullName: 'Trần Thị Khác' }]);
    const ack = await provider.submissions.submitContract(sample.submission);
    const failed = await provider.waitForResult(ack.transactionId, { timeoutMs: 60_000 });
    expect(failed).toMatchObject({ status: 'FAILED', explanationStatus: 'AWAITING_EXPLANATION' });
    await provider.explanations.create({
      transactionIds: ack.transactionId,
      text: "The employee's name was misspelt in the population registry; corrected since.",
    });
    await sandbox.platform.identity.register([sample.identity]);

    const { reconciliation, decided } = await review(operator, { from }, (explanation) =>
      explanation.text.includes('corrected')
        ? { decision: 'APPROVED', reason: 'Registry record corrected.' }
        : { decision: 'REJECTED', reason: 'No correction shown.' },
    );
    expect(reconciliation.totals).toMatchObject({ received: 1, failed: 1 });
    expect(decided.map((e) => e.state)).toEqual(['APPROVED']);

    await provider.transactions.repush(ack.transactionId);
    const final = await provider.waitForResult(ack.transactionId, { timeoutMs: 60_000 });
    expect(final).toMatchObject({ status: 'SUCCEEDED', explanationStatus: 'REPUSHED' });
  });
});
