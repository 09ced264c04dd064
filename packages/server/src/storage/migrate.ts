import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export interface Migration {
  /** File name without `.sql`, e.g. `001_init`; applied in lexical order. */
  version: string;
  sql: string;
  sha256: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Arbitrary constant shared by every server process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 3_372_025;
const MIGRATION_FILE = /^\d{3,}_[a-z0-9_]+\.sql$/;

/**
 * Applies pending migrations in one transaction (Postgres DDL is transactional, so a failed run leaves
 * nothing behind). The transaction first takes an advisory lock, so when several processes start at
 * once the others wait and then find everything applied. A changed, already applied file is an error:
 * migrations are append-only.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<MigrationReport> {
  const pending = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY,
      sha256 char(64) NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query<{ version: string; sha256: string }>(
      'SELECT version, sha256 FROM schema_migrations',
    );
    const appliedSha = new Map(rows.map((row) => [row.version, row.sha256]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of pending) {
      const previous = appliedSha.get(migration.version);
      if (previous !== undefined) {
        if (previous !== migration.sha256) {
          throw new Error(`migration ${migration.version} was changed after it was applied`);
        }
        report.alreadyApplied.push(migration.version);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, sha256) VALUES ($1, $2)', [
        migration.version,
        migration.sha256,
      ]);
      report.applied.push(migration.version);
    }
    return report;
  });
}

/** Reads `migrations/*.sql` shipped with the package (see package.json "files"). */
export async function loadMigrations(dir: string = findMigrationsDir()): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => MIGRATION_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      // Normalised so a CRLF checkout does not look like an edited migration.
      const sql = (await readFile(join(dir, name), 'utf8')).replaceAll('\r\n', '\n');
      return {
        version: name.replace(/\.sql$/, ''),
        sql,
        sha256: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

/**
 * The package's `migrations/` folder, found by walking up from this module: it is two levels up when
 * running from `src/storage/` and one level up from the bundled `dist/`.
 */
function findMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations directory not found next to the @hdld/server package.json');
}
