/**
 * Intake over HTTP (issue 4): real signed ~200 KB contracts POSTed to a reference server running in
 * its own process, each verified (2 PAdES B-T signatures, certification evidence, identity, labor
 * rules), given an ID and persisted. Measured per storage engine:
 *
 * - throughput: distinct contracts sent with `clientConcurrency` of them in flight (POSTed, not yet
 *   final), until `throughputCount` are sent or `throughputSeconds` have passed; contracts per second
 *   from the first POST until the last one is SUCCEEDED (seen by a poller walking them in order);
 * - latency at half load: single submissions sent open-loop at half the measured peak rate, each
 *   polled every `pollMs` until final; latency = POST start to the first poll that sees it final.
 *
 * Run alone: npx tsx --conditions=@hdld/source packages/server/bench/intake.bench.ts [pglite|postgres]
 */
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { type BenchContract, loadBenchContracts } from './contracts.js';
import type { CpuProfile } from './profile-summary.js';
import { type BenchEngine, type BenchServer, startBenchServer } from './server-process.js';

export type IntakeBenchOptions = IntakeSettings & {
  engine: BenchEngine;
  rootPem: string;
  /** Contracts for warm-up, throughput and latency, in that order (distinct contracts). */
  contracts: BenchContract[];
  /** Take a V8 CPU profile of the server during the throughput phase. */
  profile: boolean;
  log?: (line: string) => void;
};

export type Percentiles = { p50: number; p90: number; p99: number; max: number; count: number };

export type IntakeBenchResult = {
  engine: BenchEngine;
  throughput: {
    contractsPerSecond: number;
    count: number;
    elapsedMs: number;
    clientConcurrency: number;
    pipelineConcurrency: number;
    /** POST → final outcome of each contract during the throughput phase (queueing included). */
    outcome: Percentiles;
    /** Server CPU time per contract (user + system, all threads of the server process). */
    serverCpuMsPerContract: number;
    /** Of which on the main thread (HTTP, JSON, database client): the rest is worker and I/O threads. */
    mainThreadCpuMsPerContract: number;
    /** CPU of the PostgreSQL backends serving the server, per contract (postgres only). */
    databaseCpuMsPerContract?: number;
    /** The other threads' CPU per contract, largest first (worker threads lead). */
    otherThreadsCpuMsPerContract: number[];
    /** CPU of this load generator per contract: it shares the machine with the server. */
    clientCpuMsPerContract: number;
    /** Share of the window the server's main event loop was busy. */
    eventLoopUtilization: number;
  };
  latency: Percentiles & { ratePerSecond: number; pollMs: number };
  profile?: unknown;
};

type Answer = { status: number; text: string };
type Api = (
  path: string,
  init?: { method?: string; body?: Buffer; headers?: Record<string, string> },
) => Promise<Answer>;

/**
 * A lean HTTP client for the load: node:http on a keep-alive agent with a socket per contract in
 * flight, bodies encoded once beforehand. It shares the 2 cores with the server, so every
 * millisecond it spends is one the server does not get (fetch cost ~4 ms of CPU per contract here).
 */
async function connect(server: BenchServer, sockets: number): Promise<{ api: Api; close(): void }> {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(server.url);
  let token = '';
  const api: Api = (path, init = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...init.headers };
      if (token) headers.authorization = `Bearer ${token}`;
      if (init.body) {
        headers['content-type'] ??= 'application/json';
        headers['content-length'] = init.body.byteLength;
      }
      const call = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path,
          headers,
          method: init.method ?? (init.body ? 'POST' : 'GET'),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      call.on('error', reject);
      call.end(init.body);
    });
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: server.clientId,
    client_secret: server.clientSecret,
  });
  const answer = await api('/v1/oauth/token', {
    body: Buffer.from(form.toString()),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (answer.status !== 200) throw new Error(`token: ${answer.status} ${answer.text}`);
  token = (JSON.parse(answer.text) as { access_token: string }).access_token;
  return { api, close: () => agent.destroy() };
}

const FINAL = new Set(['SUCCEEDED', 'FAILED']);
type TransactionView = {
  transactionId: string;
  status: string;
  replay?: boolean;
  errors?: { code: string; message?: string }[];
};

/** The server is asked to answer with the outcome (Prefer: wait, 201) rather than be polled for it. */
const WAIT_SECONDS = 10;

async function transaction(api: Api, id: string): Promise<TransactionView> {
  const answer = await api(`/v1/transactions/${id}`);
  if (answer.status !== 200) throw new Error(`get ${id}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as TransactionView;
}

function checkOutcome(view: TransactionView): void {
  if (view.status !== 'SUCCEEDED')
    throw new Error(`transaction ${view.transactionId} ${view.status}: ${JSON.stringify(view.errors)}`);
  if (view.replay)
    throw new Error(`transaction ${view.transactionId} was a replay: contracts must be distinct`);
}

/**
 * One contract from POST to its checked outcome: answered final (201) within the wait, or polled
 * every `pollMs` when the server answered 202 (it was not final within the wait). Milliseconds.
 */
async function submitUntilFinal(api: Api, body: Buffer, pollMs: number): Promise<number> {
  const start = performance.now();
  const answer = await api('/v1/contracts', {
    body,
    headers: { 'idempotency-key': randomUUID(), prefer: `wait=${WAIT_SECONDS}` },
  });
  if (answer.status !== 201 && answer.status !== 202)
    throw new Error(`submit: ${answer.status} ${answer.text}`);
  let view = JSON.parse(answer.text) as TransactionView;
  while (!FINAL.has(view.status)) {
    if (performance.now() - start > 60_000)
      throw new Error(`transaction ${view.transactionId} still ${view.status} after 60 s`);
    await sleep(pollMs);
    view = await transaction(api, view.transactionId);
  }
  checkOutcome(view);
  return performance.now() - start;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return {
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.at(-1) ?? Number.NaN,
    count: sorted.length,
  };
}

/**
 * Keeps `concurrency` contracts in flight (POSTed and not yet final) until `bodies` are used up or
 * `maxMs` has passed, then waits for the last ones.
 */
async function closedLoop(
  api: Api,
  bodies: Buffer[],
  concurrency: number,
  pollMs: number,
  maxMs = Number.POSITIVE_INFINITY,
) {
  const outcomeMs: number[] = [];
  let next = 0;
  const start = performance.now();
  const lanes = Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
    while (next < bodies.length && performance.now() - start < maxMs) {
      outcomeMs.push(await submitUntilFinal(api, bodies[next++]!, pollMs));
    }
  });
  await Promise.all(lanes);
  return { elapsedMs: performance.now() - start, outcomeMs, count: outcomeMs.length };
}

/** Sends `bodies` one by one at `ratePerSecond` (open loop) and measures each until final. */
async function openLoop(
  api: Api,
  bodies: Buffer[],
  ratePerSecond: number,
  pollMs: number,
): Promise<number[]> {
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  const one = async (body: Buffer, i: number) => {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    return submitUntilFinal(api, body, pollMs);
  };
  return Promise.all(bodies.map(one));
}

/** Sizes and knobs, from HDLD_BENCH_* variables; the defaults keep `pnpm bench` within a few minutes. */
export function intakeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const n = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
    return value;
  };
  return {
    warmup: n('HDLD_BENCH_WARMUP', 100),
    /** Most contracts of the throughput phase (it also stops submitting after throughputSeconds). */
    throughputCount: n('HDLD_BENCH_THROUGHPUT_COUNT', 1500),
    throughputSeconds: n('HDLD_BENCH_THROUGHPUT_SECONDS', 20),
    /** Most single submissions of the latency phase (it also stops after latencySeconds of sending). */
    latencyCount: n('HDLD_BENCH_LATENCY_COUNT', 100),
    latencySeconds: n('HDLD_BENCH_LATENCY_SECONDS', 8),
    clientConcurrency: n('HDLD_BENCH_CLIENT_CONCURRENCY', 16),
    pipelineConcurrency: n('HDLD_BENCH_PIPELINE_CONCURRENCY', 4),
    pollMs: n('HDLD_BENCH_POLL_MS', 10),
  };
}

export type IntakeSettings = ReturnType<typeof intakeSettingsFromEnv>;

export async function runIntakeBenchmark(options: IntakeBenchOptions): Promise<IntakeBenchResult> {
  const log = options.log ?? (() => {});
  const { warmup, throughputCount, latencyCount } = options;
  const needed = warmup + throughputCount + latencyCount;
  if (options.contracts.length < needed)
    throw new Error(`need ${needed} contracts, have ${options.contracts.length}`);
  const bodies = options.contracts.slice(0, needed).map((c) => Buffer.from(JSON.stringify(c.submission)));
  const server = await startBenchServer({
    engine: options.engine,
    rootPem: options.rootPem,
    pipelineConcurrency: options.pipelineConcurrency,
  });
  let client: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    client = await connect(server, options.clientConcurrency);
    const { api } = client;
    // Passport holders are not looked up in the population registry (and have no CCCD/CMND number).
    const identities = options.contracts
      .slice(0, needed)
      .map((c) => c.identity)
      .filter((i) => /^(?:\d{12}|\d{9})$/.test(i.identityNumber));
    for (let i = 0; i < identities.length; i += 1000) {
      const answer = await api('/v1/sandbox/identities', {
        body: Buffer.from(JSON.stringify({ identities: identities.slice(i, i + 1000) })),
      });
      if (answer.status !== 200) throw new Error(`identities: ${answer.status} ${answer.text}`);
    }
    log(`  ${options.engine}: warm-up, ${warmup} contracts`);
    await closedLoop(api, bodies.slice(0, warmup), options.clientConcurrency, options.pollMs);

    log(
      `  ${options.engine}: throughput, up to ${throughputCount} contracts or ${options.throughputSeconds} s, ${options.clientConcurrency} in flight`,
    );
    await server.startWindow(options.profile);
    const clientCpu = process.cpuUsage();
    const peak = await closedLoop(
      api,
      bodies.slice(warmup, warmup + throughputCount),
      options.clientConcurrency,
      options.pollMs,
      options.throughputSeconds * 1000,
    );
    const clientCpuUsed = process.cpuUsage(clientCpu);
    const window = await server.stopWindow();
    const contractsPerSecond = (peak.count * 1000) / peak.elapsedMs;

    const ratePerSecond = contractsPerSecond / 2;
    const singles = Math.max(
      Math.min(10, latencyCount),
      Math.min(latencyCount, Math.round(ratePerSecond * options.latencySeconds)),
    );
    log(`  ${options.engine}: latency, ${singles} single submissions at ${ratePerSecond.toFixed(1)}/s`);
    const latencies = await openLoop(
      api,
      bodies.slice(warmup + throughputCount, warmup + throughputCount + singles),
      ratePerSecond,
      options.pollMs,
    );
    return {
      engine: options.engine,
      throughput: {
        contractsPerSecond,
        count: peak.count,
        elapsedMs: peak.elapsedMs,
        clientConcurrency: options.clientConcurrency,
        pipelineConcurrency: options.pipelineConcurrency,
        outcome: percentiles(peak.outcomeMs),
        serverCpuMsPerContract: window.cpuMs / peak.count,
        // A server from an older checkout (HDLD_BENCH_SERVER_ROOT) reports only the total.
        mainThreadCpuMsPerContract: (window.mainThreadCpuMs ?? Number.NaN) / peak.count,
        otherThreadsCpuMsPerContract: (window.otherThreadsCpuMs ?? []).map((ms) => ms / peak.count),
        clientCpuMsPerContract: (clientCpuUsed.user + clientCpuUsed.system) / 1000 / peak.count,
        databaseCpuMsPerContract:
          window.databaseCpuMs === undefined ? undefined : window.databaseCpuMs / peak.count,
        eventLoopUtilization: window.eventLoopUtilization,
      },
      latency: { ...percentiles(latencies), ratePerSecond, pollMs: options.pollMs },
      profile: window.profile,
    };
  } finally {
    client?.close();
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engine = (process.argv[2] ?? 'pglite') as BenchEngine;
  const settings = intakeSettingsFromEnv();
  const { rootPem, contracts } = await loadBenchContracts(
    settings.warmup + settings.throughputCount + settings.latencyCount,
    console.log,
  );
  const result = await runIntakeBenchmark({
    engine,
    rootPem,
    contracts,
    ...settings,
    profile: process.env.HDLD_BENCH_PROFILE === '1',
    log: console.log,
  });
  console.log(JSON.stringify({ ...result, profile: undefined }, null, 2));
  if (result.profile) {
    const { writeFile } = await import('node:fs/promises');
    const { summarizeProfile } = await import('./profile-summary.js');
    const file = `${tmpdir()}/hdld-bench-${engine}.cpuprofile`;
    await writeFile(file, JSON.stringify(result.profile));
    console.log(`profile: ${file}`);
    const summary = summarizeProfile(result.profile as CpuProfile, 25);
    const rows = (entries: typeof summary.places) =>
      entries.map((e) => ({ ...e, ms: Math.round(e.ms), share: `${(e.share * 100).toFixed(1)}%` }));
    console.table(rows(summary.places));
    console.table(rows(summary.functions));
  }
}
