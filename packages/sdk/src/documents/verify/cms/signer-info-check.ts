import { bytesEqual } from '../../cms/bytes.js';
import { ALGORITHM_OID, type HashName, hashByOid } from '../asn1/algorithm-oids.js';
import { readAlgorithmIdentifier } from '../asn1/certificate.js';
import {
  children,
  contextTag,
  DerError,
  encodingOf,
  expectTag,
  readIntegerHex,
  readOctetString,
  readOid,
  TAG,
} from '../asn1/der-reader.js';
import { type SignedData, type SignerInfo, singleAttributeValue } from '../asn1/signed-data.js';
import { type DigestSource, digest, digestOf, verifySignature } from '../crypto/verify-crypto.js';
import { type KnownCertificate, loadCertificate } from '../pki/known-certificate.js';
import { type Finding, finding, type VerificationErrorCode } from '../report.js';

/** Which catalog codes a CMS failure maps to: the same checks run for signatures, timestamps and evidence. */
export interface CmsFailureCodes {
  invalid: VerificationErrorCode;
  digestMismatch: VerificationErrorCode;
}

export interface SignerInfoCheck {
  signerInfo?: SignerInfo;
  signer?: KnownCertificate;
  /** Certificates embedded in the CMS: candidates for the chain. */
  embedded: KnownCertificate[];
  findings: Finding[];
}

/**
 * Checks the one SignerInfo of a SignedData (RFC 5652 5.4/5.6, CAdES): signer certificate present, content
 * type and message digest attributes, signing-certificate(-v2) binding to the exact signer certificate, and
 * the signature over the DER signed attributes. `content` is what the message digest must cover.
 */
export async function checkSignerInfo(
  signedData: SignedData,
  content: DigestSource,
  codes: CmsFailureCodes,
  { acceptEssCertIdV1 = false } = {},
): Promise<SignerInfoCheck> {
  const fail = (
    subIndication: Finding['subIndication'],
    detail: string,
    indication: Finding['indication'] = 'TOTAL_FAILED',
  ) => finding(codes.invalid, indication, subIndication, detail);
  const embedded: KnownCertificate[] = [];
  try {
    for (const der of signedData.certificates) embedded.push(await loadCertificate(der));
  } catch (error) {
    return { embedded, findings: [fail('FORMAT_FAILURE', (error as Error).message)] };
  }
  if (signedData.signerInfos.length !== 1) {
    return {
      embedded,
      findings: [fail('FORMAT_FAILURE', `expected one SignerInfo, found ${signedData.signerInfos.length}`)],
    };
  }
  const signerInfo = signedData.signerInfos[0]!;
  const structure = unsignedStructureProblem(signedData, signerInfo);
  if (structure) return { signerInfo, embedded, findings: [fail('FORMAT_FAILURE', structure)] };
  const signer = embedded.find((c) => identifies(signerInfo, c));
  if (!signer) {
    return {
      signerInfo,
      embedded,
      findings: [fail('NO_SIGNING_CERTIFICATE_FOUND', 'signer certificate not embedded', 'INDETERMINATE')],
    };
  }
  const hash = hashByOid(signerInfo.digestAlgorithm.oid);
  if (!hash || hash === 'SHA-1' || !signerInfo.signedAttributesDer) {
    const detail = signerInfo.signedAttributesDer
      ? 'digest algorithm not allowed'
      : 'signed attributes missing';
    return {
      signerInfo,
      signer,
      embedded,
      findings: [fail(hash ? 'CRYPTO_CONSTRAINTS_FAILURE' : 'FORMAT_FAILURE', detail)],
    };
  }
  const [attributeFindings, signatureFindings] = await Promise.all([
    checkSignedAttributes(signedData, signerInfo, signer, hash, content, codes, acceptEssCertIdV1),
    checkSignatureValue(signerInfo, signer, codes),
  ]);
  const findings = [...attributeFindings, ...signatureFindings];
  return { signerInfo, signer, embedded, findings };
}

function identifies(signerInfo: SignerInfo, certificate: KnownCertificate): boolean {
  const sid = signerInfo.signerIdentifier;
  if (sid.kind === 'subjectKeyIdentifier') {
    return (
      certificate.subjectKeyIdentifier !== undefined &&
      bytesEqual(sid.keyIdentifier, certificate.subjectKeyIdentifier)
    );
  }
  return (
    bytesEqual(sid.issuer, certificate.issuer) && bytesEqual(sid.serialNumberDer, certificate.serialNumberDer)
  );
}

/**
 * ESS signing-certificate-v2 (RFC 5035; required by CAdES/PAdES) or, for RFC 3161 tokens, v1 (SHA-1):
 * the first ESSCertID must hash the signer certificate, and its issuerSerial, if present, must match.
 * Returns a problem description, or undefined when bound.
 */
async function checkSigningCertificate(
  signerInfo: SignerInfo,
  signer: KnownCertificate,
  acceptV1: boolean,
): Promise<string | undefined> {
  const v2 = singleAttributeValue(signerInfo.signedAttributes, ALGORITHM_OID.signingCertificateV2);
  const v1 = acceptV1
    ? singleAttributeValue(signerInfo.signedAttributes, ALGORITHM_OID.signingCertificate)
    : undefined;
  const attribute = v2 ?? v1;
  if (!attribute) return 'signing-certificate-v2 attribute missing';
  const [certIds] = children(expectTag(attribute, TAG.sequence, 'SigningCertificate'));
  const first = children(expectTag(certIds, TAG.sequence, 'ESSCertIDs'))[0];
  if (!first) return 'signing-certificate attribute lists no certificate';
  const fields = children(first);
  let i = 0;
  let hash = v2 ? hashByOid(ALGORITHM_OID.sha256) : hashByOid(ALGORITHM_OID.sha1);
  if (v2 && fields[0]?.tag === TAG.sequence) hash = hashByOid(readAlgorithmIdentifier(fields[i++]!).oid);
  if (!hash) return 'unsupported ESSCertID hash algorithm';
  const certHash = readOctetString(expectTag(fields[i++], TAG.octetString, 'ESSCertID hash'));
  // SHA-256 (the usual case) is the certificate's fingerprint, already computed when it was loaded.
  const actual = hash === 'SHA-256' ? signer.sha256Bytes : await digest(hash, [signer.der]);
  if (!bytesEqual(certHash, actual)) return 'signing-certificate hash does not match the signer certificate';
  const issuerSerial = fields[i];
  if (issuerSerial) {
    const [names, serial] = children(expectTag(issuerSerial, TAG.sequence, 'IssuerSerial'));
    if (readIntegerHex(serial!) !== signer.serialNumberHex)
      return 'signing-certificate serial does not match';
    const directoryName = children(names!).find((n) => contextTag(n) === 4);
    if (directoryName && !bytesEqual(encodingOf(children(directoryName)[0]!), signer.issuer)) {
      return 'signing-certificate issuer does not match';
    }
  }
  return undefined;
}

/**
 * Fields outside the signed attributes are not protected by the signature, so they must hold exactly the
 * values RFC 5652 prescribes for this SignerInfo; otherwise they could be altered without detection.
 */
function unsignedStructureProblem(signedData: SignedData, signerInfo: SignerInfo): string | undefined {
  const sidVersion = signerInfo.signerIdentifier.kind === 'issuerAndSerial' ? 1 : 3;
  if (signerInfo.version !== sidVersion) return 'SignerInfo version does not match its signer identifier';
  if (signedData.version !== 1 && signedData.version !== 3) return 'unexpected SignedData version';
  const listed = signedData.digestAlgorithms;
  if (listed.length !== 1 || listed[0]!.oid !== signerInfo.digestAlgorithm.oid)
    return 'digestAlgorithms does not match the SignerInfo';
  // Hash algorithm identifiers take no parameters (absent or NULL, which the reader drops).
  if (listed[0]!.parameters || signerInfo.digestAlgorithm.parameters)
    return 'unexpected digest algorithm parameters';
  return undefined;
}

async function checkSignedAttributes(
  signedData: SignedData,
  signerInfo: SignerInfo,
  signer: KnownCertificate,
  hash: HashName,
  content: DigestSource,
  codes: CmsFailureCodes,
  acceptEssCertIdV1: boolean,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  try {
    const contentType = singleAttributeValue(signerInfo.signedAttributes, ALGORITHM_OID.contentType);
    if (!contentType || readOid(contentType) !== signedData.contentType) {
      findings.push(
        finding(codes.invalid, 'TOTAL_FAILED', 'FORMAT_FAILURE', 'content-type attribute missing or wrong'),
      );
    }
    const messageDigest = singleAttributeValue(signerInfo.signedAttributes, ALGORITHM_OID.messageDigest);
    const expected = messageDigest ? readOctetString(messageDigest) : undefined;
    if (!expected || !bytesEqual(expected, await digestOf(content, hash))) {
      findings.push(
        finding(
          codes.digestMismatch,
          'TOTAL_FAILED',
          'HASH_FAILURE',
          'message digest does not match the signed content',
        ),
      );
    }
    const binding = await checkSigningCertificate(signerInfo, signer, acceptEssCertIdV1);
    if (binding)
      findings.push(finding(codes.invalid, 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND', binding));
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    findings.push(finding(codes.invalid, 'TOTAL_FAILED', 'FORMAT_FAILURE', error.message));
  }
  return findings;
}

async function checkSignatureValue(
  signerInfo: SignerInfo,
  signer: KnownCertificate,
  codes: CmsFailureCodes,
): Promise<Finding[]> {
  try {
    const valid = await verifySignature({
      spki: signer.spki,
      curveOid: signer.namedCurve,
      algorithm: signerInfo.signatureAlgorithm,
      digestAlgorithm: signerInfo.digestAlgorithm.oid,
      signature: signerInfo.signature,
      data: signerInfo.signedAttributesDer!,
    });
    return valid
      ? []
      : [
          finding(
            codes.invalid,
            'TOTAL_FAILED',
            'SIG_CRYPTO_FAILURE',
            'signature value does not verify with the signer certificate',
          ),
        ];
  } catch (error) {
    return [finding(codes.invalid, 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE', (error as Error).message)];
  }
}
