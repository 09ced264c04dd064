import type { Schemas } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';

/** Test-environment controls (S2.4); the Platform refuses them outside sandbox mode (SANDBOX_ONLY). */
export function sandboxResource(context: CallContext) {
  const { api } = context;
  return {
    async getClock(options?: RequestOptions): Promise<Schemas['SandboxClock']> {
      return unwrap(context, await api.GET('/v1/sandbox/clock', context.init(options)));
    },

    /** Moves the clock forward (`advanceSeconds`) or sets its offset (`offsetSeconds`; 0 resets it). */
    async advanceClock(
      change: Schemas['SandboxClockChange'],
      options?: RequestOptions,
    ): Promise<Schemas['SandboxClock']> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/sandbox/clock', { body: change, ...context.init(options, key) });
      return unwrap(context, result, key);
    },

    /**
     * Registers test persons in the sandbox's population registry and test enterprises in its
     * business registry (F8 identity check stand-ins); give `identities`, `enterprises` or both.
     */
    async registerIdentities(
      registration: Schemas['SandboxIdentityRegistration'],
      options?: RequestOptions,
    ): Promise<Schemas['SandboxIdentityRegistrationResult']> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/sandbox/identities', {
        body: registration,
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },
  };
}
