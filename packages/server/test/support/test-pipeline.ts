import { afterAll, beforeAll } from 'vitest';
import type { IdentityRegistries, PopulationRegistry } from '../../src/identity/identity-registry.js';
import {
  type PipelineRunner,
  type RunnerOptions,
  startPipeline,
} from '../../src/pipeline/pipeline-runner.js';
import type { Engine } from '../../src/storage/database.js';
import { type SandboxKit, startSandboxKit } from './sandbox-kit.js';

/** A population registry whose next lookup waits until the test releases it: a slow check on demand. */
export type HeldRegistry = PopulationRegistry & {
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

export function heldRegistry(registry: PopulationRegistry): HeldRegistry {
  let next: { entered(): void; released: Promise<void> } | undefined;
  return {
    checksPassports: registry.checksPassports,
    async findPerson(identity) {
      const held = next;
      next = undefined;
      if (held) {
        held.entered();
        await held.released;
      }
      return registry.findPerson(identity);
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
  population: PopulationRegistry,
  options: Partial<RunnerOptions> = {},
): PipelineRunner {
  const platform = kit.server.platform;
  return startPipeline(
    {
      ...platform,
      publicUrl: platform.config.publicUrl,
      idSecret: 'a test contract ID secret of 32 bytes or more',
      registries: { ...platform.registries, population } satisfies IdentityRegistries,
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
    registry = heldRegistry(kit.server.platform.registries.population);
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
