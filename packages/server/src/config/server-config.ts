import { resolve } from 'node:path';
import { type OutboxTiming, outboxTimingFromEnv } from '../notifications/outbox-sender.js';
import { type ViolationThresholds, violationThresholdsFromEnv } from '../violations/thresholds.js';

/** Where the Platform runs: `sandbox` (providers' test environment, S2.4) or `production`. */
export type Mode = 'sandbox' | 'production';

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
  /** Private JWK (JSON) of the Platform signing key; generated into dataDir when absent. */
  platformKeyJwk?: string;
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
};

/** A crashed process's pipeline jobs are taken over after at most this long. */
export const DEFAULT_PIPELINE_LEASE_MS = 60_000;
/** Below this, lease renewals (every third of it) would be mostly overhead. */
const MIN_PIPELINE_LEASE_MS = 1000;

function pipelineLeaseMs(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_PIPELINE_LEASE_MS) {
    throw new Error(
      `HDLD_PIPELINE_LEASE_MS must be an integer of at least ${MIN_PIPELINE_LEASE_MS} (milliseconds)`,
    );
  }
  return n;
}

function port(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Invalid port: ${value}`);
  return n;
}

/** Reads HDLD_* variables (and DATABASE_URL); never logs their values. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const mode = env.HDLD_MODE ?? 'sandbox';
  if (mode !== 'sandbox' && mode !== 'production') throw new Error('HDLD_MODE must be sandbox or production');
  if (mode === 'production' && !env.HDLD_ID_SECRET)
    throw new Error('HDLD_ID_SECRET is required in production');
  const host = env.HDLD_HOST ?? '127.0.0.1';
  const listenPort = port(env.PORT ?? env.HDLD_PORT, 8080);
  return {
    mode,
    host,
    port: listenPort,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HDLD_DATA_DIR ?? 'data'),
    publicUrl: env.HDLD_PUBLIC_URL ?? `http://${host}:${listenPort}`,
    platformKeyJwk: env.HDLD_PLATFORM_KEY || undefined,
    logLevel: env.HDLD_LOG_LEVEL ?? 'info',
    trustDir: env.HDLD_TRUST_DIR ? resolve(env.HDLD_TRUST_DIR) : undefined,
    idSecret: env.HDLD_ID_SECRET || undefined,
    pipelineConcurrency: Number(env.HDLD_PIPELINE_CONCURRENCY ?? 4),
    pipelineLeaseMs: pipelineLeaseMs(env.HDLD_PIPELINE_LEASE_MS),
    rateLimitPerMinute: Number(env.HDLD_RATE_LIMIT_PER_MINUTE ?? 60_000),
    violationThresholds: violationThresholdsFromEnv(env),
    smtpUrl: env.HDLD_SMTP_URL || undefined,
    mailFrom: env.HDLD_MAIL_FROM || undefined,
    outbox: outboxTimingFromEnv(env),
  };
}
