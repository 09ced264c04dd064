import type { BlobStore } from '../blobs/index.js';
import { claimIdempotency, type IdempotentRequest } from '../http/idempotent-request.js';
import { ProblemError } from '../http/problem.js';
import { createJobQueue } from '../queue/index.js';
import type { Storage } from '../storage/index.js';
import type { JsonObject, JsonValue } from '../storage/json.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { type Acknowledgement, acknowledgementOf } from './acknowledgement.js';
import { decodeFiles } from './decode-documents.js';
import type { SubmissionPackage } from './submission-package.js';

export const PROCESS_TRANSACTION_JOB = 'process-transaction';

export type ItemOutcome =
  | { ok: true; transaction: StoredTransaction; created: boolean; acknowledgement: Acknowledgement }
  | { ok: false; problem: ProblemError };

export type AcceptContext = {
  storage: Storage;
  blobs: BlobStore;
  providerId: string;
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

/** Writes every file of the packages to the blob store (fsynced) before any row references them. */
async function storeFiles(blobs: BlobStore, packages: SubmissionPackage[]): Promise<StoredFiles[]> {
  const stored: StoredFiles[] = [];
  for (const pkg of packages) {
    const decoded = decodeFiles(pkg.files);
    const files = [];
    for (const [i, file] of pkg.files.entries()) {
      const bytes = decoded[i]!.bytes;
      const { key, size } = await blobs.put(bytes);
      files.push({
        role: file.role,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sha256: key,
        size,
        blobKey: key,
      });
    }
    stored.push({ pkg, files });
  }
  return stored;
}

function duplicateReference(reference: string): ProblemError {
  return new ProblemError('DUPLICATE_PROVIDER_REFERENCE', {
    detail: {
      en: `Provider reference ${reference} was already used for a different submission.`,
      vi: `Mã tham chiếu ${reference} đã được dùng cho một lần gửi khác.`,
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
  return ctx.storage.transaction(async (repos) => {
    const replay = await claimIdempotency(repos.idempotency, ctx.providerId, idempotency);
    if (replay) return { ...replay, replayed: true };
    const queue = createJobQueue(repos.tx);
    const outcomes: ItemOutcome[] = [];
    for (const { pkg, files } of stored) {
      const { transaction, created } = await repos.transactions.insert({
        providerId: ctx.providerId,
        providerReference: pkg.providerReference,
        kind: pkg.kind,
        lifecycleType: pkg.lifecycleType,
        targetContractId: pkg.targetContractId,
        payloadSha256: pkg.payloadSha256,
        documentSha256: files[0]?.sha256,
        receivedAt: ctx.receivedAt,
        request: pkg.request,
      });
      if (!created) {
        // The same package again (a retry without idempotency key) answers with the first acknowledgement.
        outcomes.push(
          transaction.payloadSha256 === pkg.payloadSha256
            ? { ok: true, transaction, created, acknowledgement: acknowledgementOf(transaction) }
            : { ok: false, problem: duplicateReference(pkg.providerReference) },
        );
        continue;
      }
      for (const file of files) {
        await repos.transactionFiles.add({
          transactionId: transaction.id,
          ...file,
          role: file.role as never,
        });
      }
      await queue.enqueue(PROCESS_TRANSACTION_JOB, { transactionId: transaction.id } as JsonObject);
      outcomes.push({ ok: true, transaction, created, acknowledgement: acknowledgementOf(transaction) });
    }
    const response = respond(outcomes);
    if (idempotency) await repos.idempotency.complete(ctx.providerId, idempotency.key, response);
    return { ...response, replayed: false };
  });
}
