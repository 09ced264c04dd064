import type { SandboxClockRepo } from '../storage/sandbox-clock-repo.js';

/**
 * The Platform's notion of now. In the sandbox it is the real clock plus a stored offset shared by
 * all processes (S2.4), so deadlines can be tested without waiting; production never moves.
 */
export type PlatformClock = {
  now(): Date;
  offsetMs(): number;
  /** Re-reads the shared offset (another process may have moved it). */
  refresh(): Promise<void>;
  setOffsetMs(offset: number): Promise<void>;
  stop(): void;
};

export async function createPlatformClock(
  repo: SandboxClockRepo,
  sandbox: boolean,
  refreshEveryMs = 1000,
): Promise<PlatformClock> {
  let offset = sandbox ? await repo.offsetMs() : 0;
  const timer = sandbox
    ? setInterval(() => {
        repo.offsetMs().then(
          (value) => {
            offset = value;
          },
          () => {},
        );
      }, refreshEveryMs)
    : undefined;
  timer?.unref();
  return {
    now: () => new Date(Date.now() + offset),
    offsetMs: () => offset,
    async refresh() {
      if (sandbox) offset = await repo.offsetMs();
    },
    async setOffsetMs(value) {
      if (!sandbox) throw new Error('the production clock cannot be moved');
      await repo.setOffsetMs(value);
      offset = value;
    },
    stop: () => clearInterval(timer),
  };
}
