// Signing, timestamping, CMS helpers, certification evidence and paper conversion (N2, F8, T8; Art. 9.2).

export {
  type CertificateIdentity,
  certificateSha256,
  readCertificateIdentity,
} from './cms/certificate-identity.js';
export { OID } from './cms/oids.js';
export { decodePem, encodePem, type PemBlock } from './cms/pem.js';
export { type ParsedSignedData, type ParsedSignerInfo, readSignedData } from './cms/signed-data-reader.js';
export type { ConversionLog } from './conversion/conversion-log.js';
export {
  type ConverterInfo,
  type SealConvertedPaperOptions,
  type SealedConversion,
  sealConvertedPaper,
} from './conversion/seal-converted-paper.js';
export {
  buildCertificationEvidence,
  type CertificationEvidenceOptions,
} from './evidence/build-certification-evidence.js';
export type { CertificationEvidence } from './evidence/certification-evidence.js';
export {
  type CertificationEvidenceFile,
  readCertificationEvidence,
} from './evidence/read-certification-evidence.js';
// Contract PDF: main data -> A4 "HỢP ĐỒNG LAO ĐỘNG" with the data attached, and back (T6, F7).
export {
  type BuildContractPdfOptions,
  buildContractPdf,
  type ContractPdf,
  type SignatureField,
} from './pdf/build-contract-pdf.js';
export type { ContractFonts } from './pdf/contract-fonts.js';
export { ContractPdfError, type ContractPdfErrorCode } from './pdf/contract-pdf-error.js';
export { extractMainData, extractMainDataFast } from './pdf/extract-main-data.js';
export { MAIN_DATA_FILE_NAME } from './pdf/main-data-attachment.js';
export { SAMPLE_EMPLOYERS, sampleContractMainData } from './pdf/sample-data.js';
export { type CadesSignatureOptions, createCadesSignature } from './signing/cades-signature.js';
export { type CryptoKeySignerOptions, signerFromCryptoKey } from './signing/crypto-key-signer.js';
export type { SignatureWidgetPlacement } from './signing/pdf-signature-appearance.js';
export { type PemSignerOptions, signerFromPem } from './signing/pem-signer.js';
export { importSigningKey } from './signing/private-key-import.js';
export { createRemoteSigner, type RemoteSignerOptions } from './signing/remote-signer.js';
export {
  DEFAULT_PLACEHOLDER_BYTES,
  type SignedPdfRevision,
  type SignPdfOptions,
  signPdf,
  signPdfRevision,
} from './signing/sign-pdf.js';
export type { SignatureAlgorithm, SignatureRequest, Signer } from './signing/signer.js';
export {
  requestTimestampToken,
  type TimestampAuthority,
  type TimestampFunction,
  type TimestampOptions,
  type TimestampUrl,
  timestampTokenFromResponse,
} from './signing/timestamp-client.js';
export { readTimestampToken, type TimestampTokenInfo } from './signing/timestamp-token.js';
export * from './verify/index.js';
// Verification of signed contracts and certification evidence (N2, F8, S2.2): see ./verify.
