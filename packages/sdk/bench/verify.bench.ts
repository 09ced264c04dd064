/**
 * Verification throughput (issue 3 performance goal, N2/F8): a 2-signature PAdES B-T contract of ~200 KB.
 * Rows: our verifier in one thread, the worker pool, a naive pkijs parse-and-verify, and the "raw limit"
 * (SHA-256 over each ByteRange + every RSA verify with node:crypto, inputs pre-extracted).
 * The raw limit, verifyPdf and the pool are measured in alternating rounds and each row reports its median
 * round, so load from other processes on a shared machine falls on all three alike. One-thread rows count
 * contracts per CPU-second of the process (what one core does when it is not shared); the pool row counts
 * contracts per wall-clock second (its point is using several cores at once).
 * Run: npx tsx --conditions=@hdld/source packages/sdk/bench/verify.bench.ts
 */
import { createHash, createPublicKey, randomBytes, verify as rawVerify } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import * as asn1js from 'asn1js';
import { PDFDocument } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { signPdf } from '../src/documents/signing/sign-pdf.js';
import { parseCertificate } from '../src/documents/verify/asn1/certificate.js';
import { parseSignedData } from '../src/documents/verify/asn1/signed-data.js';
import { parseTimestampToken } from '../src/documents/verify/asn1/tst-info.js';
import type { VerifyOptions } from '../src/documents/verify/options.js';
import { findSignatureDictionaries } from '../src/documents/verify/pdf/signature-dictionaries.js';
import { verifyPdf } from '../src/documents/verify/verify-pdf.js';
import { createVerifyPool } from '../src/node/verify-pool.js';
import { createSamplePdf, createTestPki, createTestTsa } from '../src/testing/index.js';

export interface VerifyBenchRow {
  name: string;
  filesPerSecond: number;
  /** Share of the raw limit measured in the same run. */
  ofRawLimit: number;
  /** Process CPU time (all threads) per contract, ms. */
  cpuMsPerContract: number;
  /** Contracts per wall-clock second in the same rounds (depends on how busy the machine was). */
  wallPerSecond: number;
  /** 'contracts/CPU-s' for one-thread rows, 'contracts/s' (wall clock) for the pool. */
  unit: string;
  target?: string;
}

const ROUNDS = Number(process.env.HDLD_BENCH_VERIFY_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.HDLD_BENCH_VERIFY_ROUND_MS ?? 600);
/** Calls per round at least, whatever the clock says: on a loaded machine 600 ms may be a few dozen files. */
const ROUND_CALLS = 200;
/** Warm-up calls: the optimising compiler needs a few hundred runs of the hot functions. */
const WARMUP_CALLS = 1500;

interface Measured {
  /** Per wall-clock second. */
  filesPerSecond: number;
  cpuMsPerContract: number;
}

/** Runs `run` from `concurrency` lanes for `ms` and `calls` at least: rate and process CPU per contract. */
async function measure(
  run: () => Promise<unknown>,
  concurrency: number,
  ms: number,
  calls = ROUND_CALLS,
): Promise<Measured> {
  let done = 0;
  let started = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const lane = async () => {
    while (started++ < calls || performance.now() - start < ms) {
      await run();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    filesPerSecond: (done * 1000) / elapsed,
    cpuMsPerContract: (used.user + used.system) / 1000 / done,
  };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Alternating rounds of each candidate after a warm-up (JIT, caches, worker start); the median round of each. */
async function compare(
  candidates: { run: () => Promise<unknown>; concurrency: number }[],
): Promise<Measured[]> {
  for (const c of candidates) await measure(c.run, c.concurrency, ROUND_MS, WARMUP_CALLS);
  const rounds = candidates.map(() => [] as Measured[]);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, c] of candidates.entries()) rounds[i]!.push(await measure(c.run, c.concurrency, ROUND_MS));
  return rounds.map((list) => ({
    filesPerSecond: median(list.map((m) => m.filesPerSecond)),
    cpuMsPerContract: median(list.map((m) => m.cpuMsPerContract)),
  }));
}

async function contract(): Promise<{ pdf: Uint8Array; options: VerifyOptions; root: Uint8Array }> {
  const pki = await createTestPki();
  const tsa = createTestTsa({
    certificate: pki.tsa.certificate,
    intermediates: [pki.intermediate.certificate],
    key: pki.tsa.privateKey,
  });
  const doc = await PDFDocument.load(await createSamplePdf({ pages: 3, useObjectStreams: false }));
  const annex = new Uint8Array(randomBytes(130_000)); // incompressible, so the file really is ~200 KB
  await doc.attach(annex, 'annex.bin', { mimeType: 'application/octet-stream' });
  const base = await doc.save({ useObjectStreams: false });
  const pdf = await signPdf(await signPdf(base, pki.employer.signer, { tsa }), pki.employee.signer, { tsa });
  return {
    pdf,
    root: pki.root.certificate,
    options: { trust: { ca: [pki.root.certificate], tsa: [pki.root.certificate] }, requireTimestamp: true },
  };
}

/** Everything the raw limit hashes and verifies, extracted once outside the timed loop. */
function rawWork(pdf: Uint8Array, root: Uint8Array) {
  const hashes: Uint8Array[][] = [];
  const verifies: { data: Uint8Array; key: ReturnType<typeof createPublicKey>; signature: Uint8Array }[] = [];
  const key = (der: Uint8Array) =>
    createPublicKey({ key: Buffer.from(parseCertificate(der).spki), format: 'der', type: 'spki' });
  const link = (child: Uint8Array, issuer: Uint8Array) => {
    const c = parseCertificate(child);
    verifies.push({ data: c.tbs, key: key(issuer), signature: c.signature });
  };
  // The test PKI's end-entities are issued by "HĐLĐ Test Issuing CA", itself issued by the root.
  const isCa = (der: Uint8Array) => parseCertificate(der).basicConstraints?.ca === true;
  const chainOf = (certificates: Uint8Array[]) => {
    const leaf = certificates.find((c) => !isCa(c))!;
    const intermediate = certificates.find(isCa)!;
    link(leaf, intermediate);
    link(intermediate, root);
    return leaf;
  };
  for (const dictionary of findSignatureDictionaries(pdf) ?? []) {
    const [a, b, c, d] = dictionary.byteRange;
    hashes.push([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    const cms = parseSignedData(dictionary.contents!);
    const info = cms.signerInfos[0]!;
    const signer = chainOf(cms.certificates);
    verifies.push({ data: info.signedAttributesDer!, key: key(signer), signature: info.signature });
    const tokenElement = info.unsignedAttributes[0]!.values[0]!;
    const token = parseTimestampToken(tokenElement.buffer.subarray(tokenElement.start, tokenElement.end));
    const tokenInfo = token.signedData.signerInfos[0]!;
    const tsaCert = chainOf(token.signedData.certificates);
    hashes.push([info.signature], [token.tstInfoDer]);
    verifies.push({
      data: tokenInfo.signedAttributesDer!,
      key: key(tsaCert),
      signature: tokenInfo.signature,
    });
  }
  return async () => {
    for (const parts of hashes) {
      const hash = createHash('sha256');
      for (const part of parts) hash.update(part);
      hash.digest();
    }
    for (const v of verifies)
      if (!rawVerify('sha256', v.data, v.key, v.signature)) throw new Error('raw verify failed');
  };
}

/** The naive approach: full pkijs object graphs and pkijs' own verify (with chain) for each signature and token. */
function naivePkijs(pdf: Uint8Array, root: Uint8Array) {
  pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));
  const trusted = [pkijs.Certificate.fromBER(new Uint8Array(root))];
  return async () => {
    for (const dictionary of findSignatureDictionaries(pdf) ?? []) {
      const [a, b, c, d] = dictionary.byteRange;
      const data = new Uint8Array(b + d);
      data.set(pdf.subarray(a, a + b));
      data.set(pdf.subarray(c, c + d), b);
      const asn1 = asn1js.fromBER(new Uint8Array(dictionary.contents!));
      const signed = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1.result }).content });
      if (!(await signed.verify({ signer: 0, data: data.buffer, checkChain: true, trustedCerts: trusted })))
        throw new Error('pkijs: bad signature');
      const attribute = signed.signerInfos[0]!.unsignedAttrs!.attributes[0]!;
      const token = new pkijs.SignedData({
        schema: new pkijs.ContentInfo({ schema: attribute.values[0] }).content,
      });
      const stamped = signed.signerInfos[0]!.signature.valueBlock.valueHexView.slice().buffer;
      if (!(await token.verify({ signer: 0, data: stamped, checkChain: true, trustedCerts: trusted })))
        throw new Error('pkijs: bad timestamp');
    }
  };
}

export async function runVerifyBenchmark(): Promise<VerifyBenchRow[]> {
  const { pdf, options, root } = await contract();
  const check = await verifyPdf(pdf, options);
  if (check.indication !== 'TOTAL_PASSED')
    throw new Error(`benchmark contract does not verify: ${check.summary}`);
  const workers = availableParallelism();
  const pool = createVerifyPool({ size: workers, verify: options });
  await pool.ready();
  const [raw, ours, pooled] = await compare([
    { run: rawWork(pdf, root), concurrency: 1 },
    { run: () => verifyPdf(pdf, options), concurrency: 1 },
    { run: () => pool.verifyPdf(pdf), concurrency: workers * 4 },
  ]);
  await pool.close();
  const naiveRun = naivePkijs(pdf, root);
  await measure(naiveRun, 1, ROUND_MS, 20);
  const naive = await measure(naiveRun, 1, ROUND_MS * 2, 40);
  const perCpuSecond = (m: Measured) => 1000 / m.cpuMsPerContract;
  const rawRate = perCpuSecond(raw!);
  const row = (name: string, m: Measured, clock: 'cpu' | 'wall', target?: string): VerifyBenchRow => {
    const rate = clock === 'cpu' ? perCpuSecond(m) : m.filesPerSecond;
    return {
      name,
      filesPerSecond: Math.round(rate),
      ofRawLimit: rate / rawRate,
      cpuMsPerContract: m.cpuMsPerContract,
      wallPerSecond: Math.round(m.filesPerSecond),
      unit: clock === 'cpu' ? 'contracts/CPU-s' : 'contracts/s',
      ...(target ? { target } : {}),
    };
  };
  console.log(`contract: ${pdf.byteLength} bytes, 2 PAdES B-T signatures, ${workers} cores`);
  return [
    row('raw limit (node:crypto, 1 thread)', raw!, 'cpu'),
    row('hdld verifyPdf (1 thread)', ours!, 'cpu', '>= 50% of raw'),
    row(`hdld verify pool (${workers} workers)`, pooled!, 'wall'),
    row('naive pkijs (1 thread)', naive, 'cpu'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await runVerifyBenchmark();
  console.table(
    rows.map((r) => ({
      ...r,
      ofRawLimit: `${(r.ofRawLimit * 100).toFixed(0)}%`,
      cpuMsPerContract: r.cpuMsPerContract.toFixed(3),
    })),
  );
}
