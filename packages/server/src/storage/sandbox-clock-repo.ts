import type { Queryable } from './database.js';
import { toNumber } from './sql-values.js';

export type SandboxClockRepo = ReturnType<typeof createSandboxClockRepo>;

/**
 * S2.4 test environment: a persisted offset added to the real clock, shared by every server process, so
 * integrators can exercise deadlines (late submission, Art. 8) without waiting.
 */
export function createSandboxClockRepo(q: Queryable) {
  const offsetMs = async (): Promise<number> => {
    const { rows } = await q.query<{ offset_ms: unknown }>('SELECT offset_ms FROM sandbox_clock');
    return rows[0] ? toNumber(rows[0].offset_ms) : 0;
  };
  return {
    offsetMs,

    async setOffsetMs(offset: number): Promise<void> {
      if (!Number.isSafeInteger(offset))
        throw new RangeError('offset must be an integer number of milliseconds');
      await q.query('UPDATE sandbox_clock SET offset_ms = $1', [offset]);
    },

    /** The sandbox's "now": `realNow` shifted by the stored offset. */
    async now(realNow: Date = new Date()): Promise<Date> {
      return new Date(realNow.getTime() + (await offsetMs()));
    },
  };
}
