import type { StoredExplanation } from '../storage/explanations-repo.js';
import type { Repositories } from '../storage/repositories.js';
import { explanationApprovedEmail } from './templates/explanation-approved.js';
import { explanationRejectedEmail } from './templates/explanation-rejected.js';

/**
 * F37, T14: queues the e-mail telling the provider how its explanation was decided and whether its
 * transactions may be pushed again. Call it inside the database transaction of the decision.
 */
export async function notifyExplanationDecision(
  repos: Repositories,
  explanation: StoredExplanation,
): Promise<void> {
  if (explanation.state === 'PENDING' || !explanation.decidedAt) return;
  const provider = await repos.providers.findById(explanation.providerId);
  if (!provider) return;
  const facts = {
    providerId: provider.id,
    providerName: provider.name,
    explanationId: explanation.id,
    reason: explanation.decisionReason ?? '',
    decidedAt: explanation.decidedAt,
    transactions: explanation.transactions.map((t) => ({
      transactionId: t.transactionId,
      providerReference: t.providerReference,
    })),
  };
  const approved = explanation.state === 'APPROVED';
  const email = approved ? explanationApprovedEmail(facts) : explanationRejectedEmail(facts);
  await repos.outbox.insert({
    providerId: provider.id,
    channel: 'EMAIL',
    kind: approved ? 'EXPLANATION_APPROVED' : 'EXPLANATION_REJECTED',
    recipient: provider.contactEmail,
    locale: email.locale,
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: email.html,
    dedupeKey: `explanation-decision:${explanation.id}`,
    createdAt: explanation.decidedAt,
  });
}
