import { isValidContractId } from '@hdld/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createSerialPermutation } from '../../src/ids/feistel.js';
import { issueContractId, issuingYear } from '../../src/ids/issue-contract-id.js';
import { migrate } from '../../src/storage/migrate.js';
import { createTestDatabase, engines, type TestDatabase } from '../support/databases.js';

// F9/N3: IDs from one sequence, permuted, with check digits; unique across concurrent processes.
const secret = 'test-secret-that-is-at-least-32-bytes-long';

describe('issuing year', () => {
  it('is the calendar year in Vietnam (UTC+7)', () => {
    expect(issuingYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(issuingYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});

describe.each(engines)('issueContractId on %s', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('issues valid, distinct IDs carrying the year, whose serials are the sequence', async () => {
    database = await createTestDatabase(engine);
    const db = await database.open();
    await migrate(db);
    const ids: string[] = [];
    for (let index = 0; index < 50; index++) ids.push(await issueContractId(db, { year: 2026, secret }));

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^26\d{14}$/);
      expect(isValidContractId(id)).toBe(true);
    }
    const permutation = createSerialPermutation(secret);
    expect(ids.map((id) => permutation.unpermute(Number(id.slice(2, 14))))).toEqual(
      Array.from({ length: 50 }, (_, index) => index),
    );
  });

  it('never reuses a number consumed by a rolled-back transaction', async () => {
    database = await createTestDatabase(engine);
    const db = await database.open();
    await migrate(db);
    let abandoned = '';
    await db
      .transaction(async (tx) => {
        abandoned = await issueContractId(tx, { year: 2026, secret });
        throw new Error('a later check failed');
      })
      .catch(() => undefined);
    const next = await issueContractId(db, { year: 2026, secret });
    expect(isValidContractId(abandoned)).toBe(true);
    expect(next).not.toBe(abandoned);
  });
});

describe.runIf(engines.includes('postgres'))('issueContractId from two processes at once', () => {
  it('hands out distinct valid IDs from two pools issuing in parallel', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const [first, second] = await Promise.all([database.open(), database.open()]);
      await migrate(first!);
      const issueMany = (db: typeof first) =>
        Promise.all(
          Array.from({ length: 100 }, () =>
            db!.transaction((tx) => issueContractId(tx, { year: 2026, secret })),
          ),
        );
      const [fromFirst, fromSecond] = await Promise.all([issueMany(first), issueMany(second)]);
      const all = [...fromFirst, ...fromSecond];
      expect(new Set(all).size).toBe(200);
      expect(all.every(isValidContractId)).toBe(true);
    } finally {
      await database.drop();
    }
  });
});
