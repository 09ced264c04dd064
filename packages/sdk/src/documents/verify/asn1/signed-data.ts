import { ALGORITHM_OID } from './algorithm-oids.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from './certificate.js';
import {
  children,
  contentOf,
  contextTag,
  type DerElement,
  DerError,
  encodingOf,
  expectTag,
  readOctetString,
  readOid,
  readRoot,
  readSmallInteger,
  TAG,
} from './der-reader.js';

/** How a SignerInfo names its certificate (RFC 5652 5.3). */
export type SignerIdentifier =
  | { kind: 'issuerAndSerial'; issuer: Uint8Array; serialNumberDer: Uint8Array }
  | { kind: 'subjectKeyIdentifier'; keyIdentifier: Uint8Array };

export interface CmsAttribute {
  oid: string;
  values: DerElement[];
}

export interface SignerInfo {
  version: number;
  signerIdentifier: SignerIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  /** DER of the signed attributes re-tagged as SET OF (0x31): the bytes the signature covers (RFC 5652 5.4). */
  signedAttributesDer?: Uint8Array;
  signedAttributes: CmsAttribute[];
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttributes: CmsAttribute[];
}

export interface SignedData {
  version: number;
  /** SignedData.digestAlgorithms (unsigned: checked against the SignerInfo). */
  digestAlgorithms: AlgorithmIdentifier[];
  contentType: string;
  /** Encapsulated content; undefined for detached signatures (PAdES). */
  content?: Uint8Array;
  /** DER of each embedded X.509 certificate (other certificate choices are skipped). */
  certificates: Uint8Array[];
  signerInfos: SignerInfo[];
}

/** Parses a CMS ContentInfo holding SignedData (exactly one DER value, nothing after it). */
export function parseSignedData(der: Uint8Array): SignedData {
  try {
    const parts = children(expectTag(readRoot(der), TAG.sequence, 'ContentInfo'));
    const [type, explicit] = parts;
    if (parts.length !== 2 || (explicit && children(explicit).length !== 1))
      throw new DerError('Malformed ContentInfo');
    if (readOid(type!) !== ALGORITHM_OID.signedData) throw new DerError('ContentInfo is not SignedData');
    if (!explicit || contextTag(explicit) !== 0) throw new DerError('Malformed ContentInfo');
    return readSignedData(expectTag(children(explicit)[0], TAG.sequence, 'SignedData'));
  } catch (error) {
    if (error instanceof DerError) throw new DerError(`Malformed CMS SignedData: ${error.message}`);
    throw error;
  }
}

function readSignedData(element: DerElement): SignedData {
  const fields = children(element);
  const [contentType, explicitContent] = children(
    expectTag(fields[2], TAG.sequence, 'EncapsulatedContentInfo'),
  );
  const result: SignedData = {
    version: readSmallInteger(fields[0]!),
    digestAlgorithms: children(expectTag(fields[1], TAG.set, 'digestAlgorithms')).map(
      readAlgorithmIdentifier,
    ),
    contentType: readOid(contentType!),
    certificates: [],
    signerInfos: [],
  };
  if (explicitContent) result.content = readOctetString(children(explicitContent)[0]!);
  for (const field of fields.slice(3)) {
    if (contextTag(field) === 0) {
      result.certificates = children(field)
        .filter((c) => c.tag === TAG.sequence)
        .map(encodingOf);
    } else if (field.tag === TAG.set) {
      result.signerInfos = children(field).map(readSignerInfo);
    }
  }
  return result;
}

function readSignerInfo(element: DerElement): SignerInfo {
  const fields = children(expectTag(element, TAG.sequence, 'SignerInfo'));
  const version = readSmallInteger(fields[0]!);
  let i = 1;
  const sid = fields[i++]!;
  const digestAlgorithm = readAlgorithmIdentifier(fields[i++]!);
  let signedAttributes: CmsAttribute[] = [];
  let signedAttributesDer: Uint8Array | undefined;
  if (fields[i] && contextTag(fields[i]!) === 0) {
    const implicit = fields[i++]!;
    signedAttributes = readAttributes(implicit);
    // The signature covers the attributes with their universal SET tag, not the [0] IMPLICIT tag.
    // A copy (the constructor copies; Buffer#slice would be a view and we would rewrite the caller's bytes).
    signedAttributesDer = new Uint8Array(encodingOf(implicit));
    signedAttributesDer[0] = TAG.set;
  }
  const signatureAlgorithm = readAlgorithmIdentifier(fields[i++]!);
  const signature = readOctetString(fields[i++]!);
  const unsigned = fields[i] && contextTag(fields[i]!) === 1 ? readAttributes(fields[i]!) : [];
  const info: SignerInfo = {
    version,
    signerIdentifier: readSignerIdentifier(sid),
    digestAlgorithm,
    signedAttributes,
    signatureAlgorithm,
    signature,
    unsignedAttributes: unsigned,
  };
  if (signedAttributesDer) info.signedAttributesDer = signedAttributesDer;
  return info;
}

function readSignerIdentifier(sid: DerElement): SignerIdentifier {
  if (contextTag(sid) === 0) return { kind: 'subjectKeyIdentifier', keyIdentifier: contentOf(sid) };
  const [issuer, serial] = children(expectTag(sid, TAG.sequence, 'SignerIdentifier'));
  return {
    kind: 'issuerAndSerial',
    issuer: encodingOf(expectTag(issuer, TAG.sequence, 'issuer')),
    serialNumberDer: encodingOf(expectTag(serial, TAG.integer, 'serial number')),
  };
}

function readAttributes(element: DerElement): CmsAttribute[] {
  return children(element).map((attribute) => {
    const [type, values] = children(expectTag(attribute, TAG.sequence, 'attribute'));
    return { oid: readOid(type!), values: children(expectTag(values, TAG.set, 'attribute values')) };
  });
}

/** The single value of an attribute; CMS forbids repeating these attributes (RFC 5652 11). */
export function singleAttributeValue(attributes: CmsAttribute[], oid: string): DerElement | undefined {
  const matches = attributes.filter((a) => a.oid === oid);
  if (matches.length === 0) return undefined;
  if (matches.length > 1 || matches[0]!.values.length !== 1)
    throw new DerError(`Attribute ${oid} is repeated`);
  return matches[0]!.values[0];
}
