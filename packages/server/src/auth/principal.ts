import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';

/**
 * Who is calling: a provider's application, or a Ministry operator whose data scope is the nation.
 * Roles and scopes will grow (nation, province, zone, employer, self, provider: DOMAIN.md T3, T4,
 * T17); every decision about them is taken in policy.ts, nowhere else.
 */
export type ProviderPrincipal = { kind: 'provider'; providerId: string; clientId: string };
export type OperatorPrincipal = {
  kind: 'operator';
  operatorId: string;
  clientId: string;
  scope: { level: 'nation' };
};
export type Principal = ProviderPrincipal | OperatorPrincipal;

/** The `role` claim of an access token. */
export type Role = Principal['kind'];

/** Who did it, for the "who, when" of every operations step (F36, F37, N8). */
export function actorOf(principal: Principal): string {
  return principal.kind === 'operator' ? principal.operatorId : principal.clientId;
}

/** The principal of an authenticated request; the request guards refused the request when there is none. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ProblemError('UNAUTHENTICATED');
  return request.principal;
}
