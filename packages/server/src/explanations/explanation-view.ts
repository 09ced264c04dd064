import type { Schemas } from '@hdld/spec';
import type { BlobStore } from '../blobs/index.js';
import type { StoredExplanation } from '../storage/explanations-repo.js';

type Attachment = Schemas['ExplanationAttachment'];

/** The API representation of an explanation (schema `Explanation`), attachments described only. */
export function explanationView(e: StoredExplanation): Schemas['Explanation'] {
  return {
    explanationId: e.id,
    providerId: e.providerId,
    state: e.state,
    text: e.text,
    transactions: e.transactions.map((t) => ({
      transactionId: t.transactionId,
      providerReference: t.providerReference,
      ...(t.repushedAt ? { repushedAt: t.repushedAt.toISOString() } : {}),
      ...(t.repushedBy ? { repushedBy: t.repushedBy } : {}),
    })),
    attachments: e.attachments.map((a) => ({
      fileName: a.fileName,
      mediaType: a.mediaType as Attachment['mediaType'],
      size: a.size,
      sha256: a.sha256,
    })),
    submittedAt: e.submittedAt.toISOString(),
    submittedBy: e.submittedBy,
    ...(e.decidedAt ? { decidedAt: e.decidedAt.toISOString() } : {}),
    ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}),
    ...(e.decisionReason ? { decisionReason: e.decisionReason } : {}),
  };
}

/** The same, with every attachment's content (getExplanation: what the operator reads to decide). */
export async function explanationWithContent(
  e: StoredExplanation,
  blobs: BlobStore,
): Promise<Schemas['Explanation']> {
  const view = explanationView(e);
  const attachments = await Promise.all(
    e.attachments.map(async (a, i) => {
      const bytes = await blobs.get(a.blobKey);
      // Blobs are fsynced before their rows commit: a missing one means the store was damaged.
      if (!bytes) throw new Error(`blob ${a.blobKey} of explanation ${e.id} is missing`);
      return { ...view.attachments[i]!, contentBase64: Buffer.from(bytes).toString('base64') };
    }),
  );
  return { ...view, attachments };
}
