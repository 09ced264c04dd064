import type { Schemas } from '@hdld/spec';
import { ProblemError } from '../http/problem.js';
import { notifyExplanationDecision } from '../notifications/notify-explanation-decision.js';
import type { StoredExplanation } from '../storage/explanations-repo.js';
import type { Storage } from '../storage/index.js';

/**
 * An explanation already decided: the same decision again is answered as it stands (a retried
 * request), the opposite one is refused, since a decision is final (F37).
 */
function alreadyDecided(explanation: StoredExplanation, decision: Schemas['ExplanationDecision']) {
  if (explanation.state === decision.decision) return explanation;
  throw new ProblemError('EXPLANATION_ALREADY_DECIDED', {
    detail: {
      en: `The explanation was ${explanation.state} on ${explanation.decidedAt?.toISOString()}; it cannot be ${decision.decision} now.`,
      vi: `Giải trình đã được xử lý (${explanation.state}) lúc ${explanation.decidedAt?.toISOString()}; không thể chuyển sang ${decision.decision}.`,
    },
  });
}

/**
 * F37: an operator approves or rejects a pending explanation. In one database transaction the
 * decision is recorded (once: a concurrent decision loses) with the operator and the time, and its
 * transactions become APPROVED (may be pushed again) or REJECTED (may be explained again), and the
 * e-mail telling the provider is queued (T14).
 */
export async function decideExplanation(
  storage: Storage,
  explanation: StoredExplanation,
  decision: Schemas['ExplanationDecision'],
  by: { operatorId: string; now: Date },
): Promise<StoredExplanation> {
  if (explanation.state !== 'PENDING') return alreadyDecided(explanation, decision);
  return storage.transaction(async (repos) => {
    const decided = await repos.explanations.decide(explanation.id, {
      state: decision.decision,
      reason: decision.reason,
      decidedBy: by.operatorId,
      decidedAt: by.now,
    });
    const current = await repos.explanations.findById(explanation.id);
    if (!current) throw new ProblemError('EXPLANATION_NOT_FOUND');
    if (!decided) return alreadyDecided(current, decision);
    await repos.transactions.moveExplanationStatus(
      current.transactions.map((t) => t.transactionId),
      ['PENDING_APPROVAL'],
      decision.decision,
    );
    await notifyExplanationDecision(repos, current);
    return current;
  });
}
