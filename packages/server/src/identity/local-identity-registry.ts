import type { Queryable } from '../storage/database.js';
import type { CitizenRecord, EnterpriseRecord, IdentityRegistries } from './identity-registry.js';

export type PersonRegistration = CitizenRecord & { identityNumber: string };
export type EnterpriseRegistration = EnterpriseRecord & { taxCode: string };

export type LocalIdentityRegistries = IdentityRegistries & {
  /** Registers or replaces persons (by identity number); returns how many. */
  register(records: PersonRegistration[]): Promise<number>;
  /** Registers or replaces enterprises (by tax code); returns how many. */
  registerEnterprises(records: EnterpriseRegistration[]): Promise<number>;
};

/**
 * The embedded stand-ins for the National Population Database and the National Business
 * Registration Portal: two seeded tables. In the sandbox, providers register their test persons and
 * enterprises through `registerSandboxIdentities`; the sample employers are seeded at start
 * (sandbox/seed-sandbox-registries.ts). Passports are looked up by number like citizen IDs.
 */
export function createLocalIdentityRegistries(q: Queryable): LocalIdentityRegistries {
  return {
    population: {
      checksPassports: true,
      async findPerson(identity) {
        const { rows } = await q.query<{ full_name: string; date_of_birth: string; sex: 'MALE' | 'FEMALE' }>(
          `SELECT full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, sex
           FROM identity_registry WHERE identity_number = $1`,
          [identity.number],
        );
        const row = rows[0];
        return row && { fullName: row.full_name, dateOfBirth: row.date_of_birth, sex: row.sex };
      },
    },
    business: {
      async findEnterprise(taxCode) {
        const { rows } = await q.query<EnterpriseRecord>(
          'SELECT name, address, status FROM business_registry WHERE tax_code = $1',
          [taxCode],
        );
        return rows[0] && { name: rows[0].name, address: rows[0].address, status: rows[0].status };
      },
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
    async registerEnterprises(records) {
      let count = 0;
      for (const r of records) {
        const { rowCount } = await q.query(
          `INSERT INTO business_registry (tax_code, name, address, status) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tax_code) DO UPDATE SET name = $2, address = $3, status = $4`,
          [r.taxCode, r.name, r.address, r.status],
        );
        count += rowCount;
      }
      return count;
    },
  };
}
