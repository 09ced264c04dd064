// Test-only helpers (`@hdld/sdk/testing`): never import from production code.
export type { KeyUsageBit } from './certificate-extensions.js';
export {
  type CertificateAuthorityKey,
  type CertificateRequest,
  generateTestKeyPair,
  type IssuedCertificate,
  issueCertificate,
  type TestKeyType,
} from './certificate-factory.js';
export { type CrlRequest, issueCrl } from './crl.js';
export { encodeName, type NameSpec } from './distinguished-name.js';
export {
  issueContractPartyCertificates,
  issuePartyCertificate,
  type PartyCertificateOptions,
  type PartySubject,
  partyCertificateName,
} from './party-certificates.js';
export {
  createSampleConvertedPaper,
  createSampleLifecycleSubmission,
  type SampleLifecycleOptions,
} from './sample-lifecycle.js';
export { createSamplePdf, type SamplePdfOptions } from './sample-pdf.js';
export {
  createSampleSubmission,
  type SampleSubmission,
  type SampleSubmissionOptions,
} from './sample-submission.js';
export { createTestPki, type TestIdentity, type TestPki, type TestPkiOptions } from './test-pki.js';
export { createTestTsa, TEST_TSA_POLICY, type TestTsa, type TestTsaOptions } from './test-tsa.js';
