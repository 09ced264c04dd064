import type { VerifyOptions } from '@hdld/sdk/documents';
import type { PlatformKeys } from '../auth/platform-keys.js';
import type { BlobStore } from '../blobs/index.js';
import type { IdentityRegistries } from '../identity/identity-registry.js';
import type { PlatformMetrics } from '../observability/metrics.js';
import type { Storage } from '../storage/index.js';

/** What the pipeline needs; assembled by the platform, replaced piecewise in tests. */
export type PipelineDeps = {
  storage: Storage;
  blobs: BlobStore;
  keys: PlatformKeys;
  publicUrl: string;
  /** Key of the ID permutation (F9); must never change for a running Platform. */
  idSecret: string;
  trust: VerifyOptions['trust'];
  /** The F8 identity check's registries (population and business). */
  registries: IdentityRegistries;
  now(): Date;
  metrics: PlatformMetrics;
};
