import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';

/**
 * The one authorisation module (non-negotiable 7). Handlers ask "may this principal do X to this
 * resource?" and never compare provider ids themselves. Reads of another provider's data answer
 * 404, not 403, so that ids of other providers' transactions and contracts cannot be probed.
 */
export type Action =
  | 'transaction.read'
  | 'transaction.submit'
  | 'contract.read'
  | 'contract.submitLifecycle'
  | 'document.read'
  | 'sandbox.manage';

export type Resource = { providerId: string } | undefined;

const NOT_FOUND_CODE = {
  'transaction.read': 'TRANSACTION_NOT_FOUND',
  'contract.read': 'CONTRACT_NOT_FOUND',
  'contract.submitLifecycle': 'CONTRACT_NOT_FOUND',
  'document.read': 'DOCUMENT_NOT_FOUND',
} as const;

export function isAllowed(principal: Principal, action: Action, resource?: Resource): boolean {
  if (principal.kind === 'operator') return true;
  switch (action) {
    case 'transaction.submit':
    case 'sandbox.manage':
      return true;
    default:
      return resource !== undefined && resource.providerId === principal.providerId;
  }
}

/** Throws the problem the caller may see when the action is not allowed. */
export function authorize(principal: Principal, action: Action, resource?: Resource): void {
  if (isAllowed(principal, action, resource)) return;
  const notFound = NOT_FOUND_CODE[action as keyof typeof NOT_FOUND_CODE];
  throw new ProblemError(notFound ?? 'FORBIDDEN');
}

/** Narrows list queries to what the principal may see; undefined means every provider. */
export function visibleProviderId(principal: Principal): string | undefined {
  return principal.kind === 'provider' ? principal.providerId : undefined;
}
