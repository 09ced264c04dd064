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
    /** POST → 202 acknowledgement during the throughput phase. */
    acknowledgement: Percentiles;
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

type Api = (
  path: string,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<Response>;

async function connect(server: BenchServer): Promise<Api> {
  const response = await fetch(`${server.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: server.clientId,
      client_secret: server.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return (path, init = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body,
    });
}

const FINAL = new Set(['SUCCEEDED', 'FAILED']);
type TransactionView = {
  transactionId: string;
  status: string;
  replay?: boolean;
  errors?: { code: string; message?: string }[];
};

async function submit(api: Api, body: string): Promise<string> {
  const response = await api('/v1/contracts', { body, headers: { 'idempotency-key': randomUUID() } });
  if (response.status !== 202) throw new Error(`submit: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { transactionId: string }).transactionId;
}

async function transaction(api: Api, id: string): Promise<TransactionView> {
  const response = await api(`/v1/transactions/${id}`);
  if (!response.ok) throw new Error(`get ${id}: ${response.status} ${await response.text()}`);
  return (await response.json()) as TransactionView;
}

function checkOutcome(view: TransactionView): void {
  if (view.status !== 'SUCCEEDED')
    throw new Error(`transaction ${view.transactionId} ${view.status}: ${JSON.stringify(view.errors)}`);
  if (view.replay)
    throw new Error(`transaction ${view.transactionId} was a replay: contracts must be distinct`);
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
 * `maxMs` has passed, then waits for the last ones. A single poller walks the transactions in
 * submission order (the pipeline takes jobs roughly FIFO), so it mostly waits on the oldest
 * unfinished one and costs about one GET per contract; it frees a slot for each final transaction.
 */
async function closedLoop(api: Api, bodies: string[], concurrency: number, maxMs = Number.POSITIVE_INFINITY) {
  const ids: string[] = [];
  const ackMs: number[] = [];
  let next = 0;
  let checked = 0;
  let failure: unknown;
  let waiting: (() => void)[] = [];
  const wakeAll = () => {
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };
  const start = performance.now();
  const more = () => failure === undefined && next < bodies.length && performance.now() - start < maxMs;
  const lanes = Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
    while (more()) {
      while (next - checked >= concurrency && failure === undefined)
        await new Promise<void>((ok) => waiting.push(ok));
      if (!more()) return;
      const i = next++;
      const t = performance.now();
      ids[i] = await submit(api, bodies[i]!);
      ackMs.push(performance.now() - t);
    }
  });
  const lanesDone = Promise.all(lanes).then(() => true);
  let since = performance.now();
  const poller = (async () => {
    for (;;) {
      const id = ids[checked];
      if (id === undefined) {
        if (checked >= next && (await Promise.race([lanesDone, sleep(5).then(() => false)]))) return;
        await sleep(5);
        continue;
      }
      const view = await transaction(api, id);
      if (FINAL.has(view.status)) {
        checkOutcome(view);
        checked++;
        since = performance.now();
        wakeAll();
      } else {
        if (performance.now() - since > 60_000)
          throw new Error(`transaction ${id} still ${view.status} after 60 s`);
        await sleep(10);
      }
    }
  })().catch((error: unknown) => {
    failure = error;
    wakeAll();
  });
  await poller;
  await Promise.all(lanes);
  if (failure) throw failure;
  return { elapsedMs: performance.now() - start, ackMs, count: checked };
}

/** Sends `bodies` one by one at `ratePerSecond` (open loop) and measures each until final. */
async function openLoop(
  api: Api,
  bodies: string[],
  ratePerSecond: number,
  pollMs: number,
): Promise<number[]> {
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  const one = async (body: string, i: number) => {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const t = performance.now();
    const id = await submit(api, body);
    for (;;) {
      const view = await transaction(api, id);
      if (FINAL.has(view.status)) {
        checkOutcome(view);
        return performance.now() - t;
      }
      await sleep(pollMs);
    }
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
    warmup: n('HDLD_BENCH_WARMUP', 10),
    /** Most contracts of the throughput phase (it also stops submitting after throughputSeconds). */
    throughputCount: n('HDLD_BENCH_THROUGHPUT_COUNT', 250),
    throughputSeconds: n('HDLD_BENCH_THROUGHPUT_SECONDS', 15),
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
  const bodies = options.contracts.slice(0, needed).map((c) => JSON.stringify(c.submission));
  const server = await startBenchServer({
    engine: options.engine,
    rootPem: options.rootPem,
    pipelineConcurrency: options.pipelineConcurrency,
  });
  try {
    const api = await connect(server);
    // Passport holders are not looked up in the population registry (and have no CCCD/CMND number).
    const identities = options.contracts
      .slice(0, needed)
      .map((c) => c.identity)
      .filter((i) => /^(?:\d{12}|\d{9})$/.test(i.identityNumber));
    for (let i = 0; i < identities.length; i += 1000) {
      const response = await api('/v1/sandbox/identities', {
        body: JSON.stringify({ identities: identities.slice(i, i + 1000) }),
      });
      if (!response.ok) throw new Error(`identities: ${response.status} ${await response.text()}`);
    }
    log(`  ${options.engine}: warm-up, ${warmup} contracts`);
    await closedLoop(api, bodies.slice(0, warmup), options.clientConcurrency);

    log(
      `  ${options.engine}: throughput, up to ${throughputCount} contracts or ${options.throughputSeconds} s, ${options.clientConcurrency} in flight`,
    );
    await server.startWindow(options.profile);
    const clientCpu = process.cpuUsage();
    const peak = await closedLoop(
      api,
      bodies.slice(warmup, warmup + throughputCount),
      options.clientConcurrency,
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
        acknowledgement: percentiles(peak.ackMs),
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
