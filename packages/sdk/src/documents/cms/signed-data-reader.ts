import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual } from './bytes.js';
import { readCertificateIdentity } from './certificate-identity.js';
import { parseAsn1 } from './der.js';
import { ensureCryptoEngine } from './engine.js';
import { OID } from './oids.js';

export interface ParsedSignerInfo {
  /** The embedded certificate named by the SignerIdentifier (issuer + serial), if present. */
  signerCertificate: Uint8Array | undefined;
  /** The signed attributes re-tagged as the DER SET OF that was signed (what the signature covers). */
  signedAttributes: Uint8Array | undefined;
  signatureValue: Uint8Array;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** Raw DER values of a signed attribute (e.g. OID.messageDigest). */
  signedAttributeValues(type: string): Uint8Array[];
  /** Raw DER values of an unsigned attribute (e.g. OID.signatureTimeStampToken). */
  unsignedAttributeValues(type: string): Uint8Array[];
  pkijs: pkijs.SignerInfo;
}

export interface ParsedSignedData {
  eContentType: string;
  /** Encapsulated content (constructed OCTET STRINGs joined), absent for detached signatures. */
  eContent: Uint8Array | undefined;
  /** Embedded certificates, byte-exact as stored. */
  certificates: Uint8Array[];
  signerInfos: ParsedSignerInfo[];
  /** The pkijs object, for callers that verify with pkijs. */
  pkijs: pkijs.SignedData;
}

/** Parses a DER/BER ContentInfo holding a SignedData (a PAdES /Contents blob, a timestamp token, evidence). */
export function readSignedData(contentInfoDer: Uint8Array): ParsedSignedData {
  ensureCryptoEngine();
  const contentInfo = new pkijs.ContentInfo({
    schema: parseAsn1(trimTrailingZeros(contentInfoDer), 'CMS ContentInfo'),
  });
  if (contentInfo.contentType !== OID.signedData) throw new Error('CMS ContentInfo is not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const certificates = rawCertificates(contentInfo.content as asn1js.Sequence);
  return {
    eContentType: signedData.encapContentInfo.eContentType,
    eContent: signedData.encapContentInfo.eContent
      ? new Uint8Array(signedData.encapContentInfo.eContent.getValue())
      : undefined,
    certificates,
    signerInfos: signedData.signerInfos.map((info) => parseSignerInfo(info, certificates)),
    pkijs: signedData,
  };
}

/** PDF /Contents are zero-padded after the DER blob; BER parsing must stop at the real end. */
function trimTrailingZeros(bytes: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(bytes);
  return parsed.offset > 0 ? bytes.subarray(0, parsed.offset) : bytes;
}

function rawCertificates(signedData: asn1js.Sequence): Uint8Array[] {
  const field = signedData.valueBlock.value.find(
    (v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0,
  );
  if (!(field instanceof asn1js.Constructed)) return [];
  return field.valueBlock.value
    .filter((v) => v.idBlock.tagClass === 1 && v.idBlock.tagNumber === 16)
    .map((v) => new Uint8Array(v.valueBeforeDecodeView));
}

function parseSignerInfo(info: pkijs.SignerInfo, certificates: readonly Uint8Array[]): ParsedSignerInfo {
  const valuesOf = (attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string): Uint8Array[] =>
    (attrs?.attributes ?? [])
      .filter((a) => a.type === type)
      .flatMap((a) => a.values.map((v: asn1js.AsnType) => new Uint8Array(v.valueBeforeDecodeView)));
  let signedAttributes: Uint8Array | undefined;
  if (info.signedAttrs) {
    signedAttributes = new Uint8Array(info.signedAttrs.encodedValue).slice();
    signedAttributes[0] = 0x31; // [0] IMPLICIT -> universal SET, as signed (RFC 5652 5.4)
  }
  return {
    signerCertificate: findSignerCertificate(info, certificates),
    signedAttributes,
    signatureValue: new Uint8Array(info.signature.valueBlock.valueHexView),
    digestAlgorithm: info.digestAlgorithm.algorithmId,
    signatureAlgorithm: info.signatureAlgorithm.algorithmId,
    signedAttributeValues: (type) => valuesOf(info.signedAttrs, type),
    unsignedAttributeValues: (type) => valuesOf(info.unsignedAttrs, type),
    pkijs: info,
  };
}

/** Matches an IssuerAndSerialNumber SignerIdentifier against the embedded certificates, byte for byte. */
function findSignerCertificate(
  info: pkijs.SignerInfo,
  certificates: readonly Uint8Array[],
): Uint8Array | undefined {
  if (!(info.sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  const issuer = new Uint8Array(info.sid.issuer.toSchema().toBER());
  const serial = new Uint8Array(info.sid.serialNumber.toBER());
  return certificates.find((certificate) => {
    const id = readCertificateIdentity(certificate);
    return bytesEqual(id.issuer, issuer) && bytesEqual(id.serialNumber, serial);
  });
}
