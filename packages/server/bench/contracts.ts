/**
 * Realistic ~200 KB signed contracts for the intake benchmark, generated once and cached on disk.
 *
 * Each contract is the sample contract PDF for its seed (main data embedded, as hdld builds it), with a
 * ~160 KB incompressible "scan" attached (a photographed paper annex is what makes real contracts
 * large), saved without object streams, then signed by the employer and the employee (PAdES B-T, RSA
 * 2048, test TSA), and given its own certification evidence (signed by the provider's certificate and
 * timestamped). Every contract has distinct bytes, so the server issues a new ID for each (no replay).
 *
 * The cache lives under os.tmpdir(), keyed by CACHE_VERSION; it holds the test PKI's root (the trust
 * anchor the benchmark server is given) and, per contract, the PDF, the evidence and the submission.
 */

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildContractPdf, sampleContractMainData, signerFromCryptoKey, signPdf } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestPki, createTestTsa, type TestPki } from '@hdld/sdk/testing';
import type { Schemas } from '@hdld/spec';
import { PDFDocument } from 'pdf-lib';

/** Bump when the way contracts are built changes, so stale caches are not reused. */
const CACHE_VERSION = 'v1';
/** Regenerate after this long: the evidence and signatures age (the 24 h submission deadline is flagged). */
const CACHE_MAX_AGE_MS = 12 * 60 * 60 * 1000;
const SCAN_BYTES = 90_000;
const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');

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

type Generator = {
  pki: TestPki;
  tsa: { timestamp(request: Uint8Array): Promise<Uint8Array> };
  fonts: Awaited<ReturnType<typeof loadContractFonts>>;
};

async function generator(): Promise<Generator> {
  const pki = await createTestPki();
  const service = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  return {
    pki,
    tsa: { timestamp: (request: Uint8Array) => service.timestamp(request) },
    fonts: await loadContractFonts(),
  };
}

/** One ~200 KB contract: built, a scan attached, signed by both parties, evidence added. */
async function generateContract(
  gen: Generator,
  seed: number,
): Promise<{ contract: BenchContract; pdf: Uint8Array }> {
  const { pki, tsa, fonts } = gen;
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
    providerReference: `BENCH-${String(seed).padStart(6, '0')}`,
    signedPdf: signed,
  });
  return {
    contract: { seed, submission: sample.submission, identity: sample.identity, pdfBytes: signed.byteLength },
    pdf: signed,
  };
}

async function generateInto(dir: string, seeds: number[], given?: Generator): Promise<void> {
  const gen = given ?? (await importPki(dir));
  for (const seed of seeds) {
    const name = `${String(seed).padStart(6, '0')}.json`;
    const { contract } = await generateContract(gen, seed);
    await writeFile(join(dir, `${name}.tmp`), JSON.stringify(contract));
    await rename(join(dir, `${name}.tmp`), join(dir, name));
  }
}

function generateInChild(dir: string, seeds: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@hdld/source',
        fileURLToPath(import.meta.url),
        'generate',
        dir,
        seeds.join(','),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`contract generator exited with ${code}`)),
    );
  });
}

async function fresh(dir: string): Promise<boolean> {
  const info = await stat(join(dir, 'root.pem')).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs < CACHE_MAX_AGE_MS;
}

/**
 * `count` distinct signed contracts, from the cache when it has them (same PKI), else generated
 * (about 0.1-0.3 s each on 2 cores) and added to the cache.
 */
export async function loadBenchContracts(
  count: number,
  log: (line: string) => void = () => {},
): Promise<BenchContracts> {
  const dir = benchCacheDir();
  if (!(await fresh(dir))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  const started = performance.now();
  let rootPem = await readFile(join(dir, 'root.pem'), 'utf8').catch(() => undefined);
  let gen: Generator | undefined;
  // Cached contracts are only usable with the PKI (root) that signed them, so the PKI is created once per cache.
  if (!rootPem) {
    gen = await generator();
    rootPem = gen.pki.rootPem;
    await writeFile(join(dir, 'pki.json'), JSON.stringify(await exportPki(gen.pki)));
    await writeFile(join(dir, 'root.pem'), rootPem);
  }
  const cached = (seed: number) => `${String(seed).padStart(6, '0')}.json`;
  const have = new Set(await readdir(dir));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((seed) => !have.has(cached(seed)));
  if (missing.length > 0) {
    log(`  generating ${missing.length} signed contracts into ${dir} (cached for later runs)`);
    const lanes = missing.length >= 16 ? Math.max(1, availableParallelism()) : 1;
    if (lanes === 1) await generateInto(dir, missing, gen);
    else {
      // pdf-lib and fontkit are single-threaded JavaScript: one child process per core.
      const shares = Array.from({ length: lanes }, (_, lane) => missing.filter((_, i) => i % lanes === lane));
      await Promise.all(shares.map((seeds) => generateInChild(dir, seeds)));
    }
  }
  const contracts: BenchContract[] = [];
  for (let seed = 1; seed <= count; seed++)
    contracts.push(JSON.parse(await readFile(join(dir, cached(seed)), 'utf8')) as BenchContract);
  const generated = missing.length;
  return { rootPem, contracts, dir, generated, generationMs: performance.now() - started };
}

// The PKI's private keys are kept beside the cached contracts so later runs can add more contracts
// signed under the same root. Test keys only (createTestPki), in the temp directory.
type ExportedIdentity = { certificate: string; pkcs8: string; chain: string[] };
type ExportedPki = Record<
  'root' | 'intermediate' | 'employer' | 'employee' | 'provider' | 'tsa',
  ExportedIdentity
>;
const ROLES = ['root', 'intermediate', 'employer', 'employee', 'provider', 'tsa'] as const;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

async function exportPki(pki: TestPki): Promise<ExportedPki> {
  const out = {} as ExportedPki;
  for (const role of ROLES) {
    const id = pki[role];
    out[role] = { certificate: b64(id.certificate), pkcs8: b64(id.pkcs8), chain: id.chain.map(b64) };
  }
  return out;
}

async function importPki(dir: string): Promise<Generator> {
  const exported = JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as ExportedPki;
  const key = (pkcs8: string) =>
    crypto.subtle.importKey('pkcs8', unb64(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
      'sign',
    ]);
  const identity = async (role: (typeof ROLES)[number]) => {
    const e = exported[role];
    const privateKey = await key(e.pkcs8);
    const chain = e.chain.map(unb64);
    return {
      certificate: unb64(e.certificate),
      privateKey,
      chain,
      signer: signerFromCryptoKey({ privateKey, certificateChain: chain }),
    };
  };
  const [root, intermediate, employer, employee, provider, tsaId] = await Promise.all(ROLES.map(identity));
  // Only the members generateContract and createSampleSubmission use are restored.
  const pki = { root, intermediate, employer, employee, provider, tsa: tsaId } as unknown as TestPki;
  const service = createTestTsa({
    certificate: tsaId!.certificate,
    intermediates: [intermediate!.certificate],
    key: tsaId!.privateKey,
  });
  return {
    pki,
    tsa: { timestamp: (request: Uint8Array) => service.timestamp(request) },
    fonts: await loadContractFonts(),
  };
}

// Child process entry: `contracts.ts generate <dir> <seed,seed,...>`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === 'generate') {
  const [, , , dir, seeds] = process.argv;
  await generateInto(dir!, seeds!.split(',').map(Number));
}
