/**
 * The reference server as the benchmark runs it: the same assembly as src/main.ts (configFromEnv,
 * createPlatform, the sandbox provider, buildApp, listen), plus a small IPC channel so the benchmark
 * can measure exactly its timed window: the server's CPU time (process.cpuUsage), its event-loop
 * utilisation, and on request a V8 CPU profile (node:inspector) of that window only.
 *
 * Messages from the parent: { type: 'window-start', profile: boolean } and { type: 'window-stop' };
 * the answer to window-stop is { type: 'window', cpuMs, wallMs, eventLoopUtilization, profile? }.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/app.js';
import { configFromEnv } from '../src/config/server-config.js';
import { createPlatform } from '../src/platform.js';
import { ensureSandboxProvider } from '../src/providers/sandbox-provider.js';

export type WindowReport = {
  type: 'window';
  cpuMs: number;
  /** CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat); NaN elsewhere. */
  mainThreadCpuMs: number;
  /** CPU time of each other thread (workers, I/O and libuv threads, V8's helpers), largest first. */
  otherThreadsCpuMs: number[];
  wallMs: number;
  /** Share of the window the main thread's event loop was busy (0..1). */
  eventLoopUtilization: number;
  /** V8 CPU profile (Profiler.Profile) when asked for. */
  profile?: unknown;
};

/** User + system CPU of one thread of this process, in ms (clock ticks of 10 ms), NaN when unknown. */
function threadCpuMs(tid: number): number {
  try {
    const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** CPU time of every thread of this process, by thread id. */
function threadsCpuMs(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task', { withFileTypes: false }).map(Number))
    cpu.set(tid, threadCpuMs(tid));
  return cpu;
}

async function main(): Promise<void> {
  const config = configFromEnv();
  const platform = await createPlatform(config);
  await ensureSandboxProvider(platform.storage, config.dataDir);
  const app = await buildApp(platform, { logger: { level: config.logLevel } });
  let window:
    | {
        cpu: NodeJS.CpuUsage;
        mainCpuMs: number;
        threads: Map<number, number>;
        start: number;
        elu: ReturnType<typeof performance.eventLoopUtilization>;
      }
    | undefined;
  let session: Session | undefined;
  process.on('message', (message: { type: string; profile?: boolean }) => {
    void (async () => {
      if (message.type === 'window-start') {
        if (message.profile) {
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: 500 });
          await session.post('Profiler.start');
        }
        window = {
          cpu: process.cpuUsage(),
          mainCpuMs: threadCpuMs(process.pid),
          threads: process.platform === 'linux' ? threadsCpuMs() : new Map(),
          start: performance.now(),
          elu: performance.eventLoopUtilization(),
        };
        process.send?.({ type: 'window-started' });
      } else if (message.type === 'window-stop' && window) {
        const cpu = process.cpuUsage(window.cpu);
        const report: WindowReport = {
          type: 'window',
          cpuMs: (cpu.user + cpu.system) / 1000,
          mainThreadCpuMs: threadCpuMs(process.pid) - window.mainCpuMs,
          otherThreadsCpuMs: [...(process.platform === 'linux' ? threadsCpuMs() : new Map<number, number>())]
            .filter(([tid]) => tid !== process.pid)
            .map(([tid, ms]) => ms - (window!.threads.get(tid) ?? 0))
            .filter((ms) => ms > 0)
            .sort((a, b) => b - a),
          wallMs: performance.now() - window.start,
          eventLoopUtilization: performance.eventLoopUtilization(window.elu).utilization,
        };
        if (session) {
          const { profile } = await session.post('Profiler.stop');
          report.profile = profile;
          session.disconnect();
          session = undefined;
        }
        window = undefined;
        process.send?.(report);
      }
    })();
  });
  const shutdown = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('disconnect', () => void shutdown());
  const address = await app.listen({ host: config.host, port: config.port });
  process.stderr.write(`hdld bench server listening on ${address}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
