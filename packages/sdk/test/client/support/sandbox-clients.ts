import type { SandboxKit } from '../../../../server/test/support/sandbox-kit.js';
import { createHdldClient, type HdldClient } from '../../../src/index.js';

/** SDK clients for the sandbox provider and the sandbox operator of a running reference server. */
export function sandboxClients(kit: SandboxKit): { provider: HdldClient; operator: HdldClient } {
  const { server } = kit;
  return {
    provider: createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.sandbox.clientId, clientSecret: server.sandbox.clientSecret },
    }),
    operator: createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.operator.clientId, clientSecret: server.operator.clientSecret },
    }),
  };
}
