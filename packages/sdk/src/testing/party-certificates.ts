import type { ContractMainData } from '@hdld/spec';
import { personalIdentifier, taxCodeIdentifier } from '../documents/verify/parties/party-identifiers.js';
import { generateTestKeyPair } from './certificate-factory.js';
import type { NameSpec } from './distinguished-name.js';
import { createIdentity, SIGNING_USAGE, type TestIdentity, type TestPki } from './test-pki.js';

type PersonalIdentity = ContractMainData['employee']['identity'];

/** Who a party certificate names: an employer (organisation or its representative) or an employee. */
export type PartySubject =
  | {
      party: 'EMPLOYER';
      /** The employer's name (CN and O of an organisation certificate). */
      name: string;
      taxCode: string;
      /** Issue the representative's personal certificate (UID of the person and the employer's MST) instead. */
      representative?: { fullName: string; identity: PersonalIdentity };
    }
  | { party: 'EMPLOYEE'; fullName: string; identity: PersonalIdentity };

export interface PartyCertificateOptions {
  /** Reference time of the validity period (a day before to five years after); default now. */
  now?: Date;
  /** Adds a CRL distribution point with this URL. */
  crlUrl?: string;
}

const DAY = 86_400_000;
const cache = new Map<string, Promise<TestIdentity>>();

/** The subject of a party certificate in the Vietnamese CA profile (UID `MST:`, `CCCD:`, `CMND:`, `HC:`). */
export function partyCertificateName(subject: PartySubject): NameSpec {
  if (subject.party === 'EMPLOYEE')
    return { commonName: subject.fullName, userIds: [personalIdentifier(subject.identity)] };
  const mst = taxCodeIdentifier(subject.taxCode);
  const { representative } = subject;
  return representative
    ? {
        commonName: representative.fullName,
        organization: subject.name,
        userIds: [personalIdentifier(representative.identity), mst],
      }
    : { commonName: subject.name, organization: subject.name, userIds: [mst] };
}

/**
 * Issues an EC P-256 signing certificate naming one party (F8, N2) under `issuer` (a CA identity: the test
 * PKI's `intermediate`, or a sandbox CA). Memoised per issuer, subject and options, so a test suite issues
 * each identity once. Test material only.
 */
export function issuePartyCertificate(
  issuer: TestIdentity,
  subject: PartySubject,
  options: PartyCertificateOptions = {},
): Promise<TestIdentity> {
  const key = JSON.stringify([
    issuer.serialNumber.toString(16),
    subject,
    options.now?.toISOString(),
    options.crlUrl,
  ]);
  let identity = cache.get(key);
  if (!identity) {
    identity = generateParty(issuer, subject, options);
    cache.set(key, identity);
    identity.catch(() => cache.delete(key));
  }
  return identity;
}

async function generateParty(
  issuer: TestIdentity,
  subject: PartySubject,
  options: PartyCertificateOptions,
): Promise<TestIdentity> {
  const now = (options.now ?? new Date()).getTime();
  return createIdentity({
    name: partyCertificateName(subject),
    keys: await generateTestKeyPair('ECDSA-P256'),
    issuer,
    validity: [new Date(now - DAY), new Date(now + 5 * 365 * DAY)],
    keyUsage: SIGNING_USAGE,
    crlUrl: options.crlUrl,
  });
}

/**
 * The employer's and the employee's certificates for one contract, from its main data (F8, N2), issued by
 * the test PKI's issuing CA: what the samples, fixtures and the demo sign each contract with. An employer
 * without a tax code gets the test PKI's generic employer certificate (it cannot be bound by MST).
 */
export async function issueContractPartyCertificates(
  pki: TestPki,
  mainData: ContractMainData,
  options: PartyCertificateOptions = {},
): Promise<{ employer: TestIdentity; employee: TestIdentity }> {
  const { employer, employee } = mainData;
  const [employerIdentity, employeeIdentity] = await Promise.all([
    employer.taxCode
      ? issuePartyCertificate(
          pki.intermediate,
          { party: 'EMPLOYER', name: employer.name, taxCode: employer.taxCode },
          options,
        )
      : pki.employer,
    issuePartyCertificate(
      pki.intermediate,
      { party: 'EMPLOYEE', fullName: employee.fullName, identity: employee.identity },
      options,
    ),
  ]);
  return { employer: employerIdentity, employee: employeeIdentity };
}
