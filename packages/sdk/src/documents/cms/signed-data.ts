import { type Signer, signerCertificate } from '../signing/signer.js';
import { contentTypeAttribute, messageDigestAttribute, signingCertificateV2Attribute } from './attributes.js';
import { sha256 } from './bytes.js';
import { readCertificateIdentity } from './certificate-identity.js';
import {
  algorithmIdentifier,
  contextConstructed,
  implicitSetOf,
  integer,
  nullValue,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
} from './der.js';
import { OID } from './oids.js';

export interface SignedDataOptions {
  signer: Signer;
  /** eContentType: id-data for PAdES and evidence, id-ct-TSTInfo for timestamp tokens. */
  contentType: string;
  /** SHA-256 of the signed content (the PDF ByteRange, or the encapsulated content). */
  contentDigest: Uint8Array;
  /** Encapsulated content; leave out for a detached signature (PAdES). */
  encapsulatedContent?: Uint8Array;
  /** Embed the signer's chain (RFC 3161 certReq=false turns this off). Default true. */
  includeCertificates?: boolean;
  /** Produces unsigned attributes from the signature value, e.g. the signature timestamp (B-T). */
  unsignedAttributes?: (signatureValue: Uint8Array) => Promise<Uint8Array[]>;
}

export interface SignedDataResult {
  /** DER ContentInfo wrapping the SignedData. */
  contentInfo: Uint8Array;
  signatureValue: Uint8Array;
  /** DER SET OF signed attributes exactly as signed. */
  signedAttributes: Uint8Array;
}

/**
 * Builds a CMS SignedData (RFC 5652) with one SignerInfo. Signed attributes are content-type, message-digest
 * and signing-certificate-v2, DER-sorted; no signing-time (PAdES baseline forbids it, the PDF /M and the
 * timestamp carry time instead).
 */
export async function buildSignedData(options: SignedDataOptions): Promise<SignedDataResult> {
  const { signer, contentType } = options;
  const leaf = signerCertificate(signer);
  const attributes = [
    contentTypeAttribute(contentType),
    messageDigestAttribute(options.contentDigest),
    await signingCertificateV2Attribute(leaf),
  ];
  const signedAttributes = setOf(attributes);
  const signatureValue = await signer.sign({ signedAttributes, digest: await sha256(signedAttributes) });
  const unsigned = (await options.unsignedAttributes?.(signatureValue)) ?? [];

  const { issuer, serialNumber } = readCertificateIdentity(leaf);
  const sha256Algorithm = algorithmIdentifier(OID.sha256);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serialNumber),
    sha256Algorithm,
    // [0] IMPLICIT SET: same sorted elements as the signed SET, only the tag differs.
    implicitSetOf(0, attributes),
    signatureAlgorithmIdentifier(signer),
    octetString(signatureValue),
    ...(unsigned.length > 0 ? [implicitSetOf(1, unsigned)] : []),
  );
  const encapContentInfo = sequence(
    objectIdentifier(contentType),
    ...(options.encapsulatedContent ? [contextConstructed(0, octetString(options.encapsulatedContent))] : []),
  );
  const certificates =
    options.includeCertificates === false ? [] : [implicitSetOf(0, signer.certificateChain)];
  const signedData = sequence(
    // RFC 5652 5.1: version 3 when the content is not id-data, else 1 (no v2+ certificates or attribute certs).
    integer(contentType === OID.data ? 1 : 3),
    setOf([sha256Algorithm]),
    encapContentInfo,
    ...certificates,
    setOf([signerInfo]),
  );
  const contentInfo = sequence(objectIdentifier(OID.signedData), contextConstructed(0, signedData));
  return { contentInfo, signatureValue, signedAttributes };
}

function signatureAlgorithmIdentifier(signer: Signer): Uint8Array {
  return signer.algorithm === 'ECDSA-P256'
    ? algorithmIdentifier(OID.ecdsaWithSHA256)
    : algorithmIdentifier(OID.sha256WithRSAEncryption, nullValue());
}
