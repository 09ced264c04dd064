import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import { providerView } from '../providers/provider-view.js';
import { authorizeAction, dataScope } from './policy.js';
import { principalOf } from './principal.js';

/**
 * T3, T4, T17: who the bearer token belongs to, with a provider's own profile and status history
 * (N8, S2.3) as `getProvider` gives it.
 */
export function callerHandlers(platform: Platform) {
  return {
    async getCaller(request: FastifyRequest): Promise<Schemas['Caller']> {
      const principal = principalOf(request);
      authorizeAction(principal, 'caller.read');
      const common = { role: principal.kind, scope: dataScope(principal), clientId: principal.clientId };
      if (principal.kind === 'operator') {
        return { kind: 'operator', ...common, operatorId: principal.operatorId };
      }
      const provider = await platform.storage.providers.findById(principal.providerId);
      // As authentication answers a token of a provider the registry does not hold.
      if (!provider) throw new ProblemError('TOKEN_INVALID');
      const history = await platform.storage.providerStatusHistory.list(principal.providerId);
      return {
        kind: 'provider',
        ...common,
        providerId: principal.providerId,
        provider: providerView(provider, history),
      };
    },
  };
}
