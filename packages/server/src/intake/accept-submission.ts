import { randomUUID } from 'node:crypto';
import type { BlobStore } from '../blobs/index.js';
import { claimIdempotency, type IdempotentRequest } from '../http/idempotent-request.js';
import { ProblemError } from '../http/problem.js';
import {
  enqueueTransactionJob,
  PROCESS_TRANSACTION_JOB,
  PROCESS_TRANSACTION_MAX_ATTEMPTS,
} from '../pipeline/transaction-job.js';
import type { Storage } from '../storage/index.js';
import type { JsonValue } from '../storage/json.js';
import { insertReceivedSubmission } from '../storage/received-submission.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { type Acknowledgement, acknowledgementOf } from './acknowledgement.js';
import { decodeFiles } from './decode-documents.js';
import type { SubmissionPackage } from './submission-package.js';

export type ItemOutcome =
  | { ok: true; created: boolean; acknowledgement: Acknowledgement }
  | { ok: false; problem: ProblemError };

export type AcceptContext = {
  storage: Storage;
  blobs: BlobStore;
  providerId: string;
  /** Client id of the provider application: who re-pushed, when a corrected package supersedes (F37). */
  submittedBy: string;
  receivedAt: Date;
};

type StoredFiles = {
  pkg: SubmissionPackage;
  files: {
    role: string;
    fileName?: string;
    mediaType: string;
    sha256: string;
    size: number;
    blobKey: string;
  }[];
};

/**
 * Writes every file of the packages to the blob store (fsynced) before any row references them. All
 * files are decoded (and refused) first, then written at once: the store hashes them (the key is the
 * SHA-256) and groups writes made together.
 */
async function storeFiles(blobs: BlobStore, packages: SubmissionPackage[]): Promise<StoredFiles[]> {
  const decoded = packages.map((pkg) => decodeFiles(pkg.files));
  return Promise.all(
    packages.map(async (pkg, p) => ({
      pkg,
      files: await Promise.all(
        pkg.files.map(async (file, i) => {
          // Decoded for the store alone: their buffer moves to the I/O thread rather than being copied.
          const { key, size } = await blobs.put(decoded[p]![i]!.bytes, { transfer: true });
          return {
            role: file.role,
            fileName: file.fileName,
            mediaType: file.mediaType,
            sha256: key,
            size,
            blobKey: key,
          };
        }),
      ),
    })),
  );
}

/**
 * The reference is taken by other content. A failed transaction may be replaced by a corrected
 * package only after its explanation was approved (F36, F37), so the hint names that way.
 */
function duplicateReference(current: StoredTransaction): ProblemError {
  const reference = current.providerReference;
  if (current.status === 'FAILED' && current.failureClass) {
    return new ProblemError('DUPLICATE_PROVIDER_REFERENCE', {
      detail: {
        en: `Provider reference ${reference} belongs to failed transaction ${current.id} (explanation status ${current.explanationStatus}). A corrected package can be sent under it once its re-push is approved: explain the failure (POST /v1/explanations, hdld errors explain ${current.id}) and wait for the Ministry's approval.`,
        vi: `Mã tham chiếu ${reference} thuộc giao dịch lỗi ${current.id} (trạng thái giải trình ${current.explanationStatus}). Chỉ được gửi hồ sơ đã sửa với mã này sau khi việc đẩy lại được phê duyệt: giải trình lỗi (POST /v1/explanations, hdld errors explain ${current.id}) và chờ Bộ phê duyệt.`,
      },
    });
  }
  return new ProblemError('DUPLICATE_PROVIDER_REFERENCE', {
    detail: {
      en: `Provider reference ${reference} was already used for a different submission (transaction ${current.id}).`,
      vi: `Mã tham chiếu ${reference} đã được dùng cho một lần gửi khác (giao dịch ${current.id}).`,
    },
  });
}

/**
 * Acknowledged means durable (non-negotiable 3): files are fsynced, then one database transaction
 * stores the transaction rows, their files, the processing jobs and the idempotent response. A
 * crash before COMMIT leaves only orphan blobs (collected later) and the client retries; after
 * COMMIT the work is in the queue and survives any restart.
 */
export async function acceptSubmissions(
  ctx: AcceptContext,
  packages: SubmissionPackage[],
  respond: (outcomes: ItemOutcome[]) => { status: number; body: JsonValue },
  idempotency?: IdempotentRequest,
): Promise<{ status: number; body: JsonValue; replayed: boolean }> {
  const stored = await storeFiles(ctx.blobs, packages);
  if (stored.length === 1) {
    const accepted = await acceptNew(ctx, stored[0]!, respond, idempotency);
    if (accepted) return accepted;
  }
  return ctx.storage.transaction(async (repos) => {
    const replay = await claimIdempotency(repos.idempotency, ctx.providerId, idempotency);
    if (replay) return { ...replay, replayed: true };
    const outcomes: ItemOutcome[] = [];
    for (const { pkg, files } of stored) {
      const row = {
        providerId: ctx.providerId,
        providerReference: pkg.providerReference,
        kind: pkg.kind,
        lifecycleType: pkg.lifecycleType,
        targetContractId: pkg.targetContractId,
        payloadSha256: pkg.payloadSha256,
        documentSha256: files[0]?.sha256,
        receivedAt: ctx.receivedAt,
        request: pkg.request,
      };
      let { transaction, created } = await repos.transactions.insert(row);
      if (!created && transaction.payloadSha256 !== pkg.payloadSha256) {
        // F36, F37: other content under a taken reference is a corrected package when the failed
        // transaction's re-push was approved; it is then a new transaction, its successor.
        const successor = await repos.transactions.supersede(transaction.id, row);
        if (!successor) {
          outcomes.push({ ok: false, problem: duplicateReference(transaction) });
          continue;
        }
        await repos.explanations.recordRepush(transaction.id, { at: ctx.receivedAt, by: ctx.submittedBy });
        transaction = successor;
        created = true;
      }
      if (!created) {
        // The Platform failed it (PROCESSING_FAILED, no failure class): the same package is new work.
        const requeued =
          transaction.status === 'FAILED' && !transaction.failureClass
            ? await repos.transactions.requeueResubmitted(transaction.id)
            : undefined;
        if (requeued) await enqueueTransactionJob(repos.tx, requeued.id);
        // Otherwise the same package again (a retry without idempotency key) answers with the first acknowledgement.
        outcomes.push({
          ok: true,
          created: requeued !== undefined,
          acknowledgement: acknowledgementOf(requeued ?? transaction),
        });
        continue;
      }
      for (const file of files) {
        await repos.transactionFiles.add({
          transactionId: transaction.id,
          ...file,
          role: file.role as never,
        });
      }
      await enqueueTransactionJob(repos.tx, transaction.id);
      outcomes.push({ ok: true, created, acknowledgement: acknowledgementOf(transaction) });
    }
    const response = respond(outcomes);
    if (idempotency) await repos.idempotency.complete(ctx.providerId, idempotency.key, response);
    return { ...response, replayed: false };
  });
}

/**
 * The common case in one statement: a single submission that is new (its reference and its
 * Idempotency-Key unused). Its id is chosen here, so the response is known before the rows are
 * written and is stored with them. Undefined when the submission is not new (see
 * insertReceivedSubmission); the general path then answers.
 */
async function acceptNew(
  ctx: AcceptContext,
  { pkg, files }: StoredFiles,
  respond: (outcomes: ItemOutcome[]) => { status: number; body: JsonValue },
  idempotency?: IdempotentRequest,
): Promise<{ status: number; body: JsonValue; replayed: boolean } | undefined> {
  const id = randomUUID();
  const acknowledgement = acknowledgementOf({ ...pkg, id, receivedAt: ctx.receivedAt, status: 'RECEIVED' });
  const response = respond([{ ok: true, created: true, acknowledgement }]);
  const stored = await insertReceivedSubmission(ctx.storage.db, {
    id,
    providerId: ctx.providerId,
    providerReference: pkg.providerReference,
    kind: pkg.kind,
    lifecycleType: pkg.lifecycleType,
    targetContractId: pkg.targetContractId,
    payloadSha256: pkg.payloadSha256,
    documentSha256: files[0]?.sha256,
    receivedAt: ctx.receivedAt,
    request: pkg.request,
    files,
    job: { kind: PROCESS_TRANSACTION_JOB, maxAttempts: PROCESS_TRANSACTION_MAX_ATTEMPTS },
    idempotency: idempotency && { ...idempotency, response },
  });
  return stored ? { ...response, replayed: false } : undefined;
}
