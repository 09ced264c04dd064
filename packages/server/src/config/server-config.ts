import { resolve } from 'node:path';
import type { JWK } from 'jose';
import type { OutboxTiming } from '../notifications/outbox-sender.js';
import { DEFAULT_VIOLATION_THRESHOLDS, type ViolationThresholds } from '../violations/thresholds.js';
import { checkRegistryConfig, DEFAULT_REGISTRY_CONFIG, type RegistryConfig } from './registry-config.js';
import { type Mode, readSetting, SETTINGS } from './settings.js';

export { DEFAULT_PIPELINE_LEASE_MS, type Mode } from './settings.js';

export type ServerConfig = {
  mode: Mode;
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl?: string;
  /** Root of the embedded database, blob store and generated keys; undefined keeps everything in memory. */
  dataDir?: string;
  /** Public base URL, used as token issuer and in receipts' verification links. */
  publicUrl: string;
  /** Private EC P-256 JWK of the Platform signing key; generated into dataDir when absent (sandbox only). */
  platformKey?: JWK;
  /** Public JWKs of former signing keys, still in the JWKS so what they signed verifies. */
  retiredPlatformKeys?: JWK[];
  logLevel: string;
  /** Folder of trust anchors (ca/, tsa/, certification/); default `<dataDir>/trust`. */
  trustDir?: string;
  /** Key of the contract-ID permutation; required in production, kept in dataDir in the sandbox. */
  idSecret?: string;
  /** Concurrent pipeline jobs in this process. */
  pipelineConcurrency: number;
  /**
   * Lease of a claimed pipeline job (HDLD_PIPELINE_LEASE_MS, default DEFAULT_PIPELINE_LEASE_MS): renewed while the job
   * runs, so it bounds only how long a crashed process's jobs wait before another process takes them.
   */
  pipelineLeaseMs?: number;
  /** Requests a minute per provider (per IP before authentication). */
  rateLimitPerMinute: number;
  /** F38 rules (HDLD_VIOLATION_*); DEFAULT_VIOLATION_THRESHOLDS when absent. */
  violationThresholds?: ViolationThresholds;
  /** F39 e-mail server, e.g. smtp://host:587 (HDLD_SMTP_URL); without it e-mails wait in the outbox. */
  smtpUrl?: string;
  /** From header of the Platform's e-mails (HDLD_MAIL_FROM). */
  mailFrom?: string;
  /** Outbox polling, lease and retry backoff (HDLD_OUTBOX_POLL_MS, _LEASE_MS, _RETRY_MS). */
  outbox?: Partial<OutboxTiming>;
  /** F8: the identity registries over HTTP (HDLD_*_REGISTRY_*, HDLD_REGISTRY_*); the local stand-ins when absent. */
  registries?: RegistryConfig;
};

/** Drops the keys whose value is undefined, so defaults spread underneath still apply. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Reads the server's settings, only through the table of `settings.ts` (see docs/configuration.md).
 * A value that does not parse, or a setting production requires, throws a ConfigError naming it;
 * values are never logged.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const mode = readSetting(env, SETTINGS.mode, 'sandbox') ?? 'sandbox';
  const read = <T>(setting: Parameters<typeof readSetting<T>>[1]) => readSetting(env, setting, mode);
  const host = read(SETTINGS.host) ?? '127.0.0.1';
  const port = read(SETTINGS.port) ?? 8080;
  const trustDir = read(SETTINGS.trustDir);
  return {
    mode,
    host,
    port,
    databaseUrl: read(SETTINGS.databaseUrl),
    dataDir: resolve(read(SETTINGS.dataDir) ?? 'data'),
    publicUrl: read(SETTINGS.publicUrl) ?? `http://${host}:${port}`,
    platformKey: read(SETTINGS.platformKey),
    retiredPlatformKeys: read(SETTINGS.retiredPlatformKeys),
    logLevel: read(SETTINGS.logLevel) ?? 'info',
    trustDir: trustDir ? resolve(trustDir) : undefined,
    idSecret: read(SETTINGS.idSecret),
    pipelineConcurrency: read(SETTINGS.pipelineConcurrency) ?? 4,
    pipelineLeaseMs: read(SETTINGS.pipelineLeaseMs),
    rateLimitPerMinute: read(SETTINGS.rateLimitPerMinute) ?? 60_000,
    violationThresholds: {
      ...DEFAULT_VIOLATION_THRESHOLDS,
      ...defined({
        failureRatePercent: read(SETTINGS.violationFailureRatePercent),
        minimumVolume: read(SETTINGS.violationMinVolume),
        unexplainedAfterDays: read(SETTINGS.violationUnexplainedDays),
        lateSubmissions: read(SETTINGS.violationLateSubmissions),
      }),
    },
    smtpUrl: read(SETTINGS.smtpUrl),
    mailFrom: read(SETTINGS.mailFrom),
    outbox: defined({
      pollIntervalMs: read(SETTINGS.outboxPollMs),
      leaseMs: read(SETTINGS.outboxLeaseMs),
      retryBaseMs: read(SETTINGS.outboxRetryMs),
    }),
    registries: checkRegistryConfig(
      {
        ...DEFAULT_REGISTRY_CONFIG,
        ...defined({
          populationUrl: read(SETTINGS.populationRegistryUrl)?.replace(/\/+$/, ''),
          populationPassports: read(SETTINGS.populationRegistryPassports),
          businessUrl: read(SETTINGS.businessRegistryUrl)?.replace(/\/+$/, ''),
          timeoutMs: read(SETTINGS.registryTimeoutMs),
          retries: read(SETTINGS.registryRetries),
          breakerThreshold: read(SETTINGS.registryBreakerThreshold),
          breakerCooldownMs: read(SETTINGS.registryBreakerCooldownMs),
        }),
        tls: defined({
          certFile: read(SETTINGS.registryTlsCert),
          keyFile: read(SETTINGS.registryTlsKey),
          caFile: read(SETTINGS.registryTlsCa),
        }),
      },
      mode,
    ),
  };
}
