import { checkConclusionDate, checkPdfFile } from '@hdld/sdk';
import type { VerifyOptions } from '@hdld/sdk/documents';
import type { ContractMainData, ErrorCode, Schemas } from '@hdld/spec';
import type { FailureClass, TransactionKind } from '../storage/transactions-repo.js';
import { CheckFailure, type Finding, failIfAny, item, TransientCheckError } from './check-outcome.js';
import { checkConversionLog } from './checks/conversion-log-check.js';
import { checkEmbeddedMainData } from './checks/embedded-main-data-check.js';
import { checkEvidence } from './checks/evidence-check.js';

import { checkPdfSignatures } from './checks/signature-checks.js';

/**
 * A file of the transaction, with its bytes (they cross to a worker thread once, transferred) and
 * their SHA-256: the blob key they were read by, computed by the server from the bytes it stored.
 */
export type CheckedFile = {
  name: string;
  role: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
};

/** Everything the per-file checks need: plain data, so it can be posted to a worker thread. */
export type DocumentChecksInput = {
  kind: TransactionKind;
  providerReference: string;
  /** Storage role of the principal signed PDF (the contract, the lifecycle document or the scan). */
  principalRole: string;
  /** Employer and employee sign a contract (Decree Art. 8); a sealed scan has one seal. */
  minimumSignatures: number;
  /** Epoch milliseconds: validation time of signatures, timestamps and certificates. */
  validationTime: number;
  files: CheckedFile[];
  /** CONTRACT: the submitted main data, compared with the data embedded in the PDF. */
  mainData?: ContractMainData;
  /** CONVERTED_PAPER: the conversion log, checked against the sealed scan (Decree Art. 9.2). */
  conversionLog?: Schemas['ConversionLog'];
};

/** The outcome as plain data (errors do not cross threads); see `throwIfFailed`. */
export type DocumentChecksOutcome =
  | { ok: true; lastSignedAt?: number }
  | { ok: false; failureClass: FailureClass; errors: Finding[] }
  | { ok: false; transient: { code: ErrorCode; message: string } };

function principalOf(input: DocumentChecksInput): CheckedFile {
  const principal = input.files.find((f) => f.role === input.principalRole);
  if (!principal) {
    throw new CheckFailure('FILE', [
      item('DOCUMENT_MISSING', { en: 'No principal signed document.', vi: 'Thiếu văn bản chính đã ký.' }),
    ]);
  }
  return principal;
}

async function check(input: DocumentChecksInput, trust: VerifyOptions['trust']): Promise<number | undefined> {
  const validationTime = new Date(input.validationTime);
  const pdfs = input.files.filter((f) => f.mediaType === 'application/pdf');
  const fileFindings = await Promise.all(pdfs.map((f) => checkPdfFile(f.bytes, f.name)));
  failIfAny('FILE', fileFindings.flat());
  const principal = principalOf(input);
  let lastSignedAt: Date | undefined;
  let principalSignedAt: Date | undefined;
  let principalSigners: string[] = [];
  for (const file of pdfs) {
    const result = await checkPdfSignatures(file.bytes, {
      trust,
      validationTime,
      minimumSignatures: file === principal ? input.minimumSignatures : 1,
      documentName: file.name,
      ...(file === principal && input.kind === 'CONTRACT' && input.mainData
        ? { mainData: input.mainData }
        : {}),
    });
    if (result.lastSignedAt && (!lastSignedAt || result.lastSignedAt > lastSignedAt))
      lastSignedAt = result.lastSignedAt;
    if (file === principal) {
      principalSigners = result.report.signatures.flatMap((s) => (s.signer ? [s.signer.sha256] : []));
      principalSignedAt = result.lastSignedAt;
    }
  }
  const evidence = input.files.find((f) => f.role === 'EVIDENCE');
  if (evidence) {
    await checkEvidence(evidence.bytes, pdfs, {
      trust,
      validationTime,
      providerReference: input.providerReference,
    });
  }
  if (input.kind === 'CONVERTED_PAPER' && input.conversionLog) {
    await checkConversionLog(input.conversionLog, principal.bytes, principalSigners);
  } else if (input.kind === 'CONTRACT' && input.mainData) {
    await checkEmbeddedMainData(principal.bytes, input.mainData);
    // Decree 337/2025 Art. 8 (the SDK's rule, as validateLocally applies it): concluded by the last signature.
    failIfAny('BUSINESS', checkConclusionDate(input.mainData, principalSignedAt));
  }
  return lastSignedAt?.getTime();
}

/**
 * The checks of a transaction that need only its files (T9, T10; N2, F8): file structure, every
 * signature and timestamp with the SDK's verifier, the certification evidence, and the data the
 * principal document carries (embedded main data, or the conversion log of a sealed scan). CPU-bound
 * and free of I/O: run on a worker thread (document-checks-pool.ts).
 */
export async function runDocumentChecks(
  input: DocumentChecksInput,
  trust: VerifyOptions['trust'],
): Promise<DocumentChecksOutcome> {
  try {
    return { ok: true, lastSignedAt: await check(input, trust) };
  } catch (error) {
    if (error instanceof CheckFailure)
      return { ok: false, failureClass: error.failureClass, errors: error.errors };
    if (error instanceof TransientCheckError)
      return { ok: false, transient: { code: error.code, message: error.message } };
    throw error;
  }
}

/** Back on the main thread: a failure or a transient result becomes the error the pipeline handles. */
export function throwIfFailed(outcome: DocumentChecksOutcome): { lastSignedAt?: Date } {
  if (outcome.ok)
    return { lastSignedAt: outcome.lastSignedAt === undefined ? undefined : new Date(outcome.lastSignedAt) };
  if ('transient' in outcome)
    throw new TransientCheckError(outcome.transient.code, outcome.transient.message);
  throw new CheckFailure(outcome.failureClass, outcome.errors);
}
