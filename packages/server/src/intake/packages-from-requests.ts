import { createHash } from 'node:crypto';
import type { Schemas } from '@hdld/spec';
import type { DocumentKind } from '../storage/document-kind.js';
import type { JsonObject } from '../storage/json.js';
import { MAX_DOCUMENT_BYTES, MAX_EVIDENCE_BYTES } from './decode-documents.js';
import type { IncomingFile, SubmissionPackage } from './submission-package.js';

type SubmittedDocument = Schemas['SubmittedDocument'];
type Evidence = Schemas['CertificationEvidenceFile'];

/** The principal document's role in storage: the contract, the lifecycle document, or the scan. */
function documentFiles(
  documents: SubmittedDocument[],
  principalKind: DocumentKind,
  base: string,
): IncomingFile[] {
  return documents.map((doc, i) => ({
    role: doc.role === 'CONTRACT' ? principalKind : doc.role,
    fileName: doc.fileName,
    mediaType: doc.mediaType,
    contentBase64: doc.contentBase64,
    pointer: `${base}/documents/${i}/contentBase64`,
    maxBytes: MAX_DOCUMENT_BYTES,
  }));
}

function evidenceFile(evidence: Evidence, base: string): IncomingFile {
  return {
    role: 'EVIDENCE',
    mediaType: evidence.mediaType ?? 'application/pkcs7-mime',
    contentBase64: evidence.contentBase64,
    pointer: `${base}/evidence/contentBase64`,
    maxBytes: MAX_EVIDENCE_BYTES,
  };
}

const json = (value: unknown) => value as JsonObject;

/** SHA-256 of a batch item as `JSON.stringify` writes it: what a provider recomputes to match. */
export function itemSha256(item: unknown): string {
  return createHash('sha256').update(JSON.stringify(item)).digest('hex');
}

export function contractPackage(
  body: Schemas['ContractSubmission'],
  payloadSha256: string,
  base = '',
): SubmissionPackage {
  return {
    kind: 'CONTRACT',
    providerReference: body.providerReference,
    payloadSha256,
    files: [...documentFiles(body.documents, 'CONTRACT', base), evidenceFile(body.evidence, base)],
    request: json({ mainData: body.mainData, transactionLog: body.transactionLog }),
  };
}

export function lifecyclePackage(
  contractId: string,
  body: Schemas['LifecycleSubmission'],
  payloadSha256: string,
): SubmissionPackage {
  return {
    kind: 'LIFECYCLE',
    lifecycleType: body.type,
    targetContractId: contractId,
    providerReference: body.providerReference,
    payloadSha256,
    files: [...documentFiles(body.documents, body.type, ''), evidenceFile(body.evidence, '')],
    request: json({
      type: body.type,
      effectiveOn: body.effectiveOn,
      summary: body.summary,
      changes: body.changes,
      transactionLog: body.transactionLog,
    }),
  };
}

export function convertedPaperPackage(
  body: Schemas['ConvertedPaperSubmission'],
  payloadSha256: string,
): SubmissionPackage {
  return {
    kind: 'CONVERTED_PAPER',
    providerReference: body.providerReference,
    payloadSha256,
    files: documentFiles(body.documents, 'CONVERTED_PAPER' as DocumentKind, ''),
    request: json({
      mainData: body.mainData,
      conversionLog: body.conversionLog,
      transactionLog: body.transactionLog,
    }),
  };
}
