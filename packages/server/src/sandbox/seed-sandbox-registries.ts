import { SAMPLE_EMPLOYERS } from '@hdld/sdk/documents';
import type { Queryable } from '../storage/database.js';

/**
 * S2.4: the sandbox's business registry knows the sample employers from the start, so contracts made
 * by `hdld demo` or from `sampleContractMainData` pass the employer check (F8) with nothing to
 * register. A record a provider registered or replaced is kept (nothing is overwritten).
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
}
