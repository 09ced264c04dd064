/**
 * Signed contracts generated once and cached on disk, for the intake benchmark and the large integration
 * tests (issues #4 and #5). Each contract costs ~50 ms of CPU to make (two PAdES B-T signatures and
 * timestamped certification evidence, mostly ASN.1 work in JavaScript), so thousands are generated in
 * one child process per core and kept for later runs.
 *
 * A cache directory holds one test PKI (root.pem, and the keys in pki.json, so later runs can add
 * contracts under the same root) and one JSON file per item key, made by a builder: a named export of
 * a module, which the child processes import. Contracts and evidence age (the 24 h submission deadline
 * is flagged), so a directory is rebuilt, PKI included, once it is older than CACHE_MAX_AGE_MS.
 */

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePem, signerFromCryptoKey } from '@hdld/sdk/documents';
import { loadContractFonts } from '@hdld/sdk/node';
import { createTestPki, createTestTsa, type TestPki } from '@hdld/sdk/testing';

const CACHE_MAX_AGE_MS = 12 * 60 * 60 * 1000;
const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../../..');
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_ENTRY = fileURLToPath(new URL('./signed-contract-generator.ts', import.meta.url));

export type ContractGenerator = {
  /** The cached PKI: root, intermediate and the employer, employee, provider and TSA identities. */
  pki: TestPki;
  tsa: { timestamp(request: Uint8Array): Promise<Uint8Array> };
  fonts: Awaited<ReturnType<typeof loadContractFonts>>;
};

/** Makes the JSON-serialisable item for one key (what the cache stores). */
export type ContractBuilder<T> = (gen: ContractGenerator, key: string) => Promise<T>;

export type CachedContracts<T> = {
  dir: string;
  rootPem: string;
  /** DER of the root: the trust anchor (CA, TSA, certification) for a server checking these contracts. */
  rootCertificate: Uint8Array;
  /** The cached PKI with its keys, to sign further documents under the same root. */
  generator(): Promise<ContractGenerator>;
  read(key: string): Promise<T>;
  /** How many were generated in this call (0 when all came from the cache). */
  generated: number;
  generationMs: number;
};

export type CachedContractsOptions = {
  dir: string;
  keys: readonly string[];
  /** `module` (import.meta.url of the builder's file) exports the builder as `name`. */
  builder: { module: string; name: string };
  log?: (line: string) => void;
};

/**
 * A cache directory for test fixtures named `name`, keyed by a hash of the source of everything that
 * makes them (the SDK's document and testing code, this file and the builder's files), so a change
 * to how contracts are built or signed never reuses stale fixtures. Computed once per process, so
 * every part of a test run uses one PKI even while the sources are being edited. Directories of
 * older sources are removed once stale.
 */
export function fixtureCacheDir(name: string, builderFiles: readonly string[]): Promise<string> {
  let dir = cacheDirs.get(name);
  if (!dir) {
    dir = hashedCacheDir(name, builderFiles);
    cacheDirs.set(name, dir);
  }
  return dir;
}

const cacheDirs = new Map<string, Promise<string>>();

async function hashedCacheDir(name: string, builderFiles: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const sources = [
    join(REPO_ROOT, 'packages/sdk/src/documents'),
    join(REPO_ROOT, 'packages/sdk/src/testing'),
    THIS_FILE,
    CHILD_ENTRY,
    ...builderFiles.map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)),
  ];
  for (const source of sources) {
    for (const file of await filesUnder(source)) hash.update(file).update(await readFile(file));
  }
  const prefix = `hdld-fixtures-${name}-`;
  const dir = join(tmpdir(), `${prefix}${hash.digest('hex').slice(0, 16)}`);
  for (const other of await readdir(tmpdir())) {
    const path = join(tmpdir(), other);
    if (other.startsWith(prefix) && path !== dir && !(await fresh(path))) {
      await rm(path, { recursive: true, force: true });
    }
  }
  return dir;
}

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The items for `keys`, from the cache when it has them (same PKI), else generated and added to it. */
export async function cachedContracts<T>(options: CachedContractsOptions): Promise<CachedContracts<T>> {
  const { dir, keys, builder, log = () => {} } = options;
  const started = performance.now();
  await openCache(dir);
  const have = new Set(await readdir(dir));
  const missing = keys.filter((key) => !have.has(fileOf(key)));
  if (missing.length > 0) {
    log(`  generating ${missing.length} signed contracts into ${dir} (cached for later runs)`);
    const lanes = missing.length >= 16 ? Math.max(1, availableParallelism()) : 1;
    if (lanes === 1) await generateInto(dir, builder, missing);
    else {
      // pdf-lib, pkijs and asn1js are single-threaded JavaScript: one child process per core.
      const shares = Array.from({ length: lanes }, (_, lane) => missing.filter((_, i) => i % lanes === lane));
      await Promise.all(shares.map((share) => generateInChild(dir, builder, share)));
    }
  }
  const rootPem = await readFile(join(dir, 'root.pem'), 'utf8');
  let gen: Promise<ContractGenerator> | undefined;
  return {
    dir,
    rootPem,
    rootCertificate: decodePem(rootPem)[0]!.der,
    generator: () => {
      gen ??= importGenerator(dir);
      return gen;
    },
    read: async (key) => JSON.parse(await readFile(join(dir, fileOf(key)), 'utf8')) as T,
    generated: missing.length,
    generationMs: performance.now() - started,
  };
}

const fileOf = (key: string) => `${key}.json`;

async function fresh(dir: string): Promise<boolean> {
  const info = await stat(join(dir, 'root.pem')).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs < CACHE_MAX_AGE_MS;
}

/**
 * Creates the directory with a new PKI when it is missing or stale. The PKI is written to a staging
 * directory that is then renamed into place, so processes opening the same cache at once (parallel
 * test files) all end up with the one PKI that won the rename.
 */
async function openCache(dir: string): Promise<void> {
  if (await fresh(dir)) return;
  const staging = join(
    dirname(dir),
    `.staging-${basename(dir)}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await mkdir(staging, { recursive: true });
  const pki = await createTestPki();
  await writeFile(join(staging, 'pki.json'), JSON.stringify(exportPki(pki)));
  await writeFile(join(staging, 'root.pem'), pki.rootPem);
  if (!(await fresh(dir))) await rm(dir, { recursive: true, force: true });
  try {
    await rename(staging, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Generates the items for `keys` into the cache (in this process). */
export async function generateInto(
  dir: string,
  builder: CachedContractsOptions['builder'],
  keys: readonly string[],
): Promise<void> {
  const build = (await import(builder.module))[builder.name] as ContractBuilder<unknown>;
  const gen = await importGenerator(dir);
  for (const key of keys) {
    const item = await build(gen, key);
    // Unique temporary name: another process may be generating the same key into the same cache.
    const temporary = join(dir, `${fileOf(key)}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(item));
    await rename(temporary, join(dir, fileOf(key)));
  }
}

function generateInChild(
  dir: string,
  builder: CachedContractsOptions['builder'],
  keys: readonly string[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@hdld/source', CHILD_ENTRY, dir, builder.module, builder.name],
      { cwd: REPO_ROOT, stdio: ['pipe', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`contract generator exited with ${code}`)),
    );
    // Keys on stdin: thousands of them would not fit in one command-line argument.
    child.stdin.end(JSON.stringify(keys));
  });
}

// The PKI's private keys are kept beside the cached contracts so later runs can add more contracts
// signed under the same root. Test keys only (createTestPki), in the temp directory.
// Serial and authority too: party certificates are issued under the cached CA (F8).
type ExportedIdentity = {
  certificate: string;
  pkcs8: string;
  chain: string[];
  serialNumber: string;
  selfSigned: boolean;
  authorityName: string;
  keyId: string;
};
const ROLES = ['root', 'intermediate', 'employer', 'employee', 'provider', 'tsa'] as const;
type ExportedPki = Record<(typeof ROLES)[number], ExportedIdentity>;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function exportPki(pki: TestPki): ExportedPki {
  const out = {} as ExportedPki;
  for (const role of ROLES) {
    const id = pki[role];
    out[role] = {
      certificate: b64(id.certificate),
      pkcs8: b64(id.pkcs8),
      chain: id.chain.map(b64),
      serialNumber: id.serialNumber.toString(16),
      selfSigned: id.selfSigned,
      authorityName: b64(id.authority.name),
      keyId: b64(id.authority.keyId),
    };
  }
  return out;
}

async function importGenerator(dir: string): Promise<ContractGenerator> {
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
      pkcs8: unb64(e.pkcs8),
      serialNumber: BigInt(`0x${e.serialNumber}`),
      selfSigned: e.selfSigned,
      privateKey,
      chain,
      signer: signerFromCryptoKey({ privateKey, certificateChain: chain }),
      authority: { name: unb64(e.authorityName), keyId: unb64(e.keyId), privateKey },
    };
  };
  const [root, intermediate, employer, employee, provider, tsaId] = await Promise.all(ROLES.map(identity));
  // Only the members the builders and createSampleSubmission use are restored.
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
