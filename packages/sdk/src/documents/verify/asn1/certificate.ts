import { bytesEqual } from '../../cms/bytes.js';
import { ALGORITHM_OID } from './algorithm-oids.js';
import {
  children,
  contentOf,
  contextTag,
  type DerElement,
  DerError,
  encodingOf,
  expectTag,
  readBitString,
  readBoolean,
  readElement,
  readIntegerHex,
  readOctetAlignedBitString,
  readOctetString,
  readOid,
  readRoot,
  readSmallInteger,
  readString,
  readTime,
  TAG,
} from './der-reader.js';

/** keyUsage bits (RFC 5280 4.2.1.3) the verifier checks. */
export const KEY_USAGE = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;

export interface AlgorithmIdentifier {
  oid: string;
  /** Full DER of the parameters, when present (RSASSA-PSS needs them). */
  parameters?: Uint8Array;
}

/** The fields of an X.509 certificate the verifier needs, read once (no object graph). */
export interface ParsedCertificate {
  der: Uint8Array;
  /** Exact DER of tbsCertificate: what the issuer signed. */
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  serialNumberHex: string;
  /** Full DER of the serialNumber INTEGER (for issuer+serial matching). */
  serialNumberDer: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  subjectCommonName?: string;
  /** Subject UID attributes (`MST:…`, `CCCD:…`, `HC:…`), which bind a signature to a party (F8, N2). */
  subjectUserIds: string[];
  issuerCommonName?: string;
  notBefore: Date;
  notAfter: Date;
  /** Full DER of SubjectPublicKeyInfo (WebCrypto imports it as 'spki'). */
  spki: Uint8Array;
  publicKeyAlgorithm: string;
  /** Curve OID for EC keys. */
  namedCurve?: string;
  /** keyUsage bits set, undefined when the extension is absent. */
  keyUsage?: ReadonlySet<number>;
  basicConstraints?: { ca: boolean; pathLength?: number };
  extendedKeyUsage?: readonly string[];
  subjectKeyIdentifier?: Uint8Array;
  authorityKeyIdentifier?: Uint8Array;
  /** Critical extensions we do not understand: a path using them must be rejected (RFC 5280 4.2). */
  unknownCriticalExtensions: readonly string[];
}

const UNDERSTOOD_EXTENSIONS = new Set<string>([
  ALGORITHM_OID.keyUsage,
  ALGORITHM_OID.basicConstraints,
  ALGORITHM_OID.extKeyUsage,
  ALGORITHM_OID.subjectKeyIdentifier,
  ALGORITHM_OID.authorityKeyIdentifier,
  ALGORITHM_OID.certificatePolicies,
  ALGORITHM_OID.crlDistributionPoints,
]);

export function readAlgorithmIdentifier(element: DerElement): AlgorithmIdentifier {
  const [oid, parameters] = children(expectTag(element, TAG.sequence, 'algorithm identifier'));
  const id = readOid(expectTag(oid, TAG.oid, 'algorithm identifier'));
  return parameters && parameters.tag !== TAG.null
    ? { oid: id, parameters: encodingOf(parameters) }
    : { oid: id };
}

/** Every readable value of one attribute type in a Name, in order. */
function readAttributes(name: DerElement, oid: string): string[] {
  const values: string[] = [];
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (type && value && readOid(type) === oid) {
        try {
          values.push(readString(value));
        } catch {
          // An unreadable value identifies nobody.
        }
      }
    }
  }
  return values;
}

/** First commonName in a Name, if any. */
export function readCommonName(name: DerElement): string | undefined {
  return readAttributes(name, ALGORITHM_OID.commonName)[0];
}

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parseCertificateFields(der);
  } catch (error) {
    if (error instanceof DerError) throw new DerError(`Malformed certificate: ${error.message}`);
    throw error;
  }
}

function parseCertificateFields(der: Uint8Array): ParsedCertificate {
  const [tbs, algorithm, signatureBits] = children(expectTag(readRoot(der), TAG.sequence, 'certificate'));
  const fields = children(expectTag(tbs, TAG.sequence, 'tbsCertificate'));
  let i = fields[0] && contextTag(fields[0]) === 0 ? 1 : 0;
  const serial = expectTag(fields[i++], TAG.integer, 'serial number');
  i++; // inner signature algorithm: must equal the outer one, compared below
  const issuer = expectTag(fields[i++], TAG.sequence, 'issuer');
  const [notBefore, notAfter] = children(expectTag(fields[i++], TAG.sequence, 'validity'));
  const subject = expectTag(fields[i++], TAG.sequence, 'subject');
  const spki = expectTag(fields[i++], TAG.sequence, 'subjectPublicKeyInfo');
  const [keyAlgorithm] = children(spki);
  const keyAlgorithmId = readAlgorithmIdentifier(expectTag(keyAlgorithm, TAG.sequence, 'key algorithm'));
  const innerAlgorithm = fields[fields[0] && contextTag(fields[0]) === 0 ? 2 : 1];
  if (!innerAlgorithm || !algorithm || !bytesEqual(encodingOf(innerAlgorithm), encodingOf(algorithm))) {
    throw new DerError('signature algorithm mismatch');
  }
  const certificate: ParsedCertificate = {
    der,
    tbs: encodingOf(tbs!),
    signatureAlgorithm: readAlgorithmIdentifier(algorithm),
    signature: readOctetAlignedBitString(expectTag(signatureBits, TAG.bitString, 'signature')),
    serialNumberHex: readIntegerHex(serial),
    serialNumberDer: encodingOf(serial),
    issuer: encodingOf(issuer),
    subject: encodingOf(subject),
    notBefore: readTime(notBefore!),
    notAfter: readTime(notAfter!),
    spki: encodingOf(spki),
    publicKeyAlgorithm: keyAlgorithmId.oid,
    unknownCriticalExtensions: [],
    subjectUserIds: readAttributes(subject, ALGORITHM_OID.userId),
  };
  const subjectCn = readCommonName(subject);
  if (subjectCn !== undefined) certificate.subjectCommonName = subjectCn;
  const issuerCn = readCommonName(issuer);
  if (issuerCn !== undefined) certificate.issuerCommonName = issuerCn;
  if (keyAlgorithmId.parameters && keyAlgorithmId.oid === ALGORITHM_OID.ecPublicKey) {
    certificate.namedCurve = readOid(readElement(keyAlgorithmId.parameters));
  }
  const extensions = fields.slice(i).find((f) => contextTag(f) === 3);
  if (extensions) readExtensions(certificate, children(extensions)[0]!);
  return certificate;
}

function readExtensions(certificate: ParsedCertificate, list: DerElement): void {
  const unknownCritical: string[] = [];
  for (const extension of children(expectTag(list, TAG.sequence, 'extensions'))) {
    const parts = children(extension);
    const oid = readOid(parts[0]!);
    const critical = parts.length === 3 ? readBoolean(parts[1]!) : false;
    const value = readElement(readOctetString(parts[parts.length - 1]!));
    switch (oid) {
      case ALGORITHM_OID.keyUsage:
        certificate.keyUsage = readKeyUsage(value);
        break;
      case ALGORITHM_OID.basicConstraints:
        certificate.basicConstraints = readBasicConstraints(value);
        break;
      case ALGORITHM_OID.extKeyUsage:
        certificate.extendedKeyUsage = children(value).map(readOid);
        break;
      case ALGORITHM_OID.subjectKeyIdentifier:
        certificate.subjectKeyIdentifier = contentOf(value);
        break;
      case ALGORITHM_OID.authorityKeyIdentifier: {
        const keyId = children(value).find((c) => contextTag(c) === 0);
        if (keyId) certificate.authorityKeyIdentifier = contentOf(keyId);
        break;
      }
      default:
        if (critical && !UNDERSTOOD_EXTENSIONS.has(oid)) unknownCritical.push(oid);
    }
  }
  certificate.unknownCriticalExtensions = unknownCritical;
}

function readKeyUsage(value: DerElement): Set<number> {
  const { bytes } = readBitString(value);
  const bits = new Set<number>();
  bytes.forEach((byte, index) => {
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) bits.add(index * 8 + bit);
  });
  return bits;
}

function readBasicConstraints(value: DerElement): { ca: boolean; pathLength?: number } {
  const parts = children(expectTag(value, TAG.sequence, 'basicConstraints'));
  const ca = parts[0]?.tag === TAG.boolean ? readBoolean(parts[0]) : false;
  const length = parts.find((p) => p.tag === TAG.integer);
  return length ? { ca, pathLength: readSmallInteger(length) } : { ca };
}
