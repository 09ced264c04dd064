/**
 * Starts the reference server as a separate process for benchmarks (bench-server.ts: the assembly of
 * src/main.ts plus a measurement channel), so the load generator and the server do not share an event
 * loop. The server is configured only through
 * its environment (configFromEnv): a fresh data directory, a trust directory holding the test PKI's
 * root for CA, TSA and certification, and either embedded PGlite or a fresh PostgreSQL database.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { WindowReport } from './bench-server.js';

export type BenchEngine = 'pglite' | 'postgres';

export type BenchServer = {
  engine: BenchEngine;
  url: string;
  clientId: string;
  clientSecret: string;
  pid: number;
  /** Starts a measured window in the server: CPU time, event-loop utilisation, optionally a CPU profile. */
  startWindow(profile: boolean): Promise<void>;
  /** The server's report, with the CPU time of the PostgreSQL backends serving its database (postgres). */
  stopWindow(): Promise<WindowReport & { databaseCpuMs?: number }>;
  stop(): Promise<void>;
};

export type BenchServerOptions = {
  engine: BenchEngine;
  rootPem: string;
  pipelineConcurrency: number;
  /** Admin connection for creating the benchmark database. */
  postgresAdminUrl?: string;
};

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
/**
 * HDLD_BENCH_SERVER_ROOT runs the server of another checkout (a scratch copy with a candidate fix)
 * under the same load generator: its packages/server/bench/bench-server.ts is started instead.
 */
const SERVER_ROOT = resolve(process.env.HDLD_BENCH_SERVER_ROOT ?? REPO_ROOT);
const ENTRY = join(SERVER_ROOT, 'packages/server/bench/bench-server.ts');

const SOCKET_DIR = '/var/run/postgresql';

/**
 * PostgreSQL on this machine, through its Unix socket when it has one, as a deployment with the
 * database beside the server would connect (TCP loopback cost ~10% more CPU per contract here);
 * HDLD_BENCH_POSTGRES_URL chooses another (e.g. postgres://postgres@127.0.0.1:5432/postgres).
 */
export const DEFAULT_POSTGRES_ADMIN_URL =
  process.env.HDLD_BENCH_POSTGRES_URL ??
  (existsSync(join(SOCKET_DIR, '.s.PGSQL.5432'))
    ? `postgres://postgres@localhost/postgres?host=${SOCKET_DIR}`
    : 'postgres://postgres@127.0.0.1:5432/postgres');

/** How the benchmark reaches PostgreSQL, for the report. */
export function postgresTransport(url = DEFAULT_POSTGRES_ADMIN_URL): string {
  const parsed = new URL(url);
  const socket = parsed.searchParams.get('host');
  return socket?.startsWith('/') ? `its Unix socket in ${socket}` : `TCP to ${parsed.host}`;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** True when a PostgreSQL server answers at the admin URL. */
export async function postgresAvailable(url = DEFAULT_POSTGRES_ADMIN_URL): Promise<boolean> {
  return withAdmin(url, (c) => c.query('SELECT 1')).then(
    () => true,
    () => false,
  );
}

/**
 * CPU time (ms) of each PostgreSQL backend connected to `database`, read from /proc: the server
 * runs on this machine in the benchmark. Empty when /proc cannot be read (another host).
 */
async function backendCpu(adminUrl: string, database: string): Promise<Map<number, number>> {
  const { rows } = await withAdmin(adminUrl, (c) =>
    c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]),
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    const fields = stat?.split(') ')[1]?.split(' ');
    if (fields) cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return cpu;
}

function waitForListening(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('listening on')) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        // Keep draining stderr so the server never blocks on a full pipe; keep the tail for errors.
        child.stderr?.on('data', (more: Buffer) => {
          output.push(more.toString());
          if (output.length > 50) output.shift();
        });
        ok();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before listening:\n${output.join('')}`));
    });
  });
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const root = await mkdtemp(join(tmpdir(), `hdld-bench-server-${options.engine}-`));
  const dataDir = join(root, 'data');
  const trustDir = join(root, 'trust');
  for (const service of ['ca', 'tsa', 'certification']) {
    await mkdir(join(trustDir, service), { recursive: true });
    await writeFile(join(trustDir, service, 'bench-root.pem'), options.rootPem);
  }
  await mkdir(dataDir, { recursive: true });
  const adminUrl = options.postgresAdminUrl ?? DEFAULT_POSTGRES_ADMIN_URL;
  let databaseUrl: string | undefined;
  let database: string | undefined;
  if (options.engine === 'postgres') {
    database = `hdld_bench_${randomUUID().replaceAll('-', '')}`;
    await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${database}`));
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@hdld/source', ENTRY], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HDLD_MODE: 'sandbox',
      HDLD_HOST: '127.0.0.1',
      PORT: String(port),
      HDLD_DATA_DIR: dataDir,
      HDLD_TRUST_DIR: trustDir,
      HDLD_LOG_LEVEL: 'warn',
      HDLD_PIPELINE_CONCURRENCY: String(options.pipelineConcurrency),
      HDLD_RATE_LIMIT_PER_MINUTE: '10000000',
      DATABASE_URL: databaseUrl ?? '',
    },
  });
  const output: string[] = [];
  try {
    await waitForListening(child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const credentials = JSON.parse(await readFile(join(dataDir, 'sandbox-provider.json'), 'utf8')) as {
    clientId: string;
    clientSecret: string;
  };
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  let databaseAtStart: Map<number, number> | undefined;
  const reply = <T>(type: string) =>
    new Promise<T>((ok) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        ok(message as T);
      };
      child.on('message', onMessage);
    });
  return {
    engine: options.engine,
    url: `http://127.0.0.1:${port}`,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    pid: child.pid!,
    async startWindow(profile) {
      if (database) databaseAtStart = await backendCpu(adminUrl, database);
      const started = reply('window-started');
      child.send({ type: 'window-start', profile });
      await started;
    },
    async stopWindow() {
      const report = reply<WindowReport>('window');
      child.send({ type: 'window-stop' });
      if (!database || !databaseAtStart?.size) return report;
      // Backends that ended within the window are missed; the pool keeps its connections while busy.
      let databaseCpuMs = 0;
      for (const [pid, ms] of await backendCpu(adminUrl, database))
        databaseCpuMs += ms - (databaseAtStart.get(pid) ?? 0);
      return { ...(await report), databaseCpuMs };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timeout);
      }
      if (database) {
        await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
