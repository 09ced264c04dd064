// Child process for pglite-crash.test.ts: commits two-statement transactions forever, reporting each
// commit on stdout, until the test kills it with SIGKILL.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create({ dataDir: process.argv[2] });
await db.exec(
  'CREATE TABLE IF NOT EXISTS crash_probe (id serial PRIMARY KEY, a int NOT NULL, b int NOT NULL)',
);
for (let index = 1; ; index++) {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO crash_probe (a, b) VALUES ($1, 0)', [index]);
    await tx.query('UPDATE crash_probe SET b = a WHERE a = $1', [index]);
  });
  process.stdout.write(`committed ${index}\n`);
}
