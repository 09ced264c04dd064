import { buildApp } from './app.js';
import { configFromEnv } from './config/server-config.js';
import { describeMailSetup } from './notifications/mail-setup.js';
import { ensureSandboxOperator } from './operators/sandbox-operator.js';
import { createPlatform } from './platform.js';
import { ensureSandboxProvider } from './providers/sandbox-provider.js';

/** `hdld-server`: the reference Platform on the embedded defaults unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const platform = await createPlatform(config);
  const sandbox =
    config.mode === 'sandbox' ? await ensureSandboxProvider(platform.storage, config.dataDir) : undefined;
  const operator =
    config.mode === 'sandbox' ? await ensureSandboxOperator(platform.storage, config.dataDir) : undefined;
  const app = await buildApp(platform);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const address = await app.listen({ host: config.host, port: config.port });
  const storage = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  const lines = [
    `hdld reference Platform (${config.mode}) listening on ${address}, storage: ${storage}`,
    describeMailSetup(config),
  ];
  if (sandbox) {
    // The secret itself is never printed: it stays in the 0600 file.
    const file = `${config.dataDir}/sandbox-provider.json`;
    lines.push(
      `Sandbox provider "${sandbox.clientId}": its secret and private key are in ${file}`,
      `  export HDLD_BASE_URL=${address} HDLD_CLIENT_ID=${sandbox.clientId}`,
      `  export HDLD_CLIENT_SECRET="$(node -p "require('${file}').clientSecret")"`,
      '  hdld status <transaction-id>',
    );
  }
  if (operator) {
    lines.push(
      `Sandbox Ministry operator "${operator.clientId}": its secret is in ${config.dataDir}/sandbox-operator.json`,
    );
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `hdld-server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
