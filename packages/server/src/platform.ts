import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAnchors, type VerifyOptions } from '@hdld/sdk/documents';
import { pino } from 'pino';
import { type AccessTokens, createAccessTokens } from './auth/access-tokens.js';
import { loadPlatformKeys, type PlatformKeys } from './auth/platform-keys.js';
import {
  connectionOf,
  createProviderStatusCache,
  type ProviderStatusCache,
} from './auth/provider-status-cache.js';
import { type BlobStore, createFsBlobStore } from './blobs/index.js';
import { createPlatformClock, type PlatformClock } from './clock/platform-clock.js';
import { DEFAULT_REGISTRY_CONFIG } from './config/registry-config.js';
import { checkSecretFingerprint } from './config/secret-fingerprint.js';
import { persistentSecret } from './config/secrets.js';
import { DEFAULT_PIPELINE_LEASE_MS, type ServerConfig } from './config/server-config.js';
import { loadTrustDirectory, trustDirOf } from './config/trust-anchors.js';
import { configuredRegistries } from './identity/configured-registries.js';
import type { IdentityRegistries } from './identity/identity-registry.js';
import {
  createLocalIdentityRegistries,
  type LocalIdentityRegistries,
} from './identity/local-identity-registry.js';
import { type Notifications, startNotifications } from './notifications/start-notifications.js';
import { createMetrics, type PlatformMetrics } from './observability/metrics.js';
import { type PipelineRunner, startPipeline } from './pipeline/pipeline-runner.js';
import { loadOrCreateSandboxPki, type SandboxPki, sandboxTrust } from './sandbox/sandbox-pki.js';
import { seedSandboxRegistries } from './sandbox/seed-sandbox-registries.js';
import { createStorage, type Storage } from './storage/index.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from './violations/thresholds.js';
import { startViolationScheduler, type ViolationScheduler } from './violations/violation-scheduler.js';
import { createSecretBox, type SecretBox } from './webhooks/secret-box.js';

/**
 * Everything a request handler may use, assembled once at start (one typed object keeps the
 * dependencies visible, where Fastify's `decorate` would scatter them).
 */
export type Platform = {
  config: ServerConfig;
  storage: Storage;
  blobs: BlobStore;
  keys: PlatformKeys;
  tokens: AccessTokens;
  /** Connection status of providers, read by every authenticated call (N8). */
  providerStatus: ProviderStatusCache;
  trust: VerifyOptions['trust'];
  /** S2.4: the sandbox's own test PKI (trusted for every kind); absent in production and with `trust` given. */
  sandboxPki?: SandboxPki;
  /** The local stand-in registries (the sandbox's; `registerSandboxIdentities` writes to them). */
  identity: LocalIdentityRegistries;
  /** What the F8 identity check asks: the local registries in the sandbox, the national ones in production. */
  registries: IdentityRegistries;
  pipeline: PipelineRunner;
  /** F38: the monthly violations report, made on the 1st of each month by a durable job. */
  violations: ViolationScheduler;
  /** F4, F39: delivery of the outbox (e-mails, webhooks). */
  notifications: Notifications;
  /** Seals providers' webhook secrets at rest (F4). */
  webhookSecrets: SecretBox;
  metrics: PlatformMetrics;
  clock: PlatformClock;
  now(): Date;
  close(): Promise<void>;
};

/** The sandbox trusts its own PKI besides the configured trust folders, with no manual step (issue 13). */
function mergeTrust(
  folders: VerifyOptions['trust'],
  sandboxPki: SandboxPki | undefined,
): VerifyOptions['trust'] {
  if (!sandboxPki) return folders;
  const own = sandboxTrust(sandboxPki);
  return {
    ca: [...(folders.ca ?? []), ...own.ca],
    tsa: [...(folders.tsa ?? []), ...own.tsa],
    certification: [...(folders.certification ?? []), ...own.certification],
  };
}

/** `trust` given directly (tests, the demo) replaces the trust directory. */
export async function createPlatform(
  config: ServerConfig,
  given: { trust?: VerifyOptions['trust'] } = {},
): Promise<Platform> {
  // The settings that need I/O are checked before the database opens (fail fast, nothing to undo).
  const keys = await loadPlatformKeys({
    jwk: config.platformKey,
    retired: config.retiredPlatformKeys,
    dataDir: config.dataDir,
    mode: config.mode,
  });
  const sandboxPki =
    config.mode === 'sandbox' && !given.trust && config.dataDir
      ? await loadOrCreateSandboxPki(config.dataDir)
      : undefined;
  const trust =
    given.trust ?? mergeTrust(await loadTrustDirectory(trustDirOf(config), config.mode), sandboxPki);
  // A bad anchor file stops the start here, not every verification later.
  await Promise.all([trust.ca, trust.tsa, trust.certification].map((anchors) => loadAnchors(anchors)));
  const idSecret = await persistentSecret(
    { name: 'contract-id', setting: 'HDLD_ID_SECRET', given: config.idSecret },
    { dataDir: config.dataDir, mode: config.mode },
  );
  const storage = await createStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir ? join(config.dataDir, 'db') : undefined,
  });
  await checkSecretFingerprint(storage.db, 'contract-id', idSecret, 'HDLD_ID_SECRET').catch(async (error) => {
    await storage.close();
    throw error;
  });
  const blobDir = config.dataDir ? join(config.dataDir, 'blobs') : await tempBlobDir();
  const blobs = createFsBlobStore({ dir: blobDir });
  const identity = createLocalIdentityRegistries(storage.db);
  if (config.mode === 'sandbox') await seedSandboxRegistries(storage.db);
  const registries = await configuredRegistries(config.registries ?? DEFAULT_REGISTRY_CONFIG, identity);
  const clock = await createPlatformClock(storage.sandboxClock, config.mode === 'sandbox');
  const now = clock.now;
  const metrics = createMetrics(storage.db);
  const pipeline = startPipeline(
    { storage, blobs, keys, publicUrl: config.publicUrl, idSecret, trust, registries, now, metrics },
    {
      concurrency: config.pipelineConcurrency,
      pollIntervalMs: 1000,
      leaseMs: config.pipelineLeaseMs ?? DEFAULT_PIPELINE_LEASE_MS,
      log: pino({ level: config.logLevel, base: { component: 'pipeline' } }),
    },
  );
  const violations = await startViolationScheduler(
    { storage, clock, thresholds: config.violationThresholds ?? DEFAULT_VIOLATION_THRESHOLDS },
    { pollIntervalMs: 1000 },
  );
  const webhookSecrets = createSecretBox(idSecret);
  const notifications = startNotifications(
    { storage, webhookSecrets },
    { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, timing: config.outbox },
  );
  return {
    config,
    storage,
    blobs,
    keys,
    tokens: createAccessTokens(keys, config.publicUrl),
    providerStatus: createProviderStatusCache(async (providerId) => {
      const provider = await storage.providers.findById(providerId);
      return provider && connectionOf(provider);
    }),
    trust,
    sandboxPki,
    identity,
    registries,
    pipeline,
    violations,
    notifications,
    webhookSecrets,
    metrics,
    clock,
    now,
    async close() {
      await pipeline.stop();
      await violations.stop();
      await notifications.stop();
      clock.stop();
      registries.close();
      await storage.close();
    },
  };
}

/** Without a data directory (tests, demos) blobs still go to disk, in a fresh temporary folder. */
function tempBlobDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hdld-blobs-'));
}
