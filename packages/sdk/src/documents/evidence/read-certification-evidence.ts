import { OID } from '../cms/oids.js';
import { type ParsedSignedData, type ParsedSignerInfo, readSignedData } from '../cms/signed-data-reader.js';
import { readTimestampToken, type TimestampTokenInfo } from '../signing/timestamp-token.js';
import { type CertificationEvidence, CertificationEvidenceSchema } from './certification-evidence.js';

export interface CertificationEvidenceFile {
  content: CertificationEvidence;
  /** The exact UTF-8 JSON bytes that were signed. */
  contentBytes: Uint8Array;
  /** The provider's certification certificate (DER), named by the SignerInfo. */
  signerCertificate: Uint8Array;
  /** All certificates embedded in the CMS (the chain for path building). */
  certificates: Uint8Array[];
  signerInfo: ParsedSignerInfo;
  /** The signature timestamp token (DER) and its TSTInfo, when present. */
  timestampToken: Uint8Array | undefined;
  timestamp: TimestampTokenInfo | undefined;
  signedData: ParsedSignedData;
}

/**
 * Parses a certification evidence file and validates its JSON against the schema. It does not check the
 * signature or the certificates: that is the verifier's job (documents/verify), which gets everything it
 * needs from the result.
 */
export function readCertificationEvidence(der: Uint8Array): CertificationEvidenceFile {
  const signedData = readSignedData(der);
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo || others.length > 0)
    throw new Error('Certification evidence must have exactly one signer');
  if (signedData.eContentType !== OID.data || !signedData.eContent) {
    throw new Error('Certification evidence must encapsulate its JSON content (id-data)');
  }
  if (!signerInfo.signerCertificate)
    throw new Error('Certification evidence does not embed its signer certificate');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(signedData.eContent));
  } catch (error) {
    throw new Error(`Certification evidence content is not UTF-8 JSON: ${(error as Error).message}`);
  }
  const content = CertificationEvidenceSchema.safeParse(json);
  if (!content.success) {
    throw new Error(
      `Invalid certification evidence: ${content.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const [timestampToken] = signerInfo.unsignedAttributeValues(OID.signatureTimeStampToken);
  return {
    content: content.data,
    contentBytes: signedData.eContent,
    signerCertificate: signerInfo.signerCertificate,
    certificates: signedData.certificates,
    signerInfo,
    timestampToken,
    timestamp: timestampToken ? readTimestampToken(timestampToken) : undefined,
    signedData,
  };
}
