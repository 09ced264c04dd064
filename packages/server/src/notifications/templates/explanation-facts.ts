/** What every explanation-decision notice says (F36, F37). */
export type ExplanationDecisionFacts = {
  providerId: string;
  providerName: string;
  explanationId: string;
  /** The operator's reason for the decision. */
  reason: string;
  decidedAt: Date;
  transactions: { transactionId: string; providerReference: string }[];
};

/** One line per transaction: the Platform's id and the provider's own reference. */
export function transactionLines(facts: ExplanationDecisionFacts): string {
  return facts.transactions.map((t) => `${t.transactionId} (${t.providerReference})`).join(', ');
}
