import type { Schemas } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../auth/policy.js';
import { principalOf } from '../auth/principal.js';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';

function sandboxOnly(platform: Platform, request: FastifyRequest): void {
  authorize(principalOf(request), 'sandbox.manage');
  if (platform.config.mode !== 'sandbox') throw new ProblemError('SANDBOX_ONLY');
}

/** S2.4 test environment: operations that exist only in sandbox mode. */
export function sandboxHandlers(platform: Platform) {
  const clockView = (): Schemas['SandboxClock'] => ({
    now: platform.clock.now().toISOString(),
    offsetSeconds: Math.round(platform.clock.offsetMs() / 1000),
  });
  return {
    async getSandboxClock(request: FastifyRequest) {
      sandboxOnly(platform, request);
      await platform.clock.refresh();
      return clockView();
    },
    /** F8 stand-ins: test persons for the local population registry, test enterprises for the business one. */
    async registerSandboxIdentities(
      request: FastifyRequest<{ Body: Schemas['SandboxIdentityRegistration'] }>,
    ) {
      sandboxOnly(platform, request);
      const { identities = [], enterprises = [] } = request.body;
      const persons = await platform.identity.register(identities);
      return { registered: persons + (await platform.identity.registerEnterprises(enterprises)) };
    },
    async advanceSandboxClock(request: FastifyRequest<{ Body: Schemas['SandboxClockChange'] }>) {
      sandboxOnly(platform, request);
      await platform.clock.refresh();
      const body = request.body as { advanceSeconds?: number; offsetSeconds?: number };
      const offset =
        body.offsetSeconds !== undefined
          ? body.offsetSeconds * 1000
          : platform.clock.offsetMs() + (body.advanceSeconds ?? 0) * 1000;
      await platform.clock.setOffsetMs(offset);
      return clockView();
    },
  };
}
