import { objectIdentifier, sequence, setOf, tlv } from '../documents/cms/der.js';
import { OID } from '../documents/cms/oids.js';

export interface NameSpec {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  /** Citizen ID / tax code style identifier (X.520 serialNumber). */
  serialNumber?: string;
  /**
   * UID attributes (OID 0.9.2342.19200300.100.1.1) as the Vietnamese CA profile writes them:
   * `MST:<tax code>`, `CCCD:<12 digits>`, `CMND:<9 or 12 digits>`, `HC:<passport number>` (F8, N2).
   */
  userIds?: readonly string[];
  /** ISO 3166 code; default 'VN'. */
  country?: string;
}

const utf8String = (value: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(value));
const printableString = (value: string): Uint8Array => tlv(0x13, new TextEncoder().encode(value));

/**
 * DER Name with one attribute per RDN. Vietnamese text is UTF8String (RFC 5280 4.1.2.4); country and serial
 * number are PrintableString as X.520 requires.
 */
export function encodeName(name: NameSpec): Uint8Array {
  const rdns: Array<[string, Uint8Array]> = [[OID.countryName, printableString(name.country ?? 'VN')]];
  if (name.locality) rdns.push([OID.localityName, utf8String(name.locality)]);
  if (name.organization) rdns.push([OID.organizationName, utf8String(name.organization)]);
  if (name.organizationalUnit) rdns.push([OID.organizationalUnitName, utf8String(name.organizationalUnit)]);
  if (name.serialNumber) rdns.push([OID.serialNumber, printableString(name.serialNumber)]);
  for (const userId of name.userIds ?? []) rdns.push([OID.userId, utf8String(userId)]);
  rdns.push([OID.commonName, utf8String(name.commonName)]);
  return sequence(...rdns.map(([type, value]) => setOf([sequence(objectIdentifier(type), value)])));
}
