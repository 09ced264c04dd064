/**
 * The National Population Database as the Platform sees it (DOMAIN.md "CSDL dân cư", F8 identity
 * check). Production plugs in the real connector; the sandbox uses the local registry.
 */
export type CitizenRecord = {
  fullName: string;
  dateOfBirth: string;
  sex: 'MALE' | 'FEMALE';
};

export interface IdentityRegistry {
  /** Undefined when the number is unknown; throws RegistryUnavailableError when it cannot answer now. */
  lookup(identityNumber: string): Promise<CitizenRecord | undefined>;
}

export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';
}
