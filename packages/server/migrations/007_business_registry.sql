-- 007_business_registry: the embedded stand-in for the National Business Registration Portal (F8
-- identity check of the employer, N6): tax code -> name, address, registration status. Used by the
-- sandbox (seeded with the sample employers at start, more through registerSandboxIdentities);
-- production asks the portal through the HTTP adapter (src/identity/http-registries.ts).
-- Append-only like 001-006: never edit once released.
CREATE TABLE business_registry (
  tax_code text PRIMARY KEY,
  name text NOT NULL,
  address text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DISSOLVING', 'DISSOLVED', 'REVOKED'))
);
