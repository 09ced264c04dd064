import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustAnchorConfig } from '@hdld/sdk/documents';
import { buildApp } from '../app.js';
import { configFromEnv, type ServerConfig } from '../config/server-config.js';
import { ensureSandboxOperator, type SandboxOperatorCredentials } from '../operators/sandbox-operator.js';
import { createPlatform, type Platform } from '../platform.js';
import { ensureSandboxProvider, type SandboxCredentials } from '../providers/sandbox-provider.js';

export type StartedSandbox = {
  url: string;
  platform: Platform;
  provider: SandboxCredentials;
  operator: SandboxOperatorCredentials;
  close(): Promise<void>;
};

/**
 * A sandbox (the S2.4 test environment) in this process on a free loopback port, with its data in a
 * fresh temporary folder removed on close: what the examples' tests run against.
 */
export async function startSandbox(
  options: { trust?: TrustAnchorConfig; config?: Partial<ServerConfig> } = {},
): Promise<StartedSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hdld-sandbox-'));
  // The server's own defaults, not this process's HDLD_* variables.
  const platform = await createPlatform(
    {
      ...configFromEnv({}),
      mode: 'sandbox',
      port: 0,
      dataDir,
      publicUrl: 'http://127.0.0.1',
      logLevel: 'warn',
      ...options.config,
    },
    options.trust ? { trust: options.trust } : {},
  );
  const provider = await ensureSandboxProvider(platform.storage, dataDir);
  const operator = await ensureSandboxOperator(platform.storage, dataDir);
  const app = await buildApp(platform, { logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    platform,
    provider,
    operator,
    async close() {
      await app.close();
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
