import type { ContractMainData } from '@hdld/spec';

export type SigningParty = 'EMPLOYER' | 'EMPLOYEE';

type PersonalIdentity = ContractMainData['employee']['identity'];

/** Prefixes of the subject UID attribute in the Vietnamese CA profile (F8, N2). */
const IDENTITY_PREFIX: Record<PersonalIdentity['type'], string> = {
  CCCD: 'CCCD',
  CMND: 'CMND',
  PASSPORT: 'HC',
};

/** `CCCD:001190012345`, `CMND:123456789` or `HC:M12345678`: how a certificate names a person. */
export function personalIdentifier(identity: PersonalIdentity): string {
  return `${IDENTITY_PREFIX[identity.type]}:${identity.number}`;
}

/** `MST:0312345678`: how a certificate names an organisation by its tax code. */
export function taxCodeIdentifier(taxCode: string): string {
  return `MST:${taxCode}`;
}

/**
 * The UID a party's signing certificate must carry, from the contract's main data (F8, N2): the employer's
 * tax code (an organisation certificate, or a representative's personal certificate that also carries the
 * employer's MST), the employee's citizen ID, old ID card or passport. Undefined when the main data has none
 * (an employer without a tax code cannot be bound by certificate).
 */
export function requiredPartyIdentifier(mainData: ContractMainData, party: SigningParty): string | undefined {
  if (party === 'EMPLOYEE') return personalIdentifier(mainData.employee.identity);
  return mainData.employer.taxCode ? taxCodeIdentifier(mainData.employer.taxCode) : undefined;
}
