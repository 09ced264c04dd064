import {
  type ContractGenerator,
  cachedContracts,
  fixtureCacheDir,
} from '../../../../server/test/support/signed-contract-cache.js';
import { fromBase64, toBase64 } from '../../../src/documents/cms/bytes.js';
import type { ContractSubmissionInput } from '../../../src/index.js';
import { type ContractFactory, contractFactory } from '../../submissions/support/signed-submissions.js';

/** What the cache stores per contract: the submission input with its bytes as base64. */
type BatchItem = Omit<ContractSubmissionInput, 'pdf' | 'evidence'> & { pdf: string; evidence: string };

/** `HD-BATCH-00042` -> seed 5042: the main data (and employee) of each contract is its own. */
const seedOf = (key: string) => 5000 + Number(key.slice(key.lastIndexOf('-') + 1));

const factories = new WeakMap<ContractGenerator, Promise<ContractFactory>>();
function factoryFor(gen: ContractGenerator): Promise<ContractFactory> {
  let factory = factories.get(gen);
  if (!factory) {
    factory = contractFactory(gen);
    factories.set(gen, factory);
  }
  return factory;
}

/** One batch contract (cache builder): a one-page PDF signed by both parties (B-T), with evidence. */
export async function buildBatchContract(gen: ContractGenerator, key: string): Promise<BatchItem> {
  const input = await (await factoryFor(gen)).contract(seedOf(key), key, { small: true });
  return { ...input, pdf: toBase64(input.pdf), evidence: toBase64(input.evidence) };
}

/**
 * `count` distinct signed contracts for batch tests (T5), under one cached test PKI: generated once
 * (one process per core), then read from disk as the batch asks for them.
 */
export async function batchContracts(count: number) {
  const keys = Array.from({ length: count }, (_, i) => `HD-BATCH-${String(i).padStart(5, '0')}`);
  const cache = await cachedContracts<BatchItem>({
    dir: await fixtureCacheDir('sdk-batch', [
      import.meta.url,
      new URL('../../submissions/support/signed-submissions.ts', import.meta.url).href,
    ]),
    keys,
    builder: { module: import.meta.url, name: 'buildBatchContract' },
  });
  const factory = await factoryFor(await cache.generator());
  return {
    keys,
    /** Trust for the reference server: the cached PKI's root. */
    trust: factory.trust,
    /** The identity registry rows of every employee (F8). */
    identities: keys.map((key) => factory.identityOf(factory.mainDataFor(seedOf(key)))),
    async load(key: string): Promise<ContractSubmissionInput> {
      const item = await cache.read(key);
      return { ...item, pdf: fromBase64(item.pdf), evidence: fromBase64(item.evidence) };
    },
  };
}
