import type { Schemas } from '@hdld/spec';
import type { BlobStore } from '../blobs/index.js';
import { claimIdempotency, type IdempotentRequest } from '../http/idempotent-request.js';
import { ProblemError } from '../http/problem.js';
import type { ExplanationAttachmentFile } from '../storage/explanations-repo.js';
import type { Storage } from '../storage/index.js';
import type { JsonValue } from '../storage/json.js';
import type { ExplanationStatus, StoredTransaction } from '../storage/transactions-repo.js';
import { explanationView } from './explanation-view.js';

/** A transaction may be explained while it awaits an explanation, or again after a rejection (F36). */
const EXPLAINABLE: ExplanationStatus[] = ['AWAITING_EXPLANATION', 'REJECTED'];

export type SubmitContext = {
  storage: Storage;
  blobs: BlobStore;
  providerId: string;
  /** Client id of the provider application: the "who" of the step. */
  submittedBy: string;
  now: Date;
  idempotency?: IdempotentRequest;
};

function notAwaiting(transaction: StoredTransaction): ProblemError {
  return new ProblemError('TRANSACTION_NOT_AWAITING_EXPLANATION', {
    detail: {
      en: `Transaction ${transaction.id} is ${transaction.status} with explanation status ${transaction.explanationStatus}.`,
      vi: `Giao dịch ${transaction.id} đang ở trạng thái ${transaction.status}, trạng thái giải trình ${transaction.explanationStatus}.`,
    },
  });
}

/** Attachments go to the blob store (fsynced) before the rows that reference them commit. */
async function storeAttachments(
  blobs: BlobStore,
  attachments: Schemas['ExplanationAttachmentUpload'][],
): Promise<ExplanationAttachmentFile[]> {
  const stored: ExplanationAttachmentFile[] = [];
  for (const attachment of attachments) {
    const { key, size } = await blobs.put(Buffer.from(attachment.contentBase64, 'base64'));
    stored.push({
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      size,
      sha256: key,
      blobKey: key,
    });
  }
  return stored;
}

/**
 * F36: records a provider's explanation of its failed transactions. In one database transaction
 * the transactions move to PENDING_APPROVAL (only those still explainable: a concurrent request
 * cannot explain them twice) and the explanation is stored; any one not explainable refuses all.
 */
export async function submitExplanation(
  ctx: SubmitContext,
  transactions: StoredTransaction[],
  body: Schemas['ExplanationSubmission'],
): Promise<{ body: JsonValue; replayed: boolean }> {
  const attachments = await storeAttachments(ctx.blobs, body.attachments ?? []);
  const ids = transactions.map((t) => t.id);
  return ctx.storage.transaction(async (repos) => {
    const replay = await claimIdempotency(repos.idempotency, ctx.providerId, ctx.idempotency);
    if (replay) return { body: replay.body, replayed: true };
    const moved = new Set(
      await repos.transactions.moveExplanationStatus(ids, EXPLAINABLE, 'PENDING_APPROVAL'),
    );
    const refused = transactions.find((t) => !moved.has(t.id));
    if (refused) throw notAwaiting((await repos.transactions.findById(refused.id)) ?? refused);
    const explanation = await repos.explanations.insert({
      providerId: ctx.providerId,
      text: body.text,
      submittedAt: ctx.now,
      submittedBy: ctx.submittedBy,
      transactionIds: ids,
      attachments,
    });
    const response = { status: 201, body: explanationView(explanation) as unknown as JsonValue };
    if (ctx.idempotency) await repos.idempotency.complete(ctx.providerId, ctx.idempotency.key, response);
    return { body: response.body, replayed: false };
  });
}
