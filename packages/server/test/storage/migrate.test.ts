import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/storage/migrate.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// N1-N5 storage: the same SQL migrations on both engines, applied at start and safe to run concurrently.
describe.each(engines)('migrate on %s', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('applies every migration once, then finds nothing to do', async () => {
    database = await createTestDatabase(engine);
    const db = await database.open();
    const versions = (await loadMigrations()).map((migration) => migration.version);
    expect(versions[0]).toBe('001_init');

    expect(await migrate(db)).toEqual({ applied: versions, alreadyApplied: [] });
    expect(await migrate(db)).toEqual({ applied: [], alreadyApplied: versions });

    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'api_calls',
      'business_registry',
      'contracts',
      'documents',
      'explanation_attachments',
      'explanation_transactions',
      'explanations',
      'idempotency_keys',
      'identity_registry',
      'jobs',
      'operators',
      'outbox',
      'provider_reports',
      'provider_status_history',
      'providers',
      'sandbox_clock',
      'schema_migrations',
      'secret_fingerprints',
      'transaction_files',
      'transactions',
      'violation_actions',
      'violation_report_lines',
      'violation_reports',
    ]);
  });

  it('refuses a migration that changed after it was applied', async () => {
    database = await createTestDatabase(engine);
    const db = await database.open();
    const migrations = await loadMigrations();
    await migrate(db, migrations);
    const edited = migrations.map((migration) => ({ ...migration, sha256: '0'.repeat(64) }));
    await expect(migrate(db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls a failing migration back completely', async () => {
    database = await createTestDatabase(engine);
    const db = await database.open();
    const broken = [
      { version: '001_ok', sql: 'CREATE TABLE first_table (id int);', sha256: 'a'.repeat(64) },
      {
        version: '002_broken',
        sql: 'CREATE TABLE second_table (id nonexistent_type);',
        sha256: 'b'.repeat(64),
      },
    ];
    await expect(migrate(db, broken)).rejects.toThrow();
    const { rows } = await db.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'first_table'`,
    );
    expect(rows).toHaveLength(0);
  });
});

describe.runIf(engines.includes('postgres'))('migrate on postgres from several processes at once', () => {
  it('applies each migration exactly once while four pools race', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const pools = await Promise.all([1, 2, 3, 4].map(() => database.open()));
      const reports = await Promise.all(pools.map((db) => migrate(db)));
      const versions = (await loadMigrations()).map((migration) => migration.version);
      expect(reports.flatMap((report) => report.applied).sort()).toEqual(versions);
      const { rows } = await pools[0]!.query<{ count: string }>(
        'SELECT count(*) AS count FROM schema_migrations',
      );
      expect(Number(rows[0]!.count)).toBe(versions.length);
    } finally {
      await database.drop();
    }
  });
});
