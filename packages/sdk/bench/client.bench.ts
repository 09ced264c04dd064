/**
 * Client benchmarks (issue 5). Method (also printed into docs/benchmarks.md by `pnpm bench`):
 *
 * 1. Overhead per request of the SDK client against a bare `fetch`, on loopback. The server is a
 *    minimal Platform stand-in in its own process (below), so the client process's CPU time is the
 *    client's alone. Both sides make the same call: GET /v1/transactions/{id} on the same
 *    keep-alive connection pool (Node's global undici agent), the same request headers
 *    (authorization, user-agent, accept-language: the SDK's), the JSON body parsed. The SDK side is
 *    `client.transactions.get(id)`: token cache, retry loop, per-attempt timeout, rate-limit gate,
 *    error mapping. After a warm-up: wall time from request pairs (one of each, back to back, the
 *    order alternating; median difference over median bare time), CPU time of the client process
 *    (user + system) from alternating blocks (median of SDK block / bare block per round); three
 *    fresh processes, each figure the median of the three. Pairing cancels the load of other
 *    processes on a shared machine, which moves single measurements by more than 5%.
 * 2. Memory flat in N: `syncBatch` of 1,000 and of 20,000 synthetic contracts (a distinct ~64 KB
 *    document each, built only when the batch asks for it) with a file journal, awaiting every
 *    outcome, against the same stand-in (it acknowledges with 202 and lists every transaction as
 *    SUCCEEDED, like a sandbox with an instant pipeline: the reference server would take hours for
 *    20,000). Each size runs in a fresh process; peak RSS is the kernel's (getrusage ru_maxrss).
 * 3. Batch throughput against the reference server's own intake throughput, measured in the same
 *    `pnpm bench` run: the same engine, server settings, contracts and count as the intake
 *    benchmark's throughput phase, sent by `syncBatch` (file journal, outcomes awaited) on a fresh
 *    server, outcomes polled and then awaited in the call (waitSeconds); contracts per second from
 *    the start until every one is SUCCEEDED.
 *
 * Run alone: npx tsx --conditions=@hdld/source packages/sdk/bench/client.bench.ts
 * (then part 3 runs its own PGlite intake benchmark first).
 */

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Schemas } from '@hdld/spec';
import type { BenchContract } from '../../server/bench/contracts.js';
import type { IntakeBenchResult, IntakeSettings } from '../../server/bench/intake.bench.js';
import type { BenchEngine } from '../../server/bench/server-process.js';
import { openFileJournal } from '../src/batch/file-journal.js';
import { type BatchItem, syncBatch } from '../src/batch/sync-batch.js';
import { sampleContractMainData } from '../src/documents/index.js';
import { createHdldClient, userAgent } from '../src/index.js';

export type ClientBenchRow = { name: string; value: number; unit: string; target?: string };

/** What `pnpm bench` measured before the client part: part 3 compares against it. */
export type IntakeReference = {
  engine: BenchEngine;
  rootPem: string;
  contracts: BenchContract[];
  settings: IntakeSettings;
  result: IntakeBenchResult;
};

export const CLIENT_BENCH_METHOD = `- **Client overhead.** packages/sdk/bench/client.bench.ts: \`client.transactions.get(id)\` against a bare
  \`fetch\` of the same URL with the same headers (authorization, user-agent, accept-language) and the JSON body
  parsed, both on Node's keep-alive agent, against a minimal Platform stand-in in its own process (so the client
  process's CPU time is the client's). Blocks of each alternate after a warm-up; each side's median block, as wall
  time and as client CPU time per request. Wall: 15,000 pairs of one bare and one SDK request back to back (order
  alternating); overhead = median of the pair differences / median bare time (a pair another process interrupted
  does not move a median). CPU (readable per block only): 41 rounds of a 300-request block each, alternating;
  overhead = median over rounds of SDK block / bare block - 1. Three fresh processes, each figure the median of
  the three.
- **Batch memory.** \`syncBatch\` of 1,000 and of 20,000 synthetic contracts (a distinct ~64 KB document each,
  built when the batch asks for it), file journal, every outcome awaited, against the same stand-in (202 for each
  submission, every transaction SUCCEEDED at the next poll: the reference server would need hours for 20,000);
  each size in a fresh process, peak RSS from /proc/self/status (VmHWM; getrusage's ru_maxrss elsewhere).
- **Batch throughput.** \`syncBatch\` (file journal, outcomes awaited, the intake benchmark's concurrency) sends the
  intake benchmark's throughput-phase contracts, as many as it measured, to a fresh reference server of the same
  engine and settings; contracts per second from the start until every one is SUCCEEDED, beside the intake
  throughput of the same run. Twice, on fresh servers: outcomes polled (the default: every submission returns
  at once, one list request per poll covers many outcomes) and \`waitSeconds: 10\` (\`Prefer: wait\`: the
  outcome comes with the submission, as the intake benchmark's load generator asks for it).
`;

const TX_ID = '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e';
const SELF = fileURLToPath(import.meta.url);
const run = promisify(execFile);

/**
 * The Platform stand-in, plain JavaScript in its own process: a token; a 202 acknowledgement for
 * every submission; the listing of transactions (all SUCCEEDED with a contract ID, paginated, from
 * `receivedFrom`); one fixed transaction for any other GET.
 */
const STAND_IN = `
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
const received = [];
let serial = 0;
const view = (t) => ({ transactionId: t.transactionId, kind: 'CONTRACT', status: 'SUCCEEDED', providerReference: t.providerReference,
  contractId: t.contractId, receivedAt: t.receivedAt, payloadSha256: 'a'.repeat(64), late: false, replay: false, errors: [] });
const fixed = JSON.stringify(view({ transactionId: '${TX_ID}', providerReference: 'HD-1', contractId: '2604173920581648', receivedAt: '2026-03-02T08:15:30.000Z' }));
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => { if (chunks.length === 0) chunks.push(chunk); });
  request.on('end', () => {
    const send = (status, body) => { response.writeHead(status, { 'content-type': 'application/json' }); response.end(body); };
    const url = new URL(request.url, 'http://x');
    if (url.pathname === '/v1/oauth/token') return send(200, JSON.stringify({ access_token: 'bench', token_type: 'Bearer', expires_in: 3600 }));
    if (request.method === 'POST' && url.pathname === '/v1/contracts') {
      // The SDK sends providerReference first: no need to parse the whole body. Decoding only the
      // head also keeps the kept reference from pinning the whole chunk (V8 sliced strings).
      const head = chunks[0] ? chunks[0].toString('utf8', 0, 300) : '';
      const providerReference = /"providerReference":"([^"]*)"/.exec(head)?.[1] ?? '?';
      const t = { transactionId: randomUUID(), providerReference, receivedAt: new Date().toISOString(),
        contractId: String(2026_0000_0000_0000 + ++serial) };
      received.push(t);
      return send(202, JSON.stringify({ transactionId: t.transactionId, kind: 'CONTRACT', receivedAt: t.receivedAt,
        payloadSha256: 'a'.repeat(64), providerReference, status: 'RECEIVED', statusUrl: '/v1/transactions/' + t.transactionId }));
    }
    if (url.pathname === '/v1/transactions') {
      const from = url.searchParams.get('receivedFrom') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 100);
      let start = Number(url.searchParams.get('cursor') ?? 0);
      if (!url.searchParams.has('cursor')) { let lo = 0, hi = received.length; while (lo < hi) { const mid = (lo + hi) >> 1; if (received[mid].receivedAt < from) lo = mid + 1; else hi = mid; } start = lo; }
      const page = received.slice(start, start + limit);
      const next = start + limit < received.length ? String(start + limit) : null;
      return send(200, JSON.stringify({ items: page.map(view), nextCursor: next }));
    }
    send(200, fixed);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

export async function startStandIn(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', STAND_IN], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (data: Buffer) => resolve(String(data).trim()));
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Runs this file in a fresh process (same loader flags) in `mode`, and returns its last JSON line. */
async function inChild<T>(...args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [...process.execArgv, SELF, ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

type Overhead = {
  bareWallUs: number;
  sdkWallUs: number;
  bareCpuUs: number;
  sdkCpuUs: number;
  /** Median of (SDK - bare) over adjacent request pairs, over the bare median. */
  wallOverhead: number;
  /** Median over rounds of (SDK block / bare block of the same round), minus 1. */
  cpuOverhead: number;
  requests: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureOverhead(url: string, pairs = 15_000, rounds = 41, block = 300): Promise<Overhead> {
  const client = createHdldClient({
    baseUrl: url,
    credentials: { clientId: 'bench', clientSecret: 'bench' },
  });
  const headers = { authorization: 'Bearer bench', 'user-agent': userAgent(), 'accept-language': 'en' };
  const target = `${url}/v1/transactions/${TX_ID}`;
  const bare = () => fetch(target, { headers }).then((r) => r.json());
  const sdk = () => client.transactions.get(TX_ID);
  for (let i = 0; i < 2000; i++) {
    await bare();
    await sdk();
  }
  // Wall time: one bare and one SDK request back to back, the order alternating; the median of the
  // differences ignores the pairs another process interrupted.
  const bareWall: number[] = [];
  const sdkWall: number[] = [];
  const differences: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const t0 = performance.now();
    await (i % 2 === 0 ? bare() : sdk());
    const t1 = performance.now();
    await (i % 2 === 0 ? sdk() : bare());
    const t2 = performance.now();
    const [b, s] = i % 2 === 0 ? [t1 - t0, t2 - t1] : [t2 - t1, t1 - t0];
    bareWall.push(b * 1000);
    sdkWall.push(s * 1000);
    differences.push((s - b) * 1000);
  }
  // CPU time is only readable per block (getrusage): blocks of each side alternate, paired by round.
  const cpuBlock = async (call: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    for (let i = 0; i < block; i++) await call();
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / block;
  };
  const cpu: { bare: number; sdk: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const first = await cpuBlock(r % 2 === 0 ? bare : sdk);
    const second = await cpuBlock(r % 2 === 0 ? sdk : bare);
    cpu.push(r % 2 === 0 ? { bare: first, sdk: second } : { bare: second, sdk: first });
  }
  const bareWallUs = median(bareWall);
  return {
    bareWallUs,
    sdkWallUs: median(sdkWall),
    bareCpuUs: median(cpu.map((c) => c.bare)),
    sdkCpuUs: median(cpu.map((c) => c.sdk)),
    wallOverhead: median(differences) / bareWallUs,
    cpuOverhead: median(cpu.map((c) => c.sdk / c.bare)) - 1,
    requests: 2 * (pairs + rounds * block),
  };
}

function overheadRows(o: Overhead): ClientBenchRow[] {
  const share = (ratio: number) => Math.round(ratio * 1000) / 10;
  const us = (n: number) => Math.round(n * 10) / 10;
  return [
    { name: 'GET transaction, bare fetch: wall per request', value: us(o.bareWallUs), unit: 'µs' },
    { name: 'GET transaction, SDK client: wall per request', value: us(o.sdkWallUs), unit: 'µs' },
    {
      name: 'SDK client overhead vs bare fetch, wall time',
      value: share(o.wallOverhead),
      unit: '%',
      target: '<= 5',
    },
    { name: 'GET transaction, bare fetch: client CPU per request', value: us(o.bareCpuUs), unit: 'µs' },
    { name: 'GET transaction, SDK client: client CPU per request', value: us(o.sdkCpuUs), unit: 'µs' },
    {
      name: 'SDK client overhead vs bare fetch, client CPU time',
      value: share(o.cpuOverhead),
      unit: '%',
      target: '<= 5',
    },
  ];
}

/** A synthetic submission with a distinct ~64 KB document, built only when the batch asks for it. */
function syntheticItems(count: number): Iterable<BatchItem> {
  const mainData = sampleContractMainData(1);
  const pdf = Buffer.alloc(48 * 1024, 7).toString('base64');
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) {
        const providerReference = `HD-BENCH-${i}`;
        yield {
          providerReference,
          load: async (): Promise<Schemas['ContractSubmission']> => ({
            providerReference,
            mainData,
            documents: [
              {
                role: 'CONTRACT',
                fileName: 'c.pdf',
                mediaType: 'application/pdf',
                contentBase64: `${pdf.slice(0, -8)}${String(i).padStart(8, '0')}`,
              },
            ],
            evidence: { contentBase64: 'MIAGCSqGSIb3' },
            transactionLog: {
              system: { name: 'bench', version: '1' },
              events: [{ at: '2026-03-02T08:00:00Z', type: 'SIGNED', actor: 'a', actorRole: 'EMPLOYEE' }],
            },
          }),
        };
      }
    },
  };
}

type BatchRss = { peakRssMb: number; itemsPerSecond: number; succeeded: number };

/**
 * This process's peak RSS in KB, with nothing missed between samples: on Linux VmHWM, the peak of
 * this program's own memory (ru_maxrss would also count the parent's memory at fork time, which
 * outlives the exec: a benchmark parent holding 1,700 contracts made both batches read ~530 MB).
 */
function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

async function batchRss(url: string, count: number): Promise<BatchRss> {
  const dir = await mkdtemp(join(tmpdir(), 'hdld-bench-batch-'));
  try {
    const journal = await openFileJournal(join(dir, 'journal.ndjson'));
    const client = createHdldClient({
      baseUrl: url,
      credentials: { clientId: 'bench', clientSecret: 'bench' },
    });
    const summary = await syncBatch(client, syntheticItems(count), {
      concurrency: 8,
      journal,
      pollIntervalMs: 100,
    });
    await journal.close();
    return {
      peakRssMb: Math.round(peakRssKb() / 102.4) / 10,
      itemsPerSecond: Math.round(summary.itemsPerSecond),
      succeeded: summary.counts.succeeded,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function rssRows(url: string): Promise<ClientBenchRow[]> {
  const small = await inChild<BatchRss>('--batch-rss', url, '1000');
  const large = await inChild<BatchRss>('--batch-rss', url, '20000');
  if (small.succeeded !== 1000 || large.succeeded !== 20_000)
    throw new Error(`batch memory run incomplete: ${small.succeeded} / 1000, ${large.succeeded} / 20000`);
  return [
    { name: 'batch of 1,000 (outcomes awaited): peak RSS', value: small.peakRssMb, unit: 'MB' },
    { name: 'batch of 20,000 (outcomes awaited): peak RSS', value: large.peakRssMb, unit: 'MB' },
    {
      name: 'batch peak RSS growth 1,000 -> 20,000',
      value: Math.round((large.peakRssMb - small.peakRssMb) * 10) / 10,
      unit: 'MB',
      target: '<= 50',
    },
    {
      name: 'batch of 20,000 against the stand-in (client-bound)',
      value: large.itemsPerSecond,
      unit: 'contracts/s',
    },
  ];
}

/**
 * syncBatch against a fresh reference server set up as the intake benchmark's, same contracts and
 * count, in `waitSeconds` mode (0: outcomes polled). Contracts per second from start to last outcome.
 */
async function syncBatchRun(reference: IntakeReference, waitSeconds: number): Promise<number> {
  const { startBenchServer } = await import('../../server/bench/server-process.js');
  const { engine, settings, result } = reference;
  const count = result.throughput.count;
  const contracts = reference.contracts.slice(0, settings.warmup + count);
  const server = await startBenchServer({
    engine,
    rootPem: reference.rootPem,
    pipelineConcurrency: settings.pipelineConcurrency,
  });
  const dir = await mkdtemp(join(tmpdir(), 'hdld-bench-sync-'));
  try {
    const client = createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.clientId, clientSecret: server.clientSecret },
    });
    // Passport holders are not in the population registry (as in the intake benchmark).
    const identities = contracts
      .map((c) => c.identity)
      .filter((i) => /^(?:\d{12}|\d{9})$/.test(i.identityNumber));
    for (let i = 0; i < identities.length; i += 1000)
      await client.sandbox.registerIdentities({ identities: identities.slice(i, i + 1000) });
    const items = (list: BenchContract[]): BatchItem[] =>
      list.map((c) => ({
        providerReference: c.submission.providerReference,
        load: async () => c.submission,
      }));
    const options = { concurrency: settings.clientConcurrency, pollIntervalMs: 100, waitSeconds };
    const warmJournal = await openFileJournal(join(dir, 'warm-up.ndjson'));
    await syncBatch(client, items(contracts.slice(0, settings.warmup)), { ...options, journal: warmJournal });
    await warmJournal.close();
    const journal = await openFileJournal(join(dir, 'journal.ndjson'));
    const summary = await syncBatch(client, items(contracts.slice(settings.warmup)), { ...options, journal });
    await journal.close();
    if (summary.counts.succeeded !== count)
      throw new Error(
        `syncBatch: ${summary.counts.succeeded} of ${count} SUCCEEDED (${JSON.stringify(summary.latestErrors)})`,
      );
    return (count * 1000) / summary.elapsedMs;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** syncBatch beside the intake benchmark's throughput, outcomes polled and awaited in the call. */
async function batchVersusIntake(reference: IntakeReference): Promise<ClientBenchRow[]> {
  const { engine, settings, result } = reference;
  const intake = result.throughput.contractsPerSecond;
  const rows: ClientBenchRow[] = [
    {
      name: `intake throughput, ${engine} (from the intake benchmark above)`,
      value: Math.round(intake * 10) / 10,
      unit: 'contracts/s',
    },
  ];
  for (const [mode, waitSeconds] of [
    ['outcomes polled', 0],
    ['waitSeconds 10', 10],
  ] as const) {
    const perSecond = await syncBatchRun(reference, waitSeconds);
    rows.push(
      {
        name: `syncBatch throughput (${mode}), ${engine}, ${result.throughput.count} contracts, ${settings.clientConcurrency} submissions in flight`,
        value: Math.round(perSecond * 10) / 10,
        unit: 'contracts/s',
      },
      {
        name: `syncBatch (${mode}) share of the intake throughput`,
        value: Math.round((perSecond / intake) * 100),
        unit: '%',
        target: '>= 90',
      },
    );
  }
  return rows;
}

/** Standalone runs measure the intake first (PGlite, the default sizes), as `pnpm bench` would. */
async function standaloneReference(): Promise<IntakeReference> {
  const { loadBenchContracts } = await import('../../server/bench/contracts.js');
  const { intakeSettingsFromEnv, runIntakeBenchmark } = await import('../../server/bench/intake.bench.js');
  const settings = intakeSettingsFromEnv();
  const needed = settings.warmup + settings.throughputCount + settings.latencyCount;
  const { rootPem, contracts } = await loadBenchContracts(needed);
  const engine: BenchEngine = 'pglite';
  const result = await runIntakeBenchmark({ engine, rootPem, contracts, ...settings, profile: false });
  return { engine, rootPem, contracts, settings, result };
}

export async function runClientBenchmark(reference?: IntakeReference): Promise<ClientBenchRow[]> {
  const standIn = await startStandIn();
  const rows: ClientBenchRow[] = [];
  try {
    // Three fresh processes (JIT decisions and heap layout differ per process); each figure is
    // the median of the three.
    const runs: Overhead[] = [];
    for (let i = 0; i < 3; i++) runs.push(await inChild<Overhead>('--overhead', standIn.url));
    const mid = (pick: (o: Overhead) => number) => median(runs.map(pick));
    rows.push(
      ...overheadRows({
        bareWallUs: mid((o) => o.bareWallUs),
        sdkWallUs: mid((o) => o.sdkWallUs),
        bareCpuUs: mid((o) => o.bareCpuUs),
        sdkCpuUs: mid((o) => o.sdkCpuUs),
        wallOverhead: mid((o) => o.wallOverhead),
        cpuOverhead: mid((o) => o.cpuOverhead),
        requests: runs.reduce((sum, o) => sum + o.requests, 0),
      }),
    );
    rows.push(...(await rssRows(standIn.url)));
  } finally {
    standIn.child.kill();
  }
  rows.push(...(await batchVersusIntake(reference ?? (await standaloneReference()))));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, url, count] = process.argv.slice(2);
  if (mode === '--batch-rss' && url && count) console.log(JSON.stringify(await batchRss(url, Number(count))));
  else if (mode === '--overhead' && url) console.log(JSON.stringify(await measureOverhead(url)));
  else console.table(await runClientBenchmark());
}
