import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/storage/pglite-database.js';

// README.md promise for the embedded engine: after kill -9 every acknowledged commit is there and no
// transaction is half applied (WAL replay on the next start).
it('PGlite keeps every commit and no half transaction after SIGKILL', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'hdld-pglite-crash-'));
  try {
    const writer = spawn(
      process.execPath,
      [fileURLToPath(new URL('./pglite-crash-writer.mjs', import.meta.url)), dataDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let acknowledged = 0;
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    writer.stdout.setEncoding('utf8').on('data', (text: string) => {
      const numbers = [...text.matchAll(/committed (\d+)/g)].map((match) => Number(match[1]));
      acknowledged = Math.max(acknowledged, ...numbers);
      if (acknowledged >= 300) writer.kill('SIGKILL');
    });
    await exited;
    expect(acknowledged).toBeGreaterThanOrEqual(300);

    const db = await openPgliteDatabase(dataDir);
    try {
      const { rows } = await db.query<{ committed: number; torn: number }>(
        'SELECT count(*)::int AS committed, count(*) FILTER (WHERE a <> b)::int AS torn FROM crash_probe',
      );
      expect(rows[0]!.committed).toBeGreaterThanOrEqual(acknowledged);
      expect(rows[0]!.torn).toBe(0);
    } finally {
      await db.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
