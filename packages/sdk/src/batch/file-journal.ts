import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Journal, JournalRecord } from './journal.js';

type Waiting = { line: string; resolve(): void; reject(error: unknown): void };

/**
 * Node only: the journal as an append-only NDJSON file, one record per line. `append` resolves once
 * its line is on disk (fdatasync), so an intent survives a crash of the process or the machine.
 * Concurrent appends share one write and one sync (group commit), so durability does not cap the
 * batch's throughput. A torn last line (power cut mid-write) is ignored on reading.
 */
export async function openFileJournal(path: string): Promise<Journal> {
  const file = await open(path, 'a');
  let waiting: Waiting[] = [];
  let flushing: Promise<void> | undefined;

  const flush = async () => {
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await file.write(group.map((w) => w.line).join(''));
        await file.datasync();
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    flushing = undefined;
  };

  return {
    async *read() {
      const input = createReadStream(path, { encoding: 'utf8' });
      for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
        if (line.trim() === '') continue;
        try {
          yield JSON.parse(line) as JournalRecord;
        } catch {
          // Only the last line can be torn; every earlier one was synced whole.
        }
      }
    },
    append(record) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      await flushing;
      await file.close();
    },
  };
}
