import { createServer } from 'node:net';
import type { TrustAnchorConfig } from '@hdld/sdk/documents';
import { buildApp, configFromEnv, createPlatform, ensureSandboxProvider, type Platform } from '@hdld/server';

export type SandboxServer = {
  url: string;
  platform: Platform;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

/** A free loopback port, so the Platform knows its public URL (token issuer, receipts) before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The reference Platform in this process (S2.4 test environment): PGlite and blobs under `dataDir`,
 * trusting the demo PKI, with the sandbox provider seeded.
 */
export async function startSandboxServer(dataDir: string, trust: TrustAnchorConfig): Promise<SandboxServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server's own defaults, not this process's HDLD_* variables (those configure the client).
  const platform = await createPlatform(
    {
      ...configFromEnv({}),
      mode: 'sandbox',
      host: '127.0.0.1',
      port,
      dataDir,
      publicUrl: url,
      logLevel: 'warn',
      pipelineConcurrency: 4,
    },
    { trust },
  );
  const sandbox = await ensureSandboxProvider(platform.storage, dataDir);
  const app = await buildApp(platform, { logger: false });
  await app.listen({ host: '127.0.0.1', port });
  return {
    url,
    platform,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    async close() {
      await app.close();
      await platform.close();
    },
  };
}
