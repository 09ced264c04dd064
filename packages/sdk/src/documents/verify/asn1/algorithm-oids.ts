import { OID } from '../../cms/oids.js';

/** Algorithm identifiers the verifier understands, beyond the ones the signer emits (../../cms/oids.ts). */
export const ALGORITHM_OID = {
  ...OID,
  sha1: '1.3.14.3.2.26',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecdsaWithSHA512: '1.2.840.10045.4.3.4',
  secp384r1: '1.3.132.0.34',
  secp521r1: '1.3.132.0.35',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
} as const;

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const HASH_BY_OID: Record<string, HashName> = {
  [ALGORITHM_OID.sha1]: 'SHA-1',
  [ALGORITHM_OID.sha256]: 'SHA-256',
  [ALGORITHM_OID.sha384]: 'SHA-384',
  [ALGORITHM_OID.sha512]: 'SHA-512',
};

export function hashByOid(oid: string): HashName | undefined {
  return HASH_BY_OID[oid];
}
