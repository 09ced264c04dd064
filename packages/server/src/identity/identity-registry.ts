import type { ContractMainData } from '@hdld/spec';

/**
 * The two national registries the F8 identity check asks (DOMAIN.md "CSDL dân cư", "enterprise
 * registry"). Production plugs in the HTTP adapters (http/http-registries.ts); the sandbox uses the local
 * stand-ins (local-identity-registry.ts). A lookup answers `undefined` when the registry holds no such
 * record and throws RegistryUnavailableError when it cannot answer now (transient: the check is
 * retried later, it never fails the contract).
 */

/** A person as the National Population Database records them. */
export type CitizenRecord = {
  fullName: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
};

/** The employee's identity document as the main data gives it (CCCD, CMND or passport). */
export type PersonIdentity = ContractMainData['employee']['identity'];

export interface PopulationRegistry {
  /**
   * Whether passports can be looked up. When not, a passport is not checked (recording that
   * decision as a warning on the transaction is still open, issue 15).
   */
  readonly checksPassports: boolean;
  findPerson(identity: PersonIdentity): Promise<CitizenRecord | undefined>;
}

/** Registration status in the National Business Registration Portal; only ACTIVE may employ. */
export type EnterpriseStatus = 'ACTIVE' | 'SUSPENDED' | 'DISSOLVING' | 'DISSOLVED' | 'REVOKED';

export const ENTERPRISE_STATUSES: readonly EnterpriseStatus[] = [
  'ACTIVE',
  'SUSPENDED',
  'DISSOLVING',
  'DISSOLVED',
  'REVOKED',
];

/** An enterprise (or branch) as the National Business Registration Portal records it (N6). */
export type EnterpriseRecord = {
  name: string;
  address: string;
  status: EnterpriseStatus;
};

export interface BusinessRegistry {
  findEnterprise(taxCode: string): Promise<EnterpriseRecord | undefined>;
}

/** What the pipeline checks identities against. */
export type IdentityRegistries = {
  population: PopulationRegistry;
  business: BusinessRegistry;
};

export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';
}
