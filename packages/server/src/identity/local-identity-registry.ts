import type { Queryable } from '../storage/database.js';
import type { CitizenRecord, IdentityRegistry } from './identity-registry.js';

/**
 * The embedded stand-in for the National Population Database: a seeded table of citizens. In the
 * sandbox, providers register their test persons through `registerSandboxIdentities`.
 */
export function createLocalIdentityRegistry(q: Queryable): IdentityRegistry & {
  register(records: (CitizenRecord & { identityNumber: string })[]): Promise<number>;
} {
  return {
    async lookup(identityNumber) {
      const { rows } = await q.query<{ full_name: string; date_of_birth: string; sex: 'MALE' | 'FEMALE' }>(
        `SELECT full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex
         FROM identity_registry WHERE identity_number = $1`,
        [identityNumber],
      );
      const row = rows[0];
      return row && { fullName: row.full_name, dateOfBirth: row.date_of_birth, sex: row.sex };
    },
    async register(records) {
      let count = 0;
      for (const r of records) {
        const { rowCount } = await q.query(
          `INSERT INTO identity_registry (identity_number, full_name, date_of_birth, sex) VALUES ($1, $2, $3, $4)
           ON CONFLICT (identity_number) DO UPDATE SET full_name = $2, date_of_birth = $3, sex = $4`,
          [r.identityNumber, r.fullName, r.dateOfBirth, r.sex],
        );
        count += rowCount;
      }
      return count;
    },
  };
}
