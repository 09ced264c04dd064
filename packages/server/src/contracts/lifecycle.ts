import type { ContractState } from '../storage/contracts-repo.js';
import type { LifecycleType } from '../storage/transactions-repo.js';

/**
 * F10 / N5: which lifecycle document may follow which contract state, and the state it leads to.
 * A terminated (then archived) contract takes no further document.
 */
const TRANSITIONS: Record<LifecycleType, { from: readonly ContractState[]; to?: ContractState }> = {
  APPENDIX: { from: ['ACTIVE', 'SUSPENDED'] },
  AMENDMENT: { from: ['ACTIVE', 'SUSPENDED'] },
  SUPPLEMENT: { from: ['ACTIVE', 'SUSPENDED'] },
  SUSPENSION: { from: ['ACTIVE'], to: 'SUSPENDED' },
  RESUMPTION: { from: ['SUSPENDED'], to: 'ACTIVE' },
  TERMINATION: { from: ['ACTIVE', 'SUSPENDED'], to: 'TERMINATED' },
};

/** The state after the document, or undefined when the transition is not allowed. */
export function nextState(current: ContractState, document: LifecycleType): ContractState | undefined {
  const rule = TRANSITIONS[document];
  return rule.from.includes(current) ? (rule.to ?? current) : undefined;
}
