// GENERATED FILE - DO NOT EDIT.
// Source: packages/spec/openapi/**. Edit the spec, then run `pnpm gen` (CI fails when this file drifts).

import { z } from 'zod';

export const Base64DocumentSchema = z.string().describe("Standard base64 (RFC 4648 section 4, with padding) of the file bytes. A decoded document is at\nmost 10 MiB (10,485,760 bytes); larger files fail with `FILE_TOO_LARGE`, malformed base64 with\n`REQUEST_INVALID` (pointing at the field). Both are checked once, while decoding, rather than\nby the schema, so a 10 MiB document is not scanned three times.");

export const ProviderReferenceSchema = z.string().min(1).max(100).describe("The provider's own reference for a contract or a lifecycle document (1-100 characters, unique per\nprovider and document). Transactions can be looked up by it with no expiry (T10). Reusing a\nreference for different content fails with `DUPLICATE_PROVIDER_REFERENCE`, except for a corrected\npackage of a failed transaction whose re-push was approved (F36, F37), which supersedes it.");

export const TransactionKindSchema = z.enum(["CONTRACT","LIFECYCLE","CONVERTED_PAPER"]);

export const Sha256Schema = z.string().regex(new RegExp("^[0-9a-f]{64}$", 'u')).describe("SHA-256 digest, lowercase hexadecimal.");

export const TransactionStatusSchema = z.enum(["RECEIVED","PROCESSING","SUCCEEDED","FAILED"]).describe("Processing status of a submission (T10).");

export const SubmissionAcknowledgementSchema = z.strictObject({
  "transactionId": z.uuid(),
  "kind": TransactionKindSchema.optional(),
  "receivedAt": z.iso.datetime({ offset: true }),
  "payloadSha256": Sha256Schema.describe("SHA-256 of the raw request body as received (for a batch item, of that item's JSON)."),
  "providerReference": ProviderReferenceSchema,
  "status": TransactionStatusSchema,
  "statusUrl": z.string().max(500).describe("Path of the transaction resource, `/v1/transactions/{transactionId}`."),
  "retryAfterSeconds": z.int().gte(0).lte(3600).describe("Polling hint, in seconds.").optional(),
  "supersedes": z.uuid().describe("The failed transaction this corrected package replaces, under the same provider reference, after\nits re-push was approved (F36, F37); the failed one then names this one as `supersededBy`.").optional(),
}).describe("Immediate answer to a submission (DOMAIN.md S2.1, T10): the package was received and queued. The\noutcome (ID issued or failure) follows asynchronously; poll `statusUrl` no sooner than\n`retryAfterSeconds`, or look the transaction up by `providerReference`.");

export const ErrorCodeSchema = z.enum(["TRANSACTION_NOT_FOUND","REQUEST_INVALID","UNAUTHENTICATED","INTERNAL_ERROR","TOKEN_INVALID","TOKEN_EXPIRED","CLIENT_AUTH_FAILED","FORBIDDEN","RATE_LIMITED","PAYLOAD_TOO_LARGE","UNSUPPORTED_MEDIA_TYPE","IDEMPOTENCY_KEY_REUSED","IDEMPOTENCY_KEY_IN_USE","CONTRACT_NOT_FOUND","DOCUMENT_NOT_FOUND","BATCH_TOO_LARGE","DUPLICATE_PROVIDER_REFERENCE","MAIN_DATA_INVALID","MAIN_DATA_MISMATCH","LABOR_TERM_INVALID","EMPLOYEE_UNDERAGE","DOCUMENT_MISSING","FILE_TYPE_NOT_ALLOWED","FILE_TOO_LARGE","PDF_MALFORMED","PDF_TOO_MANY_PAGES","PDF_NOT_SIGNED","SIGNATURE_INVALID","SIGNATURE_DIGEST_MISMATCH","SIGNATURE_BYTERANGE_INVALID","SIGNATURE_MODIFIED_AFTER_SIGNING","SIGNATURE_PARTY_MISMATCH","SIGNATURE_PARTY_MISSING","CERTIFICATE_UNTRUSTED","CERTIFICATE_EXPIRED","CERTIFICATE_REVOKED","CERTIFICATE_USAGE_INVALID","TIMESTAMP_MISSING","TIMESTAMP_INVALID","TIMESTAMP_UNTRUSTED","REVOCATION_UNAVAILABLE","EVIDENCE_INVALID","EVIDENCE_DOCUMENT_MISMATCH","CONVERSION_LOG_INVALID","IDENTITY_NOT_FOUND","IDENTITY_MISMATCH","EMPLOYER_NOT_FOUND","EMPLOYER_MISMATCH","EMPLOYER_INACTIVE","IDENTITY_REGISTRY_UNAVAILABLE","LIFECYCLE_TRANSITION_INVALID","CONTRACT_NOT_CONVERTED","PROVIDER_SUSPENDED","PROVIDER_DISCONNECTED","ROUTE_NOT_FOUND","SANDBOX_ONLY","SERVICE_UNAVAILABLE","SUBMISSION_LATE","EXPLANATION_NOT_FOUND","PROVIDER_NOT_FOUND","TRANSACTION_NOT_AWAITING_EXPLANATION","EXPLANATION_ALREADY_DECIDED","REPUSH_NOT_APPROVED","PROVIDER_STATUS_TRANSITION_INVALID","PROVIDER_REPORT_NOT_FOUND","PROVIDER_REPORT_CONFLICT","REPORTING_PERIOD_NOT_ENDED","ATTACHMENT_DIGEST_MISMATCH","VIOLATION_REPORT_NOT_FOUND","IP_NOT_ALLOWED","PROCESSING_FAILED"]).describe("Stable code from the error catalog (`x-error-catalog`). Codes are never reused.");

export const ProblemDetailItemSchema = z.looseObject({
  "code": ErrorCodeSchema,
  "detail": z.string().max(1000),
  "severity": z.enum(["ERROR","WARNING"]).describe("ERROR when absent. A WARNING (for example `SUBMISSION_LATE`) does not fail the transaction.").optional(),
  "pointer": z.string().max(500).describe("RFC 6901 JSON pointer into the request body, for example `/mainData/employee/dateOfBirth`.").optional(),
  "location": z.looseObject({
    "document": z.string().max(200).optional(),
    "page": z.int().gte(1).optional(),
    "field": z.string().max(200).optional(),
  }).describe("Location inside a PDF document, for signature and file problems.").optional(),
});

export const ProblemSchema = z.looseObject({
  "type": z.url().describe("URI identifying the problem type; one per catalog code."),
  "title": z.string().max(200).describe("Short, localized summary of the problem type."),
  "status": z.int().gte(400).lte(599),
  "detail": z.string().max(2000).describe("Localized explanation specific to this occurrence.").optional(),
  "instance": z.string().max(500).optional(),
  "code": ErrorCodeSchema,
  "errors": z.array(ProblemDetailItemSchema).max(500).describe("Per-field (or per-PDF location) details (T9).").optional(),
  "requestId": z.string().max(100).optional(),
  "retryAfterSeconds": z.int().gte(0).describe("For transient problems, when to try again.").optional(),
}).describe("RFC 9457 problem details, extended with the catalog `code`, field `errors` and the request id.");

export const BatchItemResultSchema = z.strictObject({
  "index": z.int().gte(0).lte(49).describe("Zero-based position of the item in the request."),
  "providerReference": ProviderReferenceSchema.optional(),
  "acknowledgement": SubmissionAcknowledgementSchema.optional(),
  "problem": ProblemSchema.optional(),
}).describe("Result for one batch item, in request order: exactly one of `acknowledgement` (queued, with its own\ntransaction id) or `problem` (refused at intake, for example `REQUEST_INVALID`).");

export const BatchAcknowledgementSchema = z.strictObject({
  "items": z.array(BatchItemResultSchema).min(1).max(50),
}).describe("Per-item results of a batch submission (DOMAIN.md T5), one per request item, in order.");

export const MainDataEmployerSchema = z.strictObject({
  "name": z.string().min(1).max(255),
  "taxCode": z.string().regex(new RegExp("^[0-9]{10}(-[0-9]{3})?$", 'u')).describe("Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch.").optional(),
  "address": z.string().min(1).max(500),
  "provinceCode": z.string().regex(new RegExp("^[0-9]{2}$", 'u')).describe("Code of the province or centrally-run city of the workplace (34 units since 2025).").optional(),
  "representative": z.strictObject({
    "fullName": z.string().min(1).max(100),
    "title": z.string().min(1).max(100).describe("Title (chức danh), for example Giám đốc."),
  }).describe("Person signing for the employer."),
}).describe("Employer (người sử dụng lao động).");

export const MainDataEmployeeSchema = z.strictObject({
  "fullName": z.string().min(1).max(100),
  "dateOfBirth": z.iso.date(),
  "sex": z.enum(["MALE","FEMALE"]).describe("Sex as recorded in the National Population Database."),
  "residence": z.string().min(1).max(500).describe("Place of residence (nơi cư trú)."),
  "identity": z.strictObject({
    "type": z.enum(["CCCD","CMND","PASSPORT"]),
    "number": z.string().regex(new RegExp("^(?:[0-9]{12}|[0-9]{9}|[A-Z0-9]{6,12})$", 'u')).describe("Never logged; masked in every log line."),
  }).describe("Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number."),
  "nationality": z.string().regex(new RegExp("^[A-Z]{2}$", 'u')).describe("ISO 3166-1 alpha-2 nationality; VN when omitted.").optional(),
}).describe("Employee (người lao động).");

export const MainDataJobSchema = z.strictObject({
  "position": z.enum(["MANAGER","HIGH_TECHNICAL","MID_TECHNICAL","OTHER"]).describe("Job position (vị trí việc làm) as the statistics of Decree 145/2020 classify it."),
  "title": z.string().min(1).max(200).describe("Job or title name (chức danh, công việc)."),
  "workplace": z.string().max(500).optional(),
}).describe("Job position and title (vị trí việc làm, chức danh), Decree 337/2025 Art. 13.1.c.");

export const MainDataTermSchema = z.strictObject({
  "type": z.enum(["INDEFINITE","FIXED_TERM","UNDER_ONE_MONTH","PROBATION"]),
  "startDate": z.iso.date(),
  "endDate": z.iso.date().describe("The term's last day (a 24-month term from 2026-03-02 ends on 2028-03-01). Required for FIXED_TERM, UNDER_ONE_MONTH and PROBATION; absent for INDEFINITE.").optional(),
}).describe("Contract term (loại hợp đồng). A fixed term lasts at most 36 months (Labor Code Art. 20).");

export const MainDataPaySchema = z.strictObject({
  "salary": z.int().gte(0).lte(10000000000).describe("Salary by job or title per pay period, in đồng."),
  "form": z.enum(["TIME_BASED","PRODUCT_BASED","PIECE_RATE"]).describe("Form of pay (hình thức trả lương, Labor Code Art. 96)."),
  "method": z.enum(["CASH","BANK_TRANSFER"]),
  "period": z.enum(["HOURLY","DAILY","WEEKLY","BIWEEKLY","MONTHLY"]).describe("Pay period (kỳ hạn trả lương)."),
  "allowances": z.array(z.strictObject({
    "name": z.string().min(1).max(200),
    "amount": z.int().gte(0).lte(10000000000),
  })).max(50).optional(),
  "otherSupplements": z.array(z.strictObject({
    "name": z.string().min(1).max(200),
    "amount": z.int().gte(0).lte(10000000000),
  })).max(50).optional(),
}).describe("Pay (tiền lương), Decree 337/2025 Art. 13.1.c; Labor Code 2019 Art. 90, 96, 97. Amounts in đồng.");

export const MainDataWorkingTimeSchema = z.strictObject({
  "hoursPerDay": z.number().gte(1).lte(12).optional(),
  "daysPerWeek": z.number().gte(1).lte(7).optional(),
  "description": z.string().max(500).optional(),
}).describe("Working time (thời giờ làm việc), optional; Labor Code 2019 Art. 105.");

export const ContractMainDataSchema = z.strictObject({
  "contractNumber": z.string().min(1).max(50).describe("Number printed on the contract by the parties (Số hợp đồng)."),
  "concludedOn": z.iso.date().describe("Date the contract was concluded (ngày giao kết)."),
  "employer": MainDataEmployerSchema,
  "employee": MainDataEmployeeSchema,
  "job": MainDataJobSchema,
  "term": MainDataTermSchema,
  "pay": MainDataPaySchema,
  "workingTime": MainDataWorkingTimeSchema.optional(),
  "socialInsurance": z.boolean().describe("Employee is in compulsory social insurance (feeds locality aggregates, Art. 13.1.d).").optional(),
}).describe("Main content of a labor contract, as Decree 337/2025 Art. 13.1.c requires (after Decree 145/2020):\nemployer, employee, job position, contract term and pay (DOMAIN.md T6: the field dictionary).\nDates are ISO 8601 calendar dates; money is an integer number of Vietnamese đồng.");

export const SubmittedDocumentRoleSchema = z.enum(["CONTRACT","APPENDIX","OTHER"]).describe("Role of a submitted file. `CONTRACT` is the principal signed document of the submission: the\nlabor contract itself, the sealed scan of a converted paper contract, or the signed lifecycle\ndocument named by the submission's `type`. `APPENDIX` is a signed appendix concluded together\nwith it; `OTHER` any related e-document (Decree 337/2025 Art. 13.1.a).");

export const SubmittedDocumentSchema = z.strictObject({
  "role": SubmittedDocumentRoleSchema,
  "fileName": z.string().min(1).max(255).regex(new RegExp("^[^/\\\\\\x00-\\x1f]+$", 'u')).describe("File name without a directory part, for display and download."),
  "mediaType": z.enum(["application/pdf"]).describe("Media type of the file; only `application/pdf` in v1."),
  "contentBase64": Base64DocumentSchema,
}).describe("One signed file of a submission (DOMAIN.md T7, F7). v1 accepts PDF only (`FILE_TYPE_NOT_ALLOWED`\notherwise): at most 10 MiB decoded (`FILE_TOO_LARGE`) and 500 pages (`PDF_TOO_MANY_PAGES`).");

export const CertificationEvidenceFileSchema = z.strictObject({
  "mediaType": z.enum(["application/pkcs7-mime"]).describe("Always `application/pkcs7-mime`; may be omitted.").optional(),
  "contentBase64": z.string().min(4).describe("Base64 of the DER-encoded CMS SignedData, at most 1 MiB decoded (`FILE_TOO_LARGE`; malformed\nbase64 is `REQUEST_INVALID`, checked while decoding)."),
}).describe("The provider's data message certification (chứng thực thông điệp dữ liệu, DOMAIN.md T8, N2): a\nCMS SignedData (RFC 5652, DER, `application/pkcs7-mime`) signed with the provider's certificate,\nwhose encapsulated content is a UTF-8 JSON document matching `CertificationEvidence`. At most\n1 MiB decoded. Failures: `EVIDENCE_INVALID`, `EVIDENCE_DOCUMENT_MISMATCH`.");

export const TransactionLogSchema = z.strictObject({
  "system": z.strictObject({
    "name": z.string().min(1).max(200),
    "version": z.string().min(1).max(50),
  }).describe("The eContract software that produced the log."),
  "events": z.array(z.strictObject({
    "at": z.iso.datetime({ offset: true }),
    "type": z.enum(["CREATED","ACCESSED","VIEWED","AUTHENTICATED","SIGNED","AMENDED","SUSPENDED","TERMINATED","STORED","SENT"]),
    "actor": z.string().min(1).max(200).describe("Who acted (name or account id). Personal data is protected as T17 requires."),
    "actorRole": z.enum(["EMPLOYER","EMPLOYEE","PROVIDER","SYSTEM"]),
    "ip": z.string().max(45).describe("Client IP address (IPv4 or IPv6), when known.").optional(),
    "userAgent": z.string().max(500).optional(),
    "documentSha256": Sha256Schema.optional(),
    "detail": z.string().max(1000).optional(),
  })).min(1).max(1000),
}).describe("Transaction log of the contract in the eContract (nhật ký giao dịch, Decree 337/2025 Art. 13.1.đ;\nDOMAIN.md core flow step 2): access information, operation history and the chain of events of\ncreation, signing, amendment, suspension, termination and storage, with authentication times and\nmetadata. Events are in chronological order; 1 to 1000 events.");

export const ContractSubmissionSchema = z.strictObject({
  "providerReference": ProviderReferenceSchema,
  "mainData": ContractMainDataSchema,
  "documents": z.array(SubmittedDocumentSchema).min(1).max(20).describe("Signed files; the first one is the signed contract (role `CONTRACT`), then appendices and other e-documents."),
  "evidence": CertificationEvidenceFileSchema,
  "transactionLog": TransactionLogSchema,
}).describe("One signed electronic labor contract sent by a provider (DOMAIN.md N1, F7, S2.1, T5-T8; Decree\n337/2025 Art. 13.1.a, c, đ): the main data, the signed PDF(s) (the signed contract first, role\n`CONTRACT`), the certification evidence and the transaction log. The whole JSON request body is at\nmost 16 MiB (`PAYLOAD_TOO_LARGE`); each document at most 10 MiB decoded. It should be sent within\n24 hours of the last signature (otherwise it is accepted but flagged `SUBMISSION_LATE`).");

export const BatchSubmissionSchema = z.strictObject({
  "items": z.array(ContractSubmissionSchema).min(1).max(50),
}).describe("Up to 50 contract submissions in one request (DOMAIN.md T5). The request body is at most 32 MiB;\nmore items or bytes fail the whole request with `BATCH_TOO_LARGE`. Each item is processed (and\nacknowledged) independently.");

export const ProviderStatusSchema = z.enum(["ACTIVE","SUSPENDED","DISCONNECTED"]).describe("Connection status of a provider (DOMAIN.md N8, F12; Decree 337/2025 Art. 15.4). A SUSPENDED\nprovider can be restored to ACTIVE; DISCONNECTED is final.");

export const ProviderCapabilitySchema = z.enum(["CONTRACT","BATCH","LIFECYCLE","CONVERTED_PAPER"]).describe("What a provider's integration sends to the Platform (DOMAIN.md N8 \"integration capability\", F30).");

export const ProviderStatusChangeSchema = z.strictObject({
  "previousStatus": ProviderStatusSchema.optional(),
  "status": ProviderStatusSchema,
  "reason": z.string().min(1).max(2000),
  "changedBy": z.string().max(100).describe("Id of the Ministry operator."),
  "changedAt": z.iso.datetime({ offset: true }),
}).describe("One change of a provider's connection status, with its reason, actor and time (DOMAIN.md N8, F12).");

export const ProviderSchema = z.strictObject({
  "providerId": z.string().min(1).max(64),
  "name": z.string().min(1).max(300),
  "contactEmail": z.email().max(320),
  "status": ProviderStatusSchema,
  "statusChangedAt": z.iso.datetime({ offset: true }).optional(),
  "createdAt": z.iso.datetime({ offset: true }),
  "capabilities": z.array(ProviderCapabilitySchema).max(10),
  "authenticationMethods": z.array(z.enum(["private_key_jwt","client_secret"])).max(2).describe("Client authentication registered for the provider (`client_secret` works in the sandbox only)."),
  "callbackUrl": z.url().max(2048).describe("Where signed transaction results are posted (F4); see `updateProviderTechnicalInfo`.").optional(),
  "ipAllowList": z.array(z.string().max(64)).max(100).describe("CIDRs the provider must call from; empty allows any address (N8).").optional(),
  "webhookSecretSetAt": z.iso.datetime({ offset: true }).describe("When the current webhook secret was made (`rotateWebhookSecret`); absent when there is none.").optional(),
  "statusHistory": z.array(ProviderStatusChangeSchema).max(1000).optional(),
}).describe("A provider's profile in the registry (DOMAIN.md N8, F12, S2.3): contact, connection status,\nintegration capabilities, how it authenticates and its technical info (callback URL, IP\nallow-list, when its webhook secret was made; the secret itself is never returned).\n`statusHistory` (oldest first) is returned by `getProvider`.");

export const CallerSchema = z.strictObject({
  "kind": z.enum(["provider","operator"]),
  "role": z.enum(["provider","operator"]).describe("The `role` claim of the access token; more roles may come (T3, T4)."),
  "scope": z.enum(["provider","nation"]).describe("What data the caller may read - its own (`provider`) or every provider's (`nation`)."),
  "clientId": z.string().min(1).max(128).describe("The OAuth2 client the token was issued to."),
  "providerId": z.string().min(1).max(64).describe("Providers only.").optional(),
  "operatorId": z.string().min(1).max(128).describe("Operators only.").optional(),
  "provider": ProviderSchema.optional(),
}).describe("Who the bearer token belongs to (DOMAIN.md T3, T4, T17): a provider's application, which sees\nits own data only, or a Ministry operator, whose data scope is the nation. A provider also gets\nits own registry profile with its connection status (N8, S2.3).");

export const EvidenceDocumentRoleSchema = z.enum(["CONTRACT","APPENDIX","AMENDMENT","SUPPLEMENT","SUSPENSION","RESUMPTION","TERMINATION","CONVERTED_PAPER","OTHER"]).describe("Kind of a document named in the certification evidence.");

export const CertificationEvidenceSchema = z.strictObject({
  "version": z.literal(1).describe("Format version of this document; 1 in v1 of the API."),
  "provider": z.strictObject({
    "id": z.string().min(1).max(64).describe("Provider id assigned by the Platform (the OAuth2 client id)."),
    "name": z.string().min(1).max(255),
  }).describe("The certifying eContract provider."),
  "providerReference": ProviderReferenceSchema,
  "issuedAt": z.iso.datetime({ offset: true }).describe("When the provider issued this certification."),
  "documents": z.array(z.strictObject({
    "name": z.string().min(1).max(255).describe("File name, as in the submission."),
    "role": EvidenceDocumentRoleSchema,
    "sha256": Sha256Schema,
    "size": z.int().gte(1).lte(10485760).describe("Size in bytes."),
  })).min(1).max(20),
  "signers": z.array(z.strictObject({
    "party": z.enum(["EMPLOYER","EMPLOYEE","PROVIDER","CONVERTER"]).describe("Who signed. `CONVERTER` is the organisation that sealed a converted paper contract."),
    "fullName": z.string().min(1).max(100),
    "certificateSha256": Sha256Schema,
    "authenticationMethod": z.enum(["VNEID","OTP_SMS","PASSWORD_2FA","OTHER"]).describe("How the eContract authenticated the signer before signing (Decree 337/2025 Art. 7.1.d)."),
    "authenticatedAt": z.iso.datetime({ offset: true }),
    "signedAt": z.iso.datetime({ offset: true }),
  })).min(1).max(20),
  "events": z.array(z.strictObject({
    "at": z.iso.datetime({ offset: true }),
    "type": z.enum(["CREATED","VIEWED","AUTHENTICATED","SIGNED","SENT","STORED"]),
    "actor": z.string().min(1).max(200),
    "detail": z.string().max(1000).optional(),
  })).min(1).max(1000),
}).describe("JSON content of the certification evidence CMS (`CertificationEvidenceFile`): who signed which\ndocuments, when, with which identity and authentication (Decree 337/2025 Art. 7.1.d, 7.2;\nDOMAIN.md core flow steps 2 and 4, N2, F8). Every `documents[].sha256` must equal the SHA-256 of\na submitted document and `size` its decoded length (`EVIDENCE_DOCUMENT_MISMATCH`); every\n`signers[].certificateSha256` must match a signature in the PDF (`SIGNATURE_PARTY_MISSING`).");

export const ContractIdSchema = z.string().regex(new RegExp("^[0-9]{16}$", 'u')).describe("National contract ID (F9): 16 digits; the first two are the issuing year, the next twelve a keyed\npermutation of a sequence, the last two ISO 7064 MOD 97-10 check digits (the number mod 97 is 1).\nDisplayed as 4-4-4-4.");

export const ContractStateSchema = z.enum(["ACTIVE","SUSPENDED","TERMINATED","ARCHIVED"]).describe("Lifecycle state of a contract with an ID (DOMAIN.md F10): `ACTIVE` once the ID is issued,\n`SUSPENDED` after a suspension (back to `ACTIVE` on resumption), `TERMINATED` after termination,\n`ARCHIVED` when the Platform archives a terminated contract. No transition leaves `TERMINATED`\nexcept to `ARCHIVED`.");

export const DocumentKindSchema = z.enum(["CONTRACT","APPENDIX","AMENDMENT","SUPPLEMENT","SUSPENSION","RESUMPTION","TERMINATION","CONVERTED_PAPER","EVIDENCE","TRANSACTION_LOG","CONVERSION_LOG","OTHER"]).describe("Kind of a stored document of a contract (DOMAIN.md S1.2, F10).");

export const ContractDocumentSchema = z.strictObject({
  "documentId": z.string().regex(new RegExp("^[A-Za-z0-9_-]{1,64}$", 'u')),
  "kind": DocumentKindSchema,
  "fileName": z.string().min(1).max(255),
  "mediaType": z.enum(["application/pdf","application/pkcs7-mime","application/json"]),
  "size": z.int().gte(0).describe("Size in bytes."),
  "sha256": Sha256Schema,
  "transactionId": z.uuid().describe("The transaction that brought the document."),
  "addedAt": z.iso.datetime({ offset: true }),
}).describe("A document stored under a contract ID, downloadable with `downloadDocument` (DOMAIN.md S1.2).");

export const ContractSchema = z.strictObject({
  "contractId": ContractIdSchema,
  "state": ContractStateSchema,
  "origin": z.enum(["ELECTRONIC","CONVERTED_PAPER"]).describe("Concluded electronically, or concluded on paper and converted (Decree 337/2025 Art. 9.2)."),
  "mainData": ContractMainDataSchema,
  "issuedAt": z.iso.datetime({ offset: true }).describe("When the ID was issued."),
  "late": z.boolean().describe("The initial submission arrived more than 24 hours after the last signature."),
  "providerReference": ProviderReferenceSchema,
  "documents": z.array(ContractDocumentSchema).max(1000),
  "history": z.array(z.strictObject({
    "at": z.iso.datetime({ offset: true }),
    "event": z.enum(["ISSUED","APPENDIX_ADDED","AMENDED","SUPPLEMENTED","SUSPENDED","RESUMED","TERMINATED","ARCHIVED"]),
    "transactionId": z.uuid().describe("The transaction that caused the event; absent for events the Platform originates (`ARCHIVED`).").optional(),
    "fromState": ContractStateSchema.describe("Absent for `ISSUED`.").optional(),
    "toState": ContractStateSchema,
  })).max(1000).describe("Lifecycle events, oldest first."),
}).describe("A labor contract with its national ID, its current main data, documents and history (DOMAIN.md\nF9, F10, N4, N5, S1.1). `mainData` reflects amendments and supplements in force.");

export const ContractMainDataChangesSchema = z.strictObject({
  "employer": MainDataEmployerSchema.optional(),
  "job": MainDataJobSchema.optional(),
  "term": MainDataTermSchema.optional(),
  "pay": MainDataPaySchema.optional(),
  "workingTime": MainDataWorkingTimeSchema.optional(),
  "socialInsurance": z.boolean().optional(),
}).describe("Sections of the main data that an amendment or supplement replaces (Decree 337/2025 Art. 9.1,\n13.1.c). Each present section replaces the stored section as a whole; absent sections are kept.\nThe employee's identity cannot change through an amendment.");

export const ConversionLogSchema = z.strictObject({
  "system": z.string().min(1).max(200).describe("Name (and version) of the converting system or software."),
  "personName": z.string().min(1).max(100).describe("Full name of the person who converted the contract.").optional(),
  "personTitle": z.string().min(1).max(100).describe("Title (chức danh) of that person.").optional(),
  "organisationName": z.string().min(1).max(255).describe("Name of the converting organisation, when an organisation converted it.").optional(),
  "completedAt": z.iso.datetime({ offset: true }).describe("Date and time the conversion finished."),
  "fileFormat": z.literal("application/pdf").describe("Format of the converted file."),
  "fileSize": z.int().gte(1).lte(10485760).describe("Size of the converted file in bytes."),
  "pageCount": z.int().gte(1).lte(500),
  "sha256": Sha256Schema,
  "sealSignature": z.strictObject({
    "signerCertificateSha256": Sha256Schema,
    "timestampedAt": z.iso.datetime({ offset: true }),
  }).describe("The converting organisation's digital signature sealing the file, with its timestamp."),
  "matchesOriginal": z.literal(true).describe("Confirms the converted copy was checked and matches the paper original."),
}).describe("Conversion log of a paper labor contract converted to a data message (Decree 337/2025 Art. 9.2.a,\n13.1.b; Law on Electronic Transactions 2023 Art. 12.1; DOMAIN.md core flow step 3). At least one\nof `personName` (with `personTitle`) or `organisationName` must be given: who converted the\ncontract. A log naming neither, or whose `sha256`, `fileSize` or `pageCount` differ from the\nsubmitted scan, fails with `CONVERSION_LOG_INVALID`.");

export const ConvertedPaperSubmissionSchema = z.strictObject({
  "providerReference": ProviderReferenceSchema,
  "mainData": ContractMainDataSchema,
  "documents": z.array(SubmittedDocumentSchema).min(1).max(20).describe("The sealed scanned contract first (role `CONTRACT`), then scanned appendices."),
  "conversionLog": ConversionLogSchema,
  "transactionLog": TransactionLogSchema.optional(),
}).describe("A labor contract concluded on paper and converted to a data message (Decree 337/2025 Art. 9.2.a,\n13.1.b; DOMAIN.md core flow step 3, N1): the main data, the sealed scanned PDF (role `CONTRACT`,\nincluding earlier paper amendments) and the conversion log. It gets an ID like an electronic\ncontract; only then can e-documents amend it (`CONTRACT_NOT_CONVERTED`).");

export const ExplanationStateSchema = z.enum(["PENDING","APPROVED","REJECTED"]).describe("An explanation is `PENDING` until an operator `APPROVED` or `REJECTED` it (DOMAIN.md F37).");

export const ExplanationTransactionSchema = z.strictObject({
  "transactionId": z.uuid(),
  "providerReference": z.string().min(1).max(100),
  "repushedAt": z.iso.datetime({ offset: true }).optional(),
  "repushedBy": z.string().max(100).describe("Client id of the provider application that pushed it again.").optional(),
}).describe("A transaction covered by an explanation, and when and by whom it was pushed again (DOMAIN.md F37).");

export const ExplanationAttachmentSchema = z.strictObject({
  "fileName": z.string().min(1).max(255),
  "mediaType": z.enum(["application/pdf","image/png","image/jpeg","text/plain"]),
  "size": z.int().gte(0).lte(2097152),
  "sha256": Sha256Schema,
  "contentBase64": z.base64().max(2796204).optional(),
}).describe("A file attached to an explanation. `contentBase64` is returned by `getExplanation` only; lists\ncarry the description alone.");

export const ExplanationSchema = z.strictObject({
  "explanationId": z.uuid(),
  "providerId": z.string().min(1).max(64),
  "state": ExplanationStateSchema,
  "text": z.string().min(1).max(5000),
  "transactions": z.array(ExplanationTransactionSchema).min(1).max(100),
  "attachments": z.array(ExplanationAttachmentSchema).max(5),
  "submittedAt": z.iso.datetime({ offset: true }),
  "submittedBy": z.string().max(100).describe("Client id of the provider application that submitted it."),
  "decidedAt": z.iso.datetime({ offset: true }).optional(),
  "decidedBy": z.string().max(100).describe("Id of the Ministry operator who decided.").optional(),
  "decisionReason": z.string().max(2000).optional(),
}).describe("A provider's explanation of failed transactions and the operator's decision (DOMAIN.md F36,\nF37). Every step carries who and when: submitted (provider client id), decided (operator id),\npushed again (per transaction).");

export const ExplanationAttachmentUploadSchema = z.strictObject({
  "fileName": z.string().min(1).max(255).regex(new RegExp("^[^/\\\\\\x00-\\x1f]+$", 'u')),
  "mediaType": z.enum(["application/pdf","image/png","image/jpeg","text/plain"]),
  "contentBase64": z.base64().min(4).max(2796204).describe("Standard base64 of the file bytes (2 MiB decoded at most)."),
}).describe("A small supporting file sent with an explanation (DOMAIN.md F36), at most 2 MiB decoded.");

export const ExplanationDecisionSchema = z.strictObject({
  "decision": z.enum(["APPROVED","REJECTED"]),
  "reason": z.string().min(1).max(2000),
}).describe("An operator's decision on a pending explanation, with its reason (DOMAIN.md F37).");

export const ExplanationPageSchema = z.strictObject({
  "items": z.array(ExplanationSchema).max(500),
  "nextCursor": z.string().max(500).nullable().describe("Opaque cursor of the next page; null or absent on the last page.").optional(),
}).describe("One page of explanations, newest first (DOMAIN.md F36, F37).");

export const ExplanationStatusSchema = z.enum(["NONE","AWAITING_EXPLANATION","PENDING_APPROVAL","APPROVED","REJECTED","REPUSHED"]).describe("Where a transaction stands in the failed-transaction workflow (DOMAIN.md F36, F37): `NONE` (not\nfailed), `AWAITING_EXPLANATION` (FAILED, the provider owes an explanation), `PENDING_APPROVAL`\n(explained, an operator must decide), `APPROVED` (may be pushed again), `REJECTED` (explain\nagain or fix and resubmit), `REPUSHED` (pushed again; a new failure makes it `AWAITING_EXPLANATION`).");

export const ExplanationSubmissionSchema = z.strictObject({
  "transactionIds": z.array(z.uuid()).min(1).max(100),
  "text": z.string().min(10).max(5000).describe("Why the transactions failed and what was corrected, in English or Vietnamese."),
  "attachments": z.array(ExplanationAttachmentUploadSchema).max(5).optional(),
}).describe("A provider's explanation of one or many of its FAILED transactions awaiting explanation (or whose\nprevious explanation was rejected) (DOMAIN.md F36). Each transaction may be in one pending\nexplanation at a time.");

export const FailureClassSchema = z.enum(["FORMAT","BUSINESS","FILE","SIGNATURE"]).describe("Why a transaction failed (T10): format, business, file or signature error.");

export const HealthSchema = z.looseObject({
  "status": z.enum(["ok","unavailable"]),
  "checks": z.record(z.string(), z.enum(["ok","unavailable"])).optional(),
});

export const IdempotencyKeySchema = z.string().min(1).max(255).describe("Client-chosen key, 1-255 characters; a UUID is recommended.");

export const LifecycleTypeSchema = z.enum(["APPENDIX","AMENDMENT","SUPPLEMENT","SUSPENSION","RESUMPTION","TERMINATION"]).describe("Kind of a later document attached to an existing contract ID (Decree 337/2025 Art. 9.3; DOMAIN.md\nN5, F10): appendix, amendment, supplement, suspension (tạm hoãn), resumption after suspension, or\ntermination (chấm dứt).");

export const LifecycleSubmissionSchema = z.strictObject({
  "type": LifecycleTypeSchema,
  "providerReference": ProviderReferenceSchema,
  "effectiveOn": z.iso.date().describe("Date the document takes effect (for a suspension, the first day of suspension)."),
  "summary": z.string().max(2000).describe("Short human-readable summary of the document.").optional(),
  "changes": ContractMainDataChangesSchema.describe("For AMENDMENT and SUPPLEMENT, the main data sections the document changes (optional).").optional(),
  "documents": z.array(SubmittedDocumentSchema).min(1).max(20).describe("Signed files; the first is the signed lifecycle document (role `CONTRACT`)."),
  "evidence": CertificationEvidenceFileSchema,
  "transactionLog": TransactionLogSchema,
}).describe("A later document of an existing contract (appendix, amendment, supplement, suspension, resumption,\ntermination) concluded electronically and attached to the same contract ID (Decree 337/2025\nArt. 9.1, 9.3; DOMAIN.md N5, F10). Same size limits as `ContractSubmission`. The transition must\nbe allowed by the contract's state (`LIFECYCLE_TRANSITION_INVALID`).");

export const NotificationChannelSchema = z.enum(["EMAIL","WEBHOOK"]).describe("EMAIL to the provider's contact address (F39), or WEBHOOK to its callback URL (F4).");

export const NotificationKindSchema = z.enum(["PROVIDER_SUSPENDED","PROVIDER_RESTORED","PROVIDER_DISCONNECTED","EXPLANATION_APPROVED","EXPLANATION_REJECTED","TRANSACTION_COMPLETED"]).describe("What the notification is about: the provider's connection was suspended, restored or terminated\n(F39; Decree 337/2025 Art. 15.4), an explanation of failed transactions was approved or rejected\n(F37), or a transaction reached its final state (F4 \"sync result\", webhook).");

export const NotificationStatusSchema = z.enum(["PENDING","SENT","FAILED"]).describe("Delivery state of a notification (DOMAIN.md F4, F39, T14): PENDING until delivered (SENT) or\ngiven up after its last attempt or a permanent refusal (FAILED).");

export const NotificationSchema = z.strictObject({
  "notificationId": z.uuid(),
  "providerId": z.string().min(1).max(64),
  "channel": NotificationChannelSchema,
  "kind": NotificationKindSchema,
  "recipient": z.string().max(2048).describe("The provider's contact e-mail, or the callback URL configured when the event happened."),
  "subject": z.string().max(1000).describe("E-mails only.").optional(),
  "text": z.string().max(100000),
  "status": NotificationStatusSchema,
  "attempts": z.int().gte(0).describe("Delivery attempts so far."),
  "createdAt": z.iso.datetime({ offset: true }).describe("When the event happened."),
  "nextAttemptAt": z.iso.datetime({ offset: true }).describe("PENDING only; when the next attempt is due (retries back off exponentially).").optional(),
  "sentAt": z.iso.datetime({ offset: true }).optional(),
  "failedAt": z.iso.datetime({ offset: true }).optional(),
  "lastError": z.string().max(1000).describe("Why the last attempt failed (an SMTP reply or an HTTP status), without secrets.").optional(),
  "messageId": z.string().max(300).describe("The e-mail's Message-ID or the webhook's Hdld-Webhook-Id, fixed at the first attempt and the\nsame on every retry, so a receiver can drop a copy it already has.").optional(),
}).describe("One message the Platform sends a provider (DOMAIN.md F4, F39, T14), recorded in the same database\ntransaction as the event that caused it and delivered from a durable outbox. E-mails are\nbilingual (Vietnamese first, then English); `text` is the plain-text body. For a webhook, `text`\nis the exact JSON body that was signed and posted, and `messageId` its `Hdld-Webhook-Id`.");

export const NotificationPageSchema = z.strictObject({
  "items": z.array(NotificationSchema).max(500),
  "nextCursor": z.string().max(500).nullable().describe("Opaque cursor of the next page; null or absent on the last page.").optional(),
}).describe("One page of notifications (DOMAIN.md F4, F39, T14), newest first.");

export const PlatformKeysSchema = z.looseObject({
  "keys": z.array(z.looseObject({
    "kty": z.enum(["OKP","EC","RSA"]),
    "kid": z.string().min(1).max(200),
    "use": z.enum(["sig"]).optional(),
    "alg": z.enum(["EdDSA","ES256","ES384","RS256","PS256"]).optional(),
    "crv": z.enum(["Ed25519","P-256","P-384"]).optional(),
    "x": z.string().regex(new RegExp("^[A-Za-z0-9_-]+$", 'u')).optional(),
    "y": z.string().regex(new RegExp("^[A-Za-z0-9_-]+$", 'u')).optional(),
    "n": z.string().regex(new RegExp("^[A-Za-z0-9_-]+$", 'u')).optional(),
    "e": z.string().regex(new RegExp("^[A-Za-z0-9_-]+$", 'u')).optional(),
  }).describe("A public JWK; private members are never published.")).min(1).max(20),
}).describe("JSON Web Key Set (RFC 7517) of the Platform's public keys that sign receipts. Keys are rotated;\na retired key stays published while receipts signed with it may still be verified.");

export const ProviderListSchema = z.strictObject({
  "items": z.array(ProviderSchema).max(1000),
}).describe("Every registered provider (DOMAIN.md N8, F12), by name.");

export const ReconciliationFiguresSchema = z.strictObject({
  "received": z.int().gte(0),
  "notProcessed": z.int().gte(0).describe("Status RECEIVED."),
  "processing": z.int().gte(0),
  "succeeded": z.int().gte(0),
  "failed": z.int().gte(0),
  "awaitingExplanation": z.int().gte(0).describe("FAILED transactions whose `explanationStatus` is `AWAITING_EXPLANATION` (F36)."),
  "failuresByCode": z.array(z.strictObject({
    "code": ErrorCodeSchema,
    "count": z.int().gte(1),
  })).max(200),
}).describe("Transactions received in the period, by status (DOMAIN.md F35, T10). `received` = `notProcessed`\n+ `processing` + `succeeded` + `failed`. `failuresByCode` counts FAILED transactions whose errors\ninclude the code (a transaction with two codes counts under each).");

export const ProviderReconciliationSchema = z.strictObject({
  "providerId": z.string().min(1).max(64),
  "providerName": z.string().min(1).max(300),
  "providerStatus": ProviderStatusSchema,
  "figures": ReconciliationFiguresSchema,
  "apiCalls": z.int().gte(0).describe("Authenticated API calls of the provider logged in the period (F35, T11)."),
  "transactionsUrl": z.string().max(1000).describe("The `listTransactions` request listing these transactions."),
  "failedTransactionsUrl": z.string().max(1000).describe("The `listTransactions` request listing the failed ones."),
}).describe("One provider's reconciliation figures, with links to drill down into its transactions (DOMAIN.md F35).");

export const ReportingPeriodSchema = z.string().min(7).max(7).regex(new RegExp("^[0-9]{4}-(0[1-9]|1[0-2])$", 'u')).describe("A calendar month in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), `YYYY-MM`: from\n00:00 on its 1st to 00:00 on the 1st of the next month, Vietnam time.");

export const ReportTimelinessSchema = z.enum(["ON_TIME","LATE","MISSING","DUE"]).describe("Where a provider's monthly report stands against its deadline (before the 30th of the next\nmonth, Vietnam time; Decree 337/2025 Art. 25.6), by its first version: ON_TIME (sent before the\ndeadline), LATE (sent at or after it), MISSING (deadline passed, none sent), DUE (none sent yet,\ndeadline not passed).");

export const ProviderReportFiguresSchema = z.strictObject({
  "contractsHandled": z.int().gte(0).lte(1000000000).describe("Labor contracts created or worked on in the eContract during the month."),
  "contractsSigned": z.int().gte(0).lte(1000000000).describe("Contracts whose last party signed during the month."),
  "contractsSubmitted": z.int().gte(0).lte(1000000000).describe("Contracts sent to the Platform during the month."),
  "incidents": z.int().gte(0).lte(1000000).describe("Service incidents during the month (outages, security events, data errors); describe them in `text`."),
}).describe("The month's figures of the provider's eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33).");

export const TechnicalAuditResultSchema = z.enum(["PASSED","PASSED_WITH_FINDINGS","FAILED"]).describe("The auditor's conclusion on the certification service.");

export const ReportAttachmentSchema = z.strictObject({
  "fileName": z.string().min(1).max(255),
  "mediaType": z.enum(["application/pdf"]),
  "size": z.int().gte(0).lte(10485760),
  "sha256": Sha256Schema,
  "contentBase64": z.base64().max(13981016).optional(),
}).describe("The technical audit report file of a monthly report. `contentBase64` is returned by\n`getProviderReport` only; lists carry the description alone.");

export const TechnicalAuditSchema = z.strictObject({
  "auditor": z.string().min(1).max(255),
  "auditedOn": z.iso.date(),
  "result": TechnicalAuditResultSchema,
  "summary": z.string().max(5000).optional(),
  "attachment": ReportAttachmentSchema,
}).describe("A technical audit result of the provider's certification service, as sent (DOMAIN.md F33).");

export const ProviderReportSchema = z.strictObject({
  "reportId": z.uuid(),
  "providerId": z.string().min(1).max(64),
  "period": ReportingPeriodSchema,
  "version": z.int().gte(1),
  "latestVersion": z.int().gte(1).describe("The highest version of the same provider and month; greater than `version` when corrected since."),
  "timeliness": ReportTimelinessSchema,
  "deadline": z.iso.datetime({ offset: true }).describe("00:00 on the 30th of the month after `period`, Vietnam time (1 March when that month is February); exclusive."),
  "firstSubmittedAt": z.iso.datetime({ offset: true }),
  "submittedAt": z.iso.datetime({ offset: true }).describe("When this version was sent."),
  "submittedBy": z.string().max(100).describe("Client id of the provider application that sent this version."),
  "figures": ProviderReportFiguresSchema,
  "text": z.string().min(1).max(20000),
  "technicalAudit": TechnicalAuditSchema.optional(),
}).describe("One version of a provider's monthly report (DOMAIN.md F33). `timeliness` is decided by the\nfirst version (`firstSubmittedAt`), so a correction never makes an on-time report late.");

export const ProviderReportPageSchema = z.strictObject({
  "items": z.array(ProviderReportSchema).max(500),
  "nextCursor": z.string().max(500).nullable().describe("Opaque cursor of the next page; null or absent on the last page.").optional(),
}).describe("One page of monthly reports (latest version of each), newest first (DOMAIN.md F33).");

export const ReportAttachmentUploadSchema = z.strictObject({
  "fileName": z.string().min(1).max(255).regex(new RegExp("^[^/\\\\\\x00-\\x1f]+$", 'u')),
  "mediaType": z.enum(["application/pdf"]),
  "sha256": Sha256Schema,
  "contentBase64": z.base64().min(4).max(13981016).describe("Standard base64 of the file bytes (10 MiB decoded at most)."),
}).describe("The technical audit report as a PDF, at most 10 MiB decoded, with the SHA-256 of its bytes so\nthe Platform can check it arrived intact (`ATTACHMENT_DIGEST_MISMATCH` otherwise).");

export const TechnicalAuditUploadSchema = z.strictObject({
  "auditor": z.string().min(1).max(255).describe("The organisation that audited the certification service."),
  "auditedOn": z.iso.date().describe("When the audit ended."),
  "result": TechnicalAuditResultSchema,
  "summary": z.string().max(5000).optional(),
  "attachment": ReportAttachmentUploadSchema,
}).describe("The result of a technical audit of the provider's data message certification service (DOMAIN.md\nF33), with the audit report attached.");

export const ProviderReportSubmissionSchema = z.strictObject({
  "period": ReportingPeriodSchema,
  "figures": ProviderReportFiguresSchema,
  "text": z.string().min(10).max(20000).describe("How the service went during the month (incidents, changes, support), in English or Vietnamese."),
  "technicalAudit": TechnicalAuditUploadSchema.optional(),
  "replacesVersion": z.int().gte(1).describe("Only to correct a report already sent; the latest version, which this one replaces.").optional(),
}).describe("A provider's monthly report on its eContract service (Decree 337/2025 Art. 25.6; DOMAIN.md F33)\nfor a month that has ended. To correct a report already sent, send the whole report again with\n`replacesVersion` set to its latest version: a new version is kept beside the earlier ones.");

export const ProviderReportTrackingSchema = z.strictObject({
  "period": ReportingPeriodSchema,
  "deadline": z.iso.datetime({ offset: true }),
  "evaluatedAt": z.iso.datetime({ offset: true }),
  "items": z.array(z.strictObject({
    "providerId": z.string().min(1).max(64),
    "providerName": z.string().max(255),
    "timeliness": ReportTimelinessSchema,
    "reportId": z.uuid().describe("The latest version, when one was sent.").optional(),
    "latestVersion": z.int().gte(1).optional(),
    "firstSubmittedAt": z.iso.datetime({ offset: true }).optional(),
  })).max(10000),
}).describe("Who owes the monthly report on `period` and where each stands at `evaluatedAt` (the Platform's\nclock) (DOMAIN.md F33; Decree 337/2025 Art. 25.6). A provider owes it when it was registered\nbefore the month ended and not disconnected before it began.");

export const ProviderStatusUpdateSchema = z.strictObject({
  "status": ProviderStatusSchema,
  "reason": z.string().min(1).max(2000),
}).describe("Suspend, restore or disconnect a provider, with the reason notified to it (Decree 337/2025 Art. 15.4).");

export const ProviderTechnicalInfoSchema = z.strictObject({
  "callbackUrl": z.url().max(2048).nullable().describe("HTTPS URL receiving `transactionCompleted` webhooks (http is accepted in the sandbox only);\nnull or absent removes it. No credentials and no fragment in the URL. Webhooks are sent once\na webhook secret was also made (`rotateWebhookSecret`).").optional(),
  "ipAllowList": z.array(z.string().min(2).max(64)).max(100).describe("IPv4 or IPv6 CIDRs (`203.0.113.0/24`, `2001:db8::/32`; a bare address means that address\nonly) the provider's calls and token requests must come from; empty allows any address.\nOthers are refused with `IP_NOT_ALLOWED`."),
}).describe("A provider's technical information (DOMAIN.md N8, S2.3): where the Platform posts signed\ntransaction results (F4) and the addresses the provider calls from. Replaces both values.");

export const PublicProviderSchema = z.strictObject({
  "name": z.string().min(1).max(300),
  "capabilities": z.array(ProviderCapabilitySchema).max(10),
}).describe("A connected provider as published on the public pages (DOMAIN.md F30, N14).");

export const PublicProviderListSchema = z.strictObject({
  "items": z.array(PublicProviderSchema).max(1000),
}).describe("The providers currently connected (status ACTIVE), by name (DOMAIN.md F30).");

export const ReceiptSchema = z.strictObject({
  "iss": z.string().min(1).max(500).describe("Issuer, the Platform's base URL."),
  "transactionId": z.uuid(),
  "providerReference": ProviderReferenceSchema,
  "outcome": z.enum(["ISSUED","REJECTED","REPLAY"]).describe("ID issued, submission rejected, or the contract already had an ID (`contractId` is the existing one)."),
  "contractId": ContractIdSchema.optional(),
  "errors": z.array(ErrorCodeSchema).max(100).describe("Catalog codes of the problems, for a rejected submission.").optional(),
  "payloadSha256": Sha256Schema,
  "issuedAt": z.iso.datetime({ offset: true }),
  "verifyUrl": z.string().max(500).describe("URL where anyone with the right can check the transaction."),
}).describe("Decoded payload of the Platform's receipt, a compact JWS (RFC 7515) in `Transaction.receipt`,\nsigned with a key published at `/.well-known/jwks.json` (its `kid` in the JWS header). It proves\nthe outcome of a transaction without a call back to the Platform (DOMAIN.md F9, S2.2).");

export const ReconciliationSchema = z.strictObject({
  "from": z.iso.datetime({ offset: true }).optional(),
  "to": z.iso.datetime({ offset: true }).optional(),
  "generatedAt": z.iso.datetime({ offset: true }),
  "providers": z.array(ProviderReconciliationSchema).max(1000),
  "totals": ReconciliationFiguresSchema,
}).describe("Reconciliation report of provider transactions (DOMAIN.md F35): per provider, what was received\nin the period `[from, to)` (by `receivedAt`) and where it stands now. A provider sees itself only.");

export const SandboxClockSchema = z.strictObject({
  "now": z.iso.datetime({ offset: true }),
  "offsetSeconds": z.int(),
}).describe("The sandbox Platform's current time and its offset from real time.");

export const SandboxClockChangeSchema = z.union([z.strictObject({
  "advanceSeconds": z.int().gte(0).lte(315360000),
}), z.strictObject({
  "offsetSeconds": z.int().gte(-315360000).lte(315360000),
})]).describe("Moves the sandbox clock, to test the 24-hour rule (`SUBMISSION_LATE`) and time-dependent checks\n(certificate expiry) (DOMAIN.md S2.4 \"test environment\"): either forward by `advanceSeconds`, or\nto a given `offsetSeconds` from real time (0 resets it).");

export const SandboxIdentityRegistrationSchema = z.strictObject({
  "identities": z.array(z.strictObject({
    "identityNumber": z.string().regex(new RegExp("^(?:[0-9]{12}|[0-9]{9}|[A-Z0-9]{6,12})$", 'u')).describe("Citizen ID (CCCD, 12 digits), old ID card (CMND, 9 digits) or passport number."),
    "fullName": z.string().min(1).max(100),
    "dateOfBirth": z.iso.date(),
    "sex": z.enum(["MALE","FEMALE"]),
  })).min(1).max(1000).optional(),
  "enterprises": z.array(z.strictObject({
    "taxCode": z.string().regex(new RegExp("^[0-9]{10}(-[0-9]{3})?$", 'u')).describe("Enterprise/tax code (mã số thuế), 10 digits or 10-3 for a branch."),
    "name": z.string().min(1).max(255),
    "address": z.string().min(1).max(500),
    "status": z.enum(["ACTIVE","SUSPENDED","DISSOLVING","DISSOLVED","REVOKED"]).describe("ACTIVE (đang hoạt động), SUSPENDED (tạm ngừng kinh doanh), DISSOLVING (đang làm thủ tục\ngiải thể), DISSOLVED (đã giải thể), REVOKED (bị thu hồi giấy chứng nhận đăng ký). Only an\nACTIVE employer passes the identity check."),
  })).min(1).max(1000).describe("Employers as the National Business Registration Portal would answer for them.").optional(),
}).describe("Test persons for the sandbox population registry and test enterprises for the sandbox business\nregistry (each list 1 to 1000 per call; either or both).");

export const SandboxIdentityRegistrationResultSchema = z.strictObject({
  "registered": z.int().gte(0),
});

export const TokenRequestSchema = z.union([z.strictObject({
  "grant_type": z.literal("client_credentials"),
  "client_assertion_type": z.literal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
  "client_assertion": z.string().min(1).max(8192).regex(new RegExp("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", 'u')).describe("Compact JWS with iss = sub = client id, aud = token URL, exp, iat and jti."),
  "client_id": z.string().min(1).max(64).describe("Optional; must equal the assertion's `sub` when present.").optional(),
  "scope": z.string().max(500).describe("Space-separated scopes; all the client's scopes when absent.").optional(),
}), z.strictObject({
  "grant_type": z.literal("client_credentials"),
  "client_id": z.string().min(1).max(64),
  "client_secret": z.string().min(1).max(500).describe("Sandbox only."),
  "scope": z.string().max(500).optional(),
})]).describe("OAuth2 client credentials grant (RFC 6749 section 4.4), form encoded. Client authentication by\n`private_key_jwt` (RFC 7523 section 2.2: `client_assertion_type` and `client_assertion`, a JWT\nsigned with the provider's registered key, `aud` = the token URL, lifetime at most 5 minutes,\nunique `jti`) is the preferred method and the only one in production. `client_secret_post`\n(`client_id` and `client_secret`) is accepted from providers in the sandbox only. Ministry\noperators authenticate with their client id and secret in every mode; their token carries the\n`operator` role. Failures: `CLIENT_AUTH_FAILED`.");

export const TokenResponseSchema = z.strictObject({
  "access_token": z.string().min(1).max(8192),
  "token_type": z.literal("Bearer"),
  "expires_in": z.int().gte(1).lte(86400).describe("Lifetime in seconds."),
  "scope": z.string().max(500).optional(),
}).describe("Access token response (RFC 6749 section 5.1). Tokens are short-lived; request a new one on `TOKEN_EXPIRED`.");

export const VerificationReportSchema = z.strictObject({
  "indication": z.enum(["TOTAL_PASSED","INDETERMINATE","TOTAL_FAILED"]),
  "subIndication": z.enum(["FORMAT_FAILURE","HASH_FAILURE","SIG_CRYPTO_FAILURE","REVOKED","SIG_CONSTRAINTS_FAILURE","CHAIN_CONSTRAINTS_FAILURE","CERTIFICATE_CHAIN_GENERAL_FAILURE","CRYPTO_CONSTRAINTS_FAILURE","EXPIRED","NOT_YET_VALID","POLICY_PROCESSING_ERROR","SIGNATURE_POLICY_NOT_AVAILABLE","TIMESTAMP_ORDER_FAILURE","NO_SIGNING_CERTIFICATE_FOUND","NO_CERTIFICATE_CHAIN_FOUND","REVOKED_NO_POE","REVOKED_CA_NO_POE","OUT_OF_BOUNDS_NO_POE","OUT_OF_BOUNDS_NOT_REVOKED","CRYPTO_CONSTRAINTS_FAILURE_NO_POE","NO_POE","TRY_LATER","SIGNED_DATA_NOT_FOUND"]).describe("ETSI EN 319 102-1 sub-indication, when the indication is not TOTAL_PASSED.").optional(),
  "document": z.string().max(255).describe("File name of the signed document.").optional(),
  "fieldName": z.string().max(200).describe("Name of the PDF signature field.").optional(),
  "party": z.enum(["EMPLOYER","EMPLOYEE","PROVIDER","CONVERTER"]).describe("The party the signature was matched to, through the certification evidence.").optional(),
  "signer": z.strictObject({
    "commonName": z.string().max(500),
    "serialNumber": z.string().max(100).describe("Certificate serial number, hexadecimal."),
    "issuer": z.string().max(1000).describe("Issuer distinguished name (RFC 4514)."),
    "certificateSha256": Sha256Schema,
  }),
  "signingTime": z.iso.datetime({ offset: true }).describe("Claimed signing time from the signed attributes.").optional(),
  "timestamp": z.strictObject({
    "time": z.iso.datetime({ offset: true }),
    "tsa": z.string().max(1000).describe("Subject name of the timestamping authority."),
  }).describe("RFC 3161 signature timestamp, when present.").optional(),
  "coversWholeDocument": z.boolean().describe("The signed byte range covers the whole file (no bytes appended after signing)."),
  "code": ErrorCodeSchema.optional(),
  "notes": z.array(z.strictObject({
    "code": z.enum(["REVOCATION_NOT_CHECKED","SIGNING_TIME_UNPROVEN","REVOKED_AFTER_SIGNING"]).describe("Revocation could not be checked (sandbox); the signing time rests only on the signer's claim (no timestamp); the certificate was revoked after the proven signing time."),
    "detail": z.string().max(1000).optional(),
  })).max(20).describe("Facts worth knowing that do not fail the signature.").optional(),
}).describe("Validation result of one signature or seal in a submitted PDF, following ETSI EN 319 102-1\n(indication and sub-indication) (DOMAIN.md N2, F8, S2.2). `code` is the catalog code of the\nfirst problem found, absent when the signature passed.");

export const TransactionSchema = z.looseObject({
  "transactionId": z.uuid(),
  "providerId": z.string().min(1).max(64).describe("The provider that submitted it (operators see every provider's transactions).").optional(),
  "kind": TransactionKindSchema,
  "status": TransactionStatusSchema,
  "failureClass": FailureClassSchema.optional(),
  "explanationStatus": ExplanationStatusSchema.describe("For a failed transaction, where its explanation and re-push stand (F36, F37); NONE otherwise.").optional(),
  "providerReference": z.string().min(1).max(100).describe("The provider's own reference for the contract or document."),
  "contractId": ContractIdSchema.describe("The ID issued (or, on replay, the existing ID; for LIFECYCLE, the contract's ID).").optional(),
  "receivedAt": z.iso.datetime({ offset: true }),
  "completedAt": z.iso.datetime({ offset: true }).optional(),
  "payloadSha256": Sha256Schema,
  "late": z.boolean().describe("Submitted more than 24 hours after the last party signed."),
  "replay": z.boolean().describe("The same contract was already registered; `contractId` is the existing ID."),
  "duplicateOfReference": ProviderReferenceSchema.describe("On replay, the provider reference under which this provider registered the contract (F9). Absent\nwhen the contract was registered by another provider, whose references are not shown.").optional(),
  "supersedes": z.uuid().describe("This transaction is a corrected package for the failed transaction named here, sent under the\nsame provider reference after its re-push was approved (F36, F37).").optional(),
  "supersededBy": z.uuid().describe("This failed transaction was replaced by a corrected package under the same provider reference\n(F36, F37): the transaction named here. It stays FAILED, with explanation status REPUSHED, as history.").optional(),
  "errors": z.array(ProblemDetailItemSchema).max(500).describe("Problems found (T9); empty on success. Warnings (`severity` WARNING, e.g. `SUBMISSION_LATE`) do not fail the transaction."),
  "receipt": z.string().max(16384).regex(new RegExp("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", 'u')).describe("Compact JWS (RFC 7515) signed by the Platform whose payload is a `Receipt`; present once the\ntransaction is SUCCEEDED or FAILED. Verify it with `/.well-known/jwks.json`.").optional(),
  "lifecycleType": LifecycleTypeSchema.describe("For `kind` LIFECYCLE, the kind of document.").optional(),
  "targetContractId": ContractIdSchema.describe("For `kind` LIFECYCLE, the contract ID the document is attached to (Decree 337/2025 Art. 9.3).").optional(),
  "lastSignedAt": z.iso.datetime({ offset: true }).describe("Time of the last party's signature (the contract takes effect then, Decree 337/2025 Art. 8); basis of `late`.").optional(),
  "retryAfterSeconds": z.int().gte(0).lte(3600).describe("While RECEIVED or PROCESSING, when to poll again.").optional(),
  "signatures": z.array(VerificationReportSchema).max(50).describe("Per-signature verification results (N2, F8), once signatures were checked.").optional(),
}).describe("A submission and its outcome. It can be looked up by id or provider reference, with no expiry.");

export const TransactionPageSchema = z.strictObject({
  "items": z.array(TransactionSchema).max(500),
  "nextCursor": z.string().max(500).nullable().describe("Opaque cursor of the next page; null or absent on the last page.").optional(),
}).describe("One page of the provider's transaction history (DOMAIN.md T10, F35), newest first.");

export const ViolationRuleSchema = z.enum(["FAILURE_RATE","UNEXPLAINED_FAILURES","LATE_SUBMISSIONS","MONTHLY_REPORT_MISSING","MONTHLY_REPORT_LATE"]).describe("A rule of the monthly violations report (DOMAIN.md F38): FAILURE_RATE (too many failed\ntransactions), UNEXPLAINED_FAILURES (failures left without an explanation, F36),\nLATE_SUBMISSIONS (sent more than 24 h after the last signature), MONTHLY_REPORT_MISSING and\nMONTHLY_REPORT_LATE (the provider's report due during the month, Decree 337/2025 Art. 25.6).");

export const ViolationSchema = z.strictObject({
  "rule": ViolationRuleSchema,
  "count": z.int().gte(0).describe("UNEXPLAINED_FAILURES, LATE_SUBMISSIONS - how many transactions.").optional(),
  "failed": z.int().gte(0).describe("FAILURE_RATE - failed transactions.").optional(),
  "decided": z.int().gte(0).describe("FAILURE_RATE - decided transactions.").optional(),
  "period": ReportingPeriodSchema.optional(),
  "detail": z.string().max(1000),
}).describe("One rule a provider broke in the month, with what was observed and a sentence in the caller's language.");

export const ViolationActionSchema = z.strictObject({
  "status": z.enum(["SUSPENDED","DISCONNECTED"]),
  "reason": z.string().min(1).max(2000),
  "takenBy": z.string().max(100).describe("Id of the Ministry operator."),
  "takenAt": z.iso.datetime({ offset: true }),
}).describe("A step an operator took on a provider from the report, with who and when.");

export const ViolationActionRequestSchema = z.strictObject({
  "status": z.enum(["SUSPENDED","DISCONNECTED"]),
  "reason": z.string().min(1).max(2000),
}).describe("What the operator decides about a provider of the report: suspend or disconnect it, with the\nreason notified to it (Decree 337/2025 Art. 15.4; DOMAIN.md F38, F39).");

export const ViolationFiguresSchema = z.strictObject({
  "decided": z.int().gte(0),
  "failed": z.int().gte(0),
  "failureRatePercent": z.number().gte(0).lte(100).describe("failed / decided in percent, two decimals; 0 without decided transactions."),
  "lateSubmissions": z.int().gte(0),
  "unexplainedFailures": z.int().gte(0).describe("Failed transactions of any month still awaiting an explanation (or explained and rejected) when the report was made, that failed at least `unexplainedAfterDays` before the month's end."),
  "monthlyReport": z.strictObject({
    "period": ReportingPeriodSchema,
    "timeliness": ReportTimelinessSchema,
  }).describe("The provider's monthly report that fell due during the month (the one on the month before), as it stood at the month's end; absent when not owed.").optional(),
}).describe("What the month showed for one provider (DOMAIN.md F38). Transactions count by `receivedAt` in\nthe month; a transaction is decided once it succeeded or failed, and counts as failed when it\nfailed at least once (a failure pushed again since still happened).");

export const ViolationLineSchema = z.strictObject({
  "providerId": z.string().min(1).max(64),
  "providerName": z.string().max(255),
  "providerStatus": ProviderStatusSchema.describe("Connection status when the report was made."),
  "figures": ViolationFiguresSchema,
  "violations": z.array(ViolationSchema).min(1).max(5),
  "actions": z.array(ViolationActionSchema).max(100).describe("What operators did about it from this report, oldest first."),
}).describe("One violating provider in a violations report (DOMAIN.md F38).");

export const ViolationThresholdsSchema = z.strictObject({
  "failureRatePercent": z.number().gte(0).lte(100).describe("FAILURE_RATE when failed / decided is strictly above this percentage (default 20)…"),
  "minimumVolume": z.int().gte(1).describe("…and at least this many transactions received in the month were decided (default 20)."),
  "unexplainedAfterDays": z.int().gte(0).describe("UNEXPLAINED_FAILURES counts failed transactions still awaiting an explanation this many days after they failed, at the month's end (default 7)."),
  "lateSubmissions": z.int().gte(1).describe("LATE_SUBMISSIONS when at least this many submissions of the month came more than 24 h after the last signature (default 1)."),
}).describe("The thresholds a violations report was made with (server settings HDLD_VIOLATION_*), recorded in\nthe report so that it can be recomputed (DOMAIN.md F38).");

export const ViolationReportSchema = z.strictObject({
  "reportId": z.uuid(),
  "period": ReportingPeriodSchema,
  "version": z.int().gte(1),
  "latestVersion": z.int().gte(1),
  "timeZone": z.enum(["Asia/Ho_Chi_Minh"]),
  "periodStart": z.iso.datetime({ offset: true }),
  "periodEnd": z.iso.datetime({ offset: true }).describe("Exclusive; the instant the month's figures are evaluated at."),
  "generatedAt": z.iso.datetime({ offset: true }),
  "generatedBy": z.string().max(100).describe("`scheduler`, or the id of the operator who asked for it."),
  "thresholds": ViolationThresholdsSchema,
  "providersEvaluated": z.int().gte(0).describe("Providers connected during the month (registered before its end, not disconnected before its start)."),
  "lines": z.array(ViolationLineSchema).max(10000),
}).describe("The report of violating providers on one month (DOMAIN.md F38), made on the 1st of the next\nmonth (00:00 Vietnam time, Asia/Ho_Chi_Minh, UTC+7) by the Platform's scheduler, or on demand by\nan operator. Version 1 is the scheduler's; an operator's regeneration adds a new version and\nkeeps the earlier ones. A provider sees its own line only (none when it broke no rule).");

export const ViolationReportPageSchema = z.strictObject({
  "items": z.array(ViolationReportSchema).max(500),
  "nextCursor": z.string().max(500).nullable().describe("Opaque cursor of the next page; null or absent on the last page.").optional(),
}).describe("One page of violations reports (every version), newest first (DOMAIN.md F38).");

export const ViolationReportRequestSchema = z.strictObject({
  "period": ReportingPeriodSchema.describe("Default the month before the current one (Vietnam time).").optional(),
  "regenerate": z.boolean().optional(),
}).describe("Makes the violations report on a month that has ended (DOMAIN.md F38), or returns the one that\nexists. `regenerate` makes a new version from today's data, keeping the earlier ones.");

export const WebhookEventSchema = z.looseObject({
  "event": z.enum(["transaction.completed"]),
  "transactionId": z.uuid(),
  "providerReference": ProviderReferenceSchema,
  "status": z.enum(["SUCCEEDED","FAILED"]),
  "contractId": ContractIdSchema.optional(),
  "failureClass": FailureClassSchema.optional(),
  "occurredAt": z.iso.datetime({ offset: true }),
}).describe("The body the Platform posts to a provider's callback URL when one of its transactions reaches a\nfinal state (DOMAIN.md F4 \"sync result\", T10). Receivers verify `Hdld-Signature` over the raw\nbody, drop a `Hdld-Webhook-Id` they already handled (a delivery may be repeated), answer 2xx\nquickly, and ignore fields they do not know.");

export const WebhookSecretSchema = z.strictObject({
  "secret": z.string().min(32).max(200),
  "createdAt": z.iso.datetime({ offset: true }),
}).describe("A new webhook secret (DOMAIN.md F4), shown this once: the Platform keeps it sealed and never\nreturns it again. Verify deliveries with it (`verifyWebhook` of @hdld/sdk); it replaces the\nprevious secret at once.");

/** Every component schema of the spec, by name. */
export const schemas = {
  Base64Document: Base64DocumentSchema,
  BatchAcknowledgement: BatchAcknowledgementSchema,
  BatchItemResult: BatchItemResultSchema,
  BatchSubmission: BatchSubmissionSchema,
  Caller: CallerSchema,
  CertificationEvidence: CertificationEvidenceSchema,
  CertificationEvidenceFile: CertificationEvidenceFileSchema,
  Contract: ContractSchema,
  ContractDocument: ContractDocumentSchema,
  ContractId: ContractIdSchema,
  ContractMainData: ContractMainDataSchema,
  ContractMainDataChanges: ContractMainDataChangesSchema,
  ContractState: ContractStateSchema,
  ContractSubmission: ContractSubmissionSchema,
  ConversionLog: ConversionLogSchema,
  ConvertedPaperSubmission: ConvertedPaperSubmissionSchema,
  DocumentKind: DocumentKindSchema,
  ErrorCode: ErrorCodeSchema,
  EvidenceDocumentRole: EvidenceDocumentRoleSchema,
  Explanation: ExplanationSchema,
  ExplanationAttachment: ExplanationAttachmentSchema,
  ExplanationAttachmentUpload: ExplanationAttachmentUploadSchema,
  ExplanationDecision: ExplanationDecisionSchema,
  ExplanationPage: ExplanationPageSchema,
  ExplanationState: ExplanationStateSchema,
  ExplanationStatus: ExplanationStatusSchema,
  ExplanationSubmission: ExplanationSubmissionSchema,
  ExplanationTransaction: ExplanationTransactionSchema,
  FailureClass: FailureClassSchema,
  Health: HealthSchema,
  IdempotencyKey: IdempotencyKeySchema,
  LifecycleSubmission: LifecycleSubmissionSchema,
  LifecycleType: LifecycleTypeSchema,
  MainDataEmployee: MainDataEmployeeSchema,
  MainDataEmployer: MainDataEmployerSchema,
  MainDataJob: MainDataJobSchema,
  MainDataPay: MainDataPaySchema,
  MainDataTerm: MainDataTermSchema,
  MainDataWorkingTime: MainDataWorkingTimeSchema,
  Notification: NotificationSchema,
  NotificationChannel: NotificationChannelSchema,
  NotificationKind: NotificationKindSchema,
  NotificationPage: NotificationPageSchema,
  NotificationStatus: NotificationStatusSchema,
  PlatformKeys: PlatformKeysSchema,
  Problem: ProblemSchema,
  ProblemDetailItem: ProblemDetailItemSchema,
  Provider: ProviderSchema,
  ProviderCapability: ProviderCapabilitySchema,
  ProviderList: ProviderListSchema,
  ProviderReconciliation: ProviderReconciliationSchema,
  ProviderReference: ProviderReferenceSchema,
  ProviderReport: ProviderReportSchema,
  ProviderReportFigures: ProviderReportFiguresSchema,
  ProviderReportPage: ProviderReportPageSchema,
  ProviderReportSubmission: ProviderReportSubmissionSchema,
  ProviderReportTracking: ProviderReportTrackingSchema,
  ProviderStatus: ProviderStatusSchema,
  ProviderStatusChange: ProviderStatusChangeSchema,
  ProviderStatusUpdate: ProviderStatusUpdateSchema,
  ProviderTechnicalInfo: ProviderTechnicalInfoSchema,
  PublicProvider: PublicProviderSchema,
  PublicProviderList: PublicProviderListSchema,
  Receipt: ReceiptSchema,
  Reconciliation: ReconciliationSchema,
  ReconciliationFigures: ReconciliationFiguresSchema,
  ReportAttachment: ReportAttachmentSchema,
  ReportAttachmentUpload: ReportAttachmentUploadSchema,
  ReportTimeliness: ReportTimelinessSchema,
  ReportingPeriod: ReportingPeriodSchema,
  SandboxClock: SandboxClockSchema,
  SandboxClockChange: SandboxClockChangeSchema,
  SandboxIdentityRegistration: SandboxIdentityRegistrationSchema,
  SandboxIdentityRegistrationResult: SandboxIdentityRegistrationResultSchema,
  Sha256: Sha256Schema,
  SubmissionAcknowledgement: SubmissionAcknowledgementSchema,
  SubmittedDocument: SubmittedDocumentSchema,
  SubmittedDocumentRole: SubmittedDocumentRoleSchema,
  TechnicalAudit: TechnicalAuditSchema,
  TechnicalAuditResult: TechnicalAuditResultSchema,
  TechnicalAuditUpload: TechnicalAuditUploadSchema,
  TokenRequest: TokenRequestSchema,
  TokenResponse: TokenResponseSchema,
  Transaction: TransactionSchema,
  TransactionKind: TransactionKindSchema,
  TransactionLog: TransactionLogSchema,
  TransactionPage: TransactionPageSchema,
  TransactionStatus: TransactionStatusSchema,
  VerificationReport: VerificationReportSchema,
  Violation: ViolationSchema,
  ViolationAction: ViolationActionSchema,
  ViolationActionRequest: ViolationActionRequestSchema,
  ViolationFigures: ViolationFiguresSchema,
  ViolationLine: ViolationLineSchema,
  ViolationReport: ViolationReportSchema,
  ViolationReportPage: ViolationReportPageSchema,
  ViolationReportRequest: ViolationReportRequestSchema,
  ViolationRule: ViolationRuleSchema,
  ViolationThresholds: ViolationThresholdsSchema,
  WebhookEvent: WebhookEventSchema,
  WebhookSecret: WebhookSecretSchema,
} as const;
