import type { Schemas } from '@hdld/spec';

/**
 * The request and response bodies of the API by name (the spec's `components.schemas`), so an
 * integration types its own code without depending on `@hdld/spec`; `Schemas['X']` names the rest.
 */
export type { components, operations, paths, Schemas } from '@hdld/spec';

export type ContractSubmission = Schemas['ContractSubmission'];
export type LifecycleSubmission = Schemas['LifecycleSubmission'];
export type ConvertedPaperSubmission = Schemas['ConvertedPaperSubmission'];
export type BatchSubmission = Schemas['BatchSubmission'];
export type SubmittedDocument = Schemas['SubmittedDocument'];
export type CertificationEvidence = Schemas['CertificationEvidence'];
export type CertificationEvidenceFile = Schemas['CertificationEvidenceFile'];
export type TransactionLog = Schemas['TransactionLog'];
export type ConversionLog = Schemas['ConversionLog'];
export type SubmissionAcknowledgement = Schemas['SubmissionAcknowledgement'];
export type BatchAcknowledgement = Schemas['BatchAcknowledgement'];
export type BatchItemResult = Schemas['BatchItemResult'];
export type TransactionStatus = Schemas['TransactionStatus'];
export type TransactionPage = Schemas['TransactionPage'];
export type Contract = Schemas['Contract'];
export type ContractDocument = Schemas['ContractDocument'];
export type VerificationReport = Schemas['VerificationReport'];
export type PlatformKeys = Schemas['PlatformKeys'];
export type TokenResponse = Schemas['TokenResponse'];
export type Caller = Schemas['Caller'];
export type Provider = Schemas['Provider'];
export type Explanation = Schemas['Explanation'];
export type ExplanationSubmission = Schemas['ExplanationSubmission'];
export type ExplanationDecision = Schemas['ExplanationDecision'];
export type Reconciliation = Schemas['Reconciliation'];
export type ProviderReport = Schemas['ProviderReport'];
export type ProviderReportSubmission = Schemas['ProviderReportSubmission'];
export type ViolationReport = Schemas['ViolationReport'];
export type Notification = Schemas['Notification'];
export type SandboxIdentityRegistration = Schemas['SandboxIdentityRegistration'];
export type SandboxIdentityRegistrationResult = Schemas['SandboxIdentityRegistrationResult'];
export type SandboxClock = Schemas['SandboxClock'];
export type SandboxClockChange = Schemas['SandboxClockChange'];
