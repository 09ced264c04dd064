import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { ServerConfig } from '../../src/config/server-config.js';
import {
  ensureSandboxOperator,
  type SandboxOperatorCredentials,
} from '../../src/operators/sandbox-operator.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { ensureSandboxProvider, type SandboxCredentials } from '../../src/providers/sandbox-provider.js';

export type TestServer = {
  url: string;
  app: FastifyInstance;
  platform: Platform;
  sandbox: SandboxCredentials;
  operator: SandboxOperatorCredentials;
  close(): Promise<void>;
};

/** A real reference server on a random loopback port: in-memory PGlite unless a databaseUrl is given. */
export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  given: Parameters<typeof createPlatform>[1] = {},
): Promise<TestServer> {
  const config: ServerConfig = {
    mode: 'sandbox',
    host: '127.0.0.1',
    port: 0,
    dataDir: undefined,
    publicUrl: 'http://127.0.0.1',
    logLevel: 'warn',
    pipelineConcurrency: 2,
    rateLimitPerMinute: 100_000,
    ...overrides,
  };
  const platform = await createPlatform(config, given);
  const sandbox = await ensureSandboxProvider(platform.storage);
  const operator = await ensureSandboxOperator(platform.storage);
  const app = await buildApp(platform, { logger: false });
  await app.listen({ host: config.host, port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    platform,
    sandbox,
    operator,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}
