import { afterAll, beforeAll } from 'vitest';
import type { IdentityRegistry } from '../../src/identity/identity-registry.js';
import {
  type PipelineRunner,
  type RunnerOptions,
  startPipeline,
} from '../../src/pipeline/pipeline-runner.js';
import type { Engine } from '../../src/storage/database.js';
import { type SandboxKit, startSandboxKit } from './sandbox-kit.js';

/** A population registry whose next lookup waits until the test releases it: a slow check on demand. */
export type HeldRegistry = IdentityRegistry & {
  /** The next lookup waits for `release`; `entered` resolves once it has started waiting. */
  holdNext(): { entered: Promise<void>; release(): void };
};

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export function heldRegistry(registry: IdentityRegistry): HeldRegistry {
  let next: { entered(): void; released: Promise<void> } | undefined;
  return {
    async lookup(identityNumber) {
      const held = next;
      next = undefined;
      if (held) {
        held.entered();
        await held.released;
      }
      return registry.lookup(identityNumber);
    },
    holdNext() {
      const entered = deferred();
      const released = deferred();
      next = { entered: entered.resolve, released: released.promise };
      return { entered: entered.promise, release: released.resolve };
    },
  };
}

/**
 * A pipeline on the kit's platform with its own registry and options. Start the kit with
 * `pipelineConcurrency: 0` so that only this one claims jobs.
 */
function startTestPipeline(
  kit: SandboxKit,
  identity: IdentityRegistry,
  options: Partial<RunnerOptions> = {},
): PipelineRunner {
  const platform = kit.server.platform;
  return startPipeline(
    {
      ...platform,
      publicUrl: platform.config.publicUrl,
      idSecret: 'a test contract ID secret of 32 bytes or more',
      identity,
    },
    { concurrency: 4, pollIntervalMs: 10, leaseMs: 60_000, threads: 0, ...options },
  );
}

/**
 * For a describe block on `engine`: a sandbox kit whose own pipeline claims nothing, a held registry
 * over its population registry, and the one pipeline that runs, started by `start` and stopped by
 * `stop` (or after the block).
 */
export function useHeldPipeline(engine: Engine) {
  let kit: SandboxKit | undefined;
  let registry: HeldRegistry | undefined;
  let runner: PipelineRunner | undefined;
  beforeAll(async () => {
    kit = await startSandboxKit(engine, { pipelineConcurrency: 0 });
    registry = heldRegistry(kit.server.platform.identity);
  });
  afterAll(async () => {
    await runner?.stop();
    await kit?.close();
  });
  return {
    get kit(): SandboxKit {
      return kit!;
    },
    get registry(): HeldRegistry {
      return registry!;
    },
    start(options: Partial<RunnerOptions> = {}): void {
      runner = startTestPipeline(kit!, registry!, options);
    },
    async stop(): Promise<void> {
      await runner?.stop();
      runner = undefined;
    },
  };
}
