import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';

/**
 * The one authorisation module (non-negotiable 7). Handlers ask "may this principal do X to this
 * resource?" and never compare provider ids themselves. Reads of another provider's data answer
 * 404, not 403, so that ids of other providers' transactions and contracts cannot be probed.
 */
export type Action =
  | 'caller.read'
  | 'transaction.read'
  | 'transaction.submit'
  | 'transaction.repush'
  | 'contract.read'
  | 'contract.submitLifecycle'
  | 'document.read'
  | 'sandbox.manage'
  | 'reconciliation.read'
  | 'explanation.submit'
  | 'explanation.read'
  | 'explanation.decide'
  | 'provider.list'
  | 'provider.read'
  | 'provider.manage'
  | 'provider.rotateWebhookSecret'
  | 'notification.read'
  | 'providerReport.submit'
  | 'providerReport.read'
  | 'violationReport.read'
  | 'violationReport.generate'
  | 'violationReport.act';

export type Resource = { providerId: string } | undefined;

/**
 * Who may act. Providers: `own` resources only, `any` (no resource: their own submissions), or
 * `none`. Operators (Ministry staff, nation scope, DOMAIN.md T4) read and decide everything but
 * never act as a provider: they do not submit, explain or re-push.
 */
const RULES: Record<Action, { provider: 'own' | 'any' | 'none'; operator: boolean }> = {
  // T3, T4, T17: anyone authenticated may ask who it is (its own identity is no one else's resource).
  'caller.read': { provider: 'any', operator: true },
  'transaction.read': { provider: 'own', operator: true },
  'transaction.submit': { provider: 'any', operator: false },
  'transaction.repush': { provider: 'own', operator: false },
  'contract.read': { provider: 'own', operator: true },
  'contract.submitLifecycle': { provider: 'own', operator: false },
  'document.read': { provider: 'own', operator: true },
  'sandbox.manage': { provider: 'any', operator: true },
  'reconciliation.read': { provider: 'own', operator: true },
  'explanation.submit': { provider: 'own', operator: false },
  'explanation.read': { provider: 'own', operator: true },
  'explanation.decide': { provider: 'none', operator: true },
  'provider.list': { provider: 'none', operator: true },
  'provider.read': { provider: 'own', operator: true },
  'provider.manage': { provider: 'none', operator: true },
  // F4: the secret is shown once to whoever makes it; a provider may replace its own (e.g. after a leak).
  'provider.rotateWebhookSecret': { provider: 'own', operator: true },
  // F4, F39, T14: a provider reads the notices sent to it; operators read all of them.
  'notification.read': { provider: 'own', operator: true },
  // F33: a provider reports on itself only; the Ministry reads every report.
  'providerReport.submit': { provider: 'any', operator: false },
  'providerReport.read': { provider: 'own', operator: true },
  // F38: a violations report is read line by line (visibleLines); only operators make it and act on it.
  'violationReport.read': { provider: 'own', operator: true },
  'violationReport.generate': { provider: 'none', operator: true },
  'violationReport.act': { provider: 'none', operator: true },
};

/** What a provider that is not the owner gets instead of 403: the resource does not exist for it. */
const NOT_FOUND_CODE = {
  'transaction.read': 'TRANSACTION_NOT_FOUND',
  'transaction.repush': 'TRANSACTION_NOT_FOUND',
  'explanation.submit': 'TRANSACTION_NOT_FOUND',
  'contract.read': 'CONTRACT_NOT_FOUND',
  'contract.submitLifecycle': 'CONTRACT_NOT_FOUND',
  'document.read': 'DOCUMENT_NOT_FOUND',
  'explanation.read': 'EXPLANATION_NOT_FOUND',
  'provider.read': 'PROVIDER_NOT_FOUND',
  'provider.rotateWebhookSecret': 'PROVIDER_NOT_FOUND',
  'providerReport.read': 'PROVIDER_REPORT_NOT_FOUND',
} as const;

export function isAllowed(principal: Principal, action: Action, resource?: Resource): boolean {
  const rule = RULES[action];
  if (principal.kind === 'operator') return rule.operator;
  if (rule.provider === 'any') return true;
  if (rule.provider === 'none') return false;
  return resource !== undefined && resource.providerId === principal.providerId;
}

/** Throws the problem the caller may see when the action is not allowed. */
export function authorize(principal: Principal, action: Action, resource?: Resource): void {
  if (isAllowed(principal, action, resource)) return;
  const notFound = NOT_FOUND_CODE[action as keyof typeof NOT_FOUND_CODE];
  const ownRule = principal.kind === 'provider' && RULES[action].provider === 'own';
  throw new ProblemError(ownRule && notFound ? notFound : 'FORBIDDEN');
}

/**
 * "May this principal do X at all?", asked before any resource is looked up, so that a principal
 * who may never do it gets FORBIDDEN rather than a not-found that depends on what exists.
 */
export function authorizeAction(principal: Principal, action: Action): void {
  const rule = RULES[action];
  const allowed = principal.kind === 'operator' ? rule.operator : rule.provider !== 'none';
  if (!allowed) throw new ProblemError('FORBIDDEN');
}

/** The data a principal may read (T4, T17): a provider its own, an operator the nation's. */
export function dataScope(principal: Principal): 'provider' | 'nation' {
  return principal.kind === 'operator' ? principal.scope.level : 'provider';
}

/**
 * Narrows list queries to what the principal may see: a provider always itself, whatever it asks
 * for; an operator the provider it asks for, or every provider (undefined).
 */
export function visibleProviderId(principal: Principal, requested?: string): string | undefined {
  return principal.kind === 'provider' ? principal.providerId : requested;
}

/**
 * The lines of a many-provider report (F33 tracking, F38 violations) the principal may read: an
 * operator every line (or those of the provider it asks for), a provider its own only.
 */
export function visibleLines<T extends { providerId: string }>(
  principal: Principal,
  action: Action,
  lines: T[],
  requested?: string,
): T[] {
  const providerId = visibleProviderId(principal, requested);
  return lines.filter(
    (line) =>
      (providerId === undefined || line.providerId === providerId) && isAllowed(principal, action, line),
  );
}
