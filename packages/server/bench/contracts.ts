/**
 * Realistic ~200 KB signed contracts for the intake benchmark, generated once and cached on disk
 * (test/support/signed-contract-cache.ts).
 *
 * Each contract is the sample contract PDF for its seed (main data embedded, as hdld builds it), with a
 * ~160 KB incompressible "scan" attached (a photographed paper annex is what makes real contracts
 * large), saved without object streams, then signed by the employer and the employee (PAdES B-T, RSA
 * 2048, test TSA), and given its own certification evidence (signed by the provider's certificate and
 * timestamped). Every contract has distinct bytes, so the server issues a new ID for each (no replay).
 *
 * The cache lives under os.tmpdir(), keyed by CACHE_VERSION; it holds the test PKI's root (the trust
 * anchor the benchmark server is given) and, per contract, the submission.
 */

import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContractPdf, sampleContractMainData, signPdf } from '@hdld/sdk/documents';
import { createSampleSubmission } from '@hdld/sdk/testing';
import type { Schemas } from '@hdld/spec';
import { PDFDocument } from 'pdf-lib';
import { type ContractGenerator, cachedContracts } from '../test/support/signed-contract-cache.js';

/** Bump when the way contracts are built changes, so stale caches are not reused. */
const CACHE_VERSION = 'v1';
const SCAN_BYTES = 90_000;

export type BenchContract = {
  seed: number;
  /** The JSON body of POST /v1/contracts. */
  submission: Schemas['ContractSubmission'];
  identity: { identityNumber: string; fullName: string; dateOfBirth: string; sex: 'MALE' | 'FEMALE' };
  pdfBytes: number;
};

export type BenchContracts = {
  /** PEM of the test PKI's root: trust anchor for CA, TSA and certification on the benchmark server. */
  rootPem: string;
  contracts: BenchContract[];
  /** Directory of the cache. */
  dir: string;
  /** How many were generated in this call (0 when all came from the cache). */
  generated: number;
  generationMs: number;
};

export function benchCacheDir(): string {
  return join(tmpdir(), `hdld-bench-contracts-${CACHE_VERSION}`);
}

const keyOf = (seed: number) => String(seed).padStart(6, '0');

/** One ~200 KB contract: built, a scan attached, signed by both parties, evidence added (cache builder). */
export async function generateBenchContract(gen: ContractGenerator, key: string): Promise<BenchContract> {
  const { pki, tsa, fonts } = gen;
  const seed = Number(key);
  const mainData = sampleContractMainData(seed);
  const built = await buildContractPdf(mainData, { fonts });
  const doc = await PDFDocument.load(built.pdf, { updateMetadata: false });
  await doc.attach(new Uint8Array(randomBytes(SCAN_BYTES)), 'phu-luc-ban-chup.jpg', {
    mimeType: 'image/jpeg',
    description: 'Scanned annex',
  });
  const base = await doc.save({ useObjectStreams: false });
  const widget = (party: 'EMPLOYER' | 'EMPLOYEE') => {
    const field = built.signatureFields.find((f) => f.party === party);
    return field ? { widget: { page: field.page, rect: field.rect } } : {};
  };
  const byEmployer = await signPdf(base, pki.employer.signer, {
    tsa,
    fieldName: 'EmployerSignature',
    ...widget('EMPLOYER'),
  });
  const signed = await signPdf(byEmployer, pki.employee.signer, {
    tsa,
    fieldName: 'EmployeeSignature',
    ...widget('EMPLOYEE'),
  });
  const sample = await createSampleSubmission({
    pki,
    tsa,
    fonts,
    seed,
    mainData,
    providerReference: `BENCH-${keyOf(seed)}`,
    signedPdf: signed,
  });
  return { seed, submission: sample.submission, identity: sample.identity, pdfBytes: signed.byteLength };
}

/**
 * `count` distinct signed contracts, from the cache when it has them (same PKI), else generated
 * (about 0.1-0.3 s each on 2 cores) and added to the cache.
 */
export async function loadBenchContracts(
  count: number,
  log: (line: string) => void = () => {},
): Promise<BenchContracts> {
  const started = performance.now();
  const keys = Array.from({ length: count }, (_, i) => keyOf(i + 1));
  const cache = await cachedContracts<BenchContract>({
    dir: benchCacheDir(),
    keys,
    builder: { module: import.meta.url, name: 'generateBenchContract' },
    log,
  });
  const contracts: BenchContract[] = [];
  for (const key of keys) contracts.push(await cache.read(key));
  return {
    rootPem: cache.rootPem,
    contracts,
    dir: cache.dir,
    generated: cache.generated,
    generationMs: performance.now() - started,
  };
}
