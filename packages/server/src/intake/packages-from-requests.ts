import { createHash } from 'node:crypto';
import { MAX_DOCUMENT_BYTES, MAX_EVIDENCE_BYTES } from '@hdld/sdk';
import type { Schemas } from '@hdld/spec';
import type { BodyFiles } from '../http/body-files.js';
import type { DocumentKind } from '../storage/document-kind.js';
import type { JsonObject } from '../storage/json.js';
import type { IncomingFile, SubmissionPackage } from './submission-package.js';

type SubmittedDocument = Schemas['SubmittedDocument'];
type Evidence = Schemas['CertificationEvidenceFile'];

/** The principal document's role in storage: the contract, the lifecycle document, or the scan. */
function documentFiles(
  documents: SubmittedDocument[],
  principalKind: DocumentKind,
  files: BodyFiles,
  base: string,
): IncomingFile[] {
  return documents.map((doc, i) => ({
    role: doc.role === 'CONTRACT' ? principalKind : doc.role,
    fileName: doc.fileName,
    mediaType: doc.mediaType,
    contentBase64: files.content(doc.contentBase64),
    pointer: `${base}/documents/${i}/contentBase64`,
    maxBytes: MAX_DOCUMENT_BYTES,
  }));
}

function evidenceFile(evidence: Evidence, files: BodyFiles, base: string): IncomingFile {
  return {
    role: 'EVIDENCE',
    mediaType: evidence.mediaType ?? 'application/pkcs7-mime',
    contentBase64: files.content(evidence.contentBase64),
    pointer: `${base}/evidence/contentBase64`,
    maxBytes: MAX_EVIDENCE_BYTES,
  };
}

const json = (value: unknown) => value as JsonObject;

/**
 * SHA-256 of a batch item as `JSON.stringify` writes it: what a provider recomputes to match. Its
 * files are hashed from the bytes received, in place of their placeholders (base64 is ASCII, so
 * those bytes are the UTF-8 of the strings the provider wrote).
 */
export function itemSha256(item: unknown, files: BodyFiles): string {
  const hash = createHash('sha256');
  for (const piece of files.spliced(JSON.stringify(item))) hash.update(piece);
  return hash.digest('hex');
}

/** `files`: the request's (bodyFilesOf), where the body's file fields get their base64 text. */
export function contractPackage(
  body: Schemas['ContractSubmission'],
  payloadSha256: string,
  files: BodyFiles,
  base = '',
): SubmissionPackage {
  return {
    kind: 'CONTRACT',
    providerReference: body.providerReference,
    payloadSha256,
    files: [
      ...documentFiles(body.documents, 'CONTRACT', files, base),
      evidenceFile(body.evidence, files, base),
    ],
    request: json({ mainData: body.mainData, transactionLog: body.transactionLog }),
  };
}

export function lifecyclePackage(
  contractId: string,
  body: Schemas['LifecycleSubmission'],
  payloadSha256: string,
  files: BodyFiles,
): SubmissionPackage {
  return {
    kind: 'LIFECYCLE',
    lifecycleType: body.type,
    targetContractId: contractId,
    providerReference: body.providerReference,
    payloadSha256,
    files: [...documentFiles(body.documents, body.type, files, ''), evidenceFile(body.evidence, files, '')],
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
  files: BodyFiles,
): SubmissionPackage {
  return {
    kind: 'CONVERTED_PAPER',
    providerReference: body.providerReference,
    payloadSha256,
    files: documentFiles(body.documents, 'CONVERTED_PAPER' as DocumentKind, files, ''),
    request: json({
      mainData: body.mainData,
      conversionLog: body.conversionLog,
      transactionLog: body.transactionLog,
    }),
  };
}
