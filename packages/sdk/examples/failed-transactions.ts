/**
 * Failed transactions (F35-F37): reconcile a month, explain what failed, and re-push what the
 * Ministry approved. The operator's side (approve or reject) is one call with operator credentials.
 */
import { readFile } from 'node:fs/promises';
import { createHdldClient, HdldConflictError } from '@hdld/sdk';

const client = createHdldClient({
  baseUrl: process.env.HDLD_URL ?? 'http://127.0.0.1:8080',
  credentials: { clientId: 'prov-econtract-demo', privateKey: await readFile('provider-key.pem', 'utf8') },
});

// The Platform's figures for March (by receivedAt, [from, to)): one row, the provider's own.
const report = await client.reconciliation.get({
  from: new Date('2026-03-01T00:00:00+07:00'),
  to: new Date('2026-04-01T00:00:00+07:00'),
});
const { received, succeeded, failed, failuresByCode } = report.totals;
console.log(`${received} received, ${succeeded} succeeded, ${failed} failed`);
for (const { code, count } of failuresByCode) console.log(`  ${code}: ${count}`);

// Explain every failure of the registry kind in one go, with the registry's letter attached.
const awaiting = await client.transactions
  .listAwaitingExplanation({ receivedFrom: '2026-03-01T00:00:00Z' })
  .toArray();
const registry = awaiting.filter((t) => t.errors.some((e) => e.code === 'IDENTITY_MISMATCH'));
if (registry.length > 0) {
  const explanation = await client.explanations.create({
    transactionIds: registry.map((t) => t.transactionId),
    text: "The employees' records were corrected in the National Population Database on 2026-03-03.",
    attachments: [{ path: 'registry-letter.pdf' }],
  });
  console.log(explanation.explanationId, explanation.state); // PENDING until an operator decides
}

// Later: re-push what was approved; a transaction still pending approval is refused.
for await (const transaction of client.transactions.list({ explanationStatus: 'APPROVED' })) {
  try {
    const { queued } = await client.transactions.repush(transaction.transactionId);
    const outcome = await client.waitForResult(transaction.transactionId);
    console.log(
      transaction.providerReference,
      queued ? 'queued' : 'already',
      outcome.status,
      outcome.contractId,
    );
  } catch (error) {
    if (!(error instanceof HdldConflictError)) throw error;
    console.log(transaction.providerReference, error.code); // REPUSH_NOT_APPROVED
  }
}

// The Ministry's side (F37), with operator credentials.
const operator = createHdldClient({
  baseUrl: process.env.HDLD_URL ?? 'http://127.0.0.1:8080',
  credentials: { clientId: 'moha-operator-01', clientSecret: process.env.HDLD_OPERATOR_SECRET ?? '' },
});
for await (const pending of operator.explanations.list({ state: 'PENDING' })) {
  const full = await operator.explanations.get(pending.explanationId); // attachments with their content
  await operator.explanations.decide(full.explanationId, {
    decision: 'APPROVED',
    reason: 'Registry letter checked.',
  });
}
console.log((await client.providers.me()).status);
