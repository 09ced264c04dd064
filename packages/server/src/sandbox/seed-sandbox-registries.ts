import { SAMPLE_EMPLOYERS } from '@hdld/sdk/documents';
import type { Queryable } from '../storage/database.js';
import { sandboxSampleEmployees } from './sandbox-pki.js';

/**
 * S2.4: the sandbox's registries know the sample employers and the employees of the sandbox PKI's party
 * certificates from the start, so contracts made by `hdld demo` or from `sampleContractMainData` pass the
 * identity checks (F8) with nothing to register. A record a provider registered or replaced is kept
 * (nothing is overwritten).
 */
export async function seedSandboxRegistries(q: Queryable): Promise<void> {
  await q.query(
    `INSERT INTO business_registry (tax_code, name, address, status)
     SELECT tax_code, name, address, 'ACTIVE' FROM unnest($1::text[], $2::text[], $3::text[]) AS e (tax_code, name, address)
     ON CONFLICT (tax_code) DO NOTHING`,
    [
      SAMPLE_EMPLOYERS.map((e) => e.taxCode),
      SAMPLE_EMPLOYERS.map((e) => e.name),
      SAMPLE_EMPLOYERS.map((e) => e.address),
    ],
  );
  const employees = sandboxSampleEmployees();
  await q.query(
    `INSERT INTO identity_registry (identity_number, full_name, date_of_birth, sex)
     SELECT n, f, d::date, s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p (n, f, d, s)
     ON CONFLICT (identity_number) DO NOTHING`,
    [
      employees.map((e) => e.identity.number),
      employees.map((e) => e.fullName),
      employees.map((e) => e.dateOfBirth),
      employees.map((e) => e.sex),
    ],
  );
}
