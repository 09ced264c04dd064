/**
 * A Ministry operator's daily review (F35-F37): the reconciliation of every provider's transactions
 * over a period, then each pending explanation of failed transactions approved or rejected by the
 * operator's own rule, so the approved ones can be pushed again by their provider.
 */
import type { Explanation, HdldClient, Reconciliation } from '@hdld/sdk';

export type Decision = { decision: 'APPROVED' | 'REJECTED'; reason: string };

export async function review(
  operator: HdldClient,
  period: { from: Date | string; to?: Date | string },
  decide: (explanation: Explanation) => Decision,
): Promise<{ reconciliation: Reconciliation; decided: Explanation[] }> {
  const reconciliation = await operator.reconciliation.get(period);
  const decided: Explanation[] = [];
  for await (const pending of operator.explanations.list({ state: 'PENDING' })) {
    decided.push(await operator.explanations.decide(pending.explanationId, decide(pending)));
  }
  return { reconciliation, decided };
}
