import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxKit, startSandboxKit } from '../../../server/test/support/sandbox-kit.js';
import { type HdldClient, HdldConflictError } from '../../src/index.js';
import { sandboxClients } from './support/sandbox-clients.js';

let kit: SandboxKit;
let provider: HdldClient;
let operator: HdldClient;

beforeAll(async () => {
  kit = await startSandboxKit();
  ({ provider, operator } = sandboxClients(kit));
});
afterAll(() => kit?.close());

const poll = { minIntervalMs: 50, maxIntervalMs: 200 };

describe('failed transactions, explanations, re-push and reconciliation against the reference server', () => {
  it('explains a failed contract, is approved by an operator, re-pushes it and gets its ID (F35-F37)', async () => {
    const start = kit.server.platform.now();
    const sample = await kit.sample(700);
    // The population registry holds another name: IDENTITY_MISMATCH until the record is corrected.
    await kit.server.platform.identity.register([{ ...sample.identity, fullName: 'Trần Thị Khác' }]);
    const ack = await provider.submissions.submitContract(sample.submission);
    const failed = await provider.waitForResult(ack.transactionId, poll);
    expect(failed).toMatchObject({ status: 'FAILED', explanationStatus: 'AWAITING_EXPLANATION' });
    expect(failed.errors.map((e) => e.code)).toContain('IDENTITY_MISMATCH');

    const awaiting = await provider.transactions.listAwaitingExplanation({ limit: 1 }).toArray();
    expect(awaiting.map((t) => t.transactionId)).toEqual([ack.transactionId]);
    const early = await provider.transactions.repush(ack.transactionId).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(HdldConflictError);
    expect(early).toMatchObject({ code: 'REPUSH_NOT_APPROVED' });

    const note = new TextEncoder().encode('Registry record corrected on 2026-03-03.');
    const explanation = await provider.explanations.create({
      transactionIds: ack.transactionId,
      text: "The employee's name was misspelt in the population registry; corrected since.",
      attachments: [{ bytes: note, fileName: 'registry.txt' }],
    });
    expect(explanation).toMatchObject({ state: 'PENDING', attachments: [{ size: note.length }] });
    const queue = await operator.explanations.list({ state: 'PENDING' }).toArray();
    expect(queue.map((e) => e.explanationId)).toContain(explanation.explanationId);
    const mine = await provider.explanations.list({ transactionId: ack.transactionId }).toArray();
    expect(mine.map((e) => e.explanationId)).toEqual([explanation.explanationId]);

    await kit.server.platform.identity.register([sample.identity]);
    const approved = await operator.explanations.decide(explanation.explanationId, {
      decision: 'APPROVED',
      reason: 'Registry record corrected.',
    });
    expect(approved).toMatchObject({ state: 'APPROVED', decidedBy: kit.server.operator.operatorId });

    const pushed = await provider.transactions.repush(ack.transactionId);
    expect(pushed).toMatchObject({ queued: true, transaction: { explanationStatus: 'REPUSHED' } });
    const final = await provider.waitForResult(ack.transactionId, poll);
    expect(final).toMatchObject({ status: 'SUCCEEDED', explanationStatus: 'REPUSHED' });
    expect((await provider.verifyReceipt(final)).outcome).toBe('ISSUED');
    expect(await provider.transactions.repush(ack.transactionId)).toMatchObject({ queued: false });
    const history = await provider.explanations.get(explanation.explanationId);
    expect(history.transactions[0]).toMatchObject({ repushedBy: kit.server.sandbox.clientId });
    expect(history.attachments[0]?.contentBase64).toBe(Buffer.from(note).toString('base64'));

    const report = await provider.reconciliation.get({ from: start });
    expect(report.providers.map((p) => p.providerId)).toEqual([kit.server.sandbox.providerId]);
    expect(report.totals).toMatchObject({ received: 1, succeeded: 1, failed: 0, failuresByCode: [] });
  });

  it('reads its own profile; operators list the registry (N8)', async () => {
    const me = await provider.providers.me();
    expect(me).toMatchObject({ providerId: kit.server.sandbox.providerId, status: 'ACTIVE' });
    const registry = await operator.providers.list();
    expect(registry.map((p) => p.providerId)).toContain(kit.server.sandbox.providerId);
    await expect(operator.providers.me()).rejects.toThrow(/provider credentials/);
  });
});
