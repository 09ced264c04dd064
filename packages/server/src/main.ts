import { ConfigError, EX_CONFIG } from './config/config-error.js';
import { configFromEnv } from './config/server-config.js';
import { settingsHelp } from './config/settings-help.js';
import { describeTrust, trustDirOf } from './config/trust-anchors.js';

/** `hdld-server`: the reference Platform on the embedded defaults unless DATABASE_URL is set. */
async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(settingsHelp());
    return;
  }
  if (args.length > 0) {
    process.stderr.write(
      `hdld-server: unknown argument ${JSON.stringify(args[0])} (settings are environment variables; see --help) / tham số không hợp lệ (xem --help)\n`,
    );
    process.exit(EX_USAGE);
  }
  const config = configFromEnv();
  // Loaded only once the settings parse: `--help` and a bad setting answer without loading the server.
  const [
    { buildApp },
    { describeMailSetup },
    { ensureSandboxOperator },
    { createPlatform },
    { ensureSandboxProvider },
  ] = await Promise.all([
    import('./app.js'),
    import('./notifications/mail-setup.js'),
    import('./operators/sandbox-operator.js'),
    import('./platform.js'),
    import('./providers/sandbox-provider.js'),
  ]);
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
    ...describeTrust(platform.trust, trustDirOf(config)),
  ];
  if (platform.sandboxPki) {
    lines.push(
      `Sandbox test PKI (trusted for ca, tsa and certification): ${config.dataDir}/sandbox-pki.json / Hạ tầng khoá thử nghiệm của sandbox`,
    );
  }
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

/** sysexits.h EX_USAGE. */
const EX_USAGE = 64;

main(process.argv.slice(2)).catch((error: unknown) => {
  // A misconfiguration is one line naming the setting (fail fast), then EX_CONFIG.
  if (error instanceof ConfigError) {
    process.stderr.write(`hdld-server: ${error.message}\n`);
    process.exit(EX_CONFIG);
  }
  process.stderr.write(
    `hdld-server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
