import type { operations, Schemas } from '@hdld/spec';
import { sha256Hex } from '../../batch/digest.js';
import { toBase64 } from '../../submissions/base64.js';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import { HdldError } from '../errors.js';
import { sdkMessage } from '../messages.js';
import { type PageIterable, paginate } from '../pagination.js';
import { type FileInput, readFileInput } from './file-input.js';

type Explanation = Schemas['Explanation'];
export type AttachmentMediaType = Schemas['ExplanationAttachmentUpload']['mediaType'];

/** A supporting file (at most 5, 2 MiB each): its bytes, or a file path read in Node. */
export type ExplanationAttachmentInput = FileInput & { mediaType?: AttachmentMediaType };

/** What `explanations.create` takes: one transaction id or many, the text and optional files (F36). */
export type ExplanationInput = {
  transactionIds: string | readonly string[];
  /** Why they failed and what was corrected (10 to 5,000 characters, English or Vietnamese). */
  text: string;
  attachments?: readonly ExplanationAttachmentInput[];
};

/** Filters of `listExplanations` (the cursor is handled by the iterator). */
export type ExplanationListQuery = Omit<
  NonNullable<operations['listExplanations']['parameters']['query']>,
  'cursor'
>;

const MEDIA_TYPES: Record<string, AttachmentMediaType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};

async function prepareAttachment(
  input: ExplanationAttachmentInput,
): Promise<{ upload: Schemas['ExplanationAttachmentUpload']; sha256: string }> {
  const { fileName, bytes } = await readFileInput(input);
  const mediaType = input.mediaType ?? MEDIA_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''];
  if (!mediaType) {
    throw new TypeError(
      `${fileName}: give the attachment's mediaType (application/pdf, image/png, image/jpeg or text/plain)`,
    );
  }
  return {
    upload: { fileName, mediaType, contentBase64: toBase64(bytes) },
    sha256: await sha256Hex(bytes),
  };
}

/** Explanations of failed transactions (F36) and the Ministry operator's decision on them (F37). */
export function explanationsResource(context: CallContext) {
  const { api } = context;
  return {
    /**
     * Explains failed transactions awaiting an explanation so they may be pushed again once an
     * operator approves. The SDK hashes each attachment and checks the Platform recorded the same
     * SHA-256, so what the operator reads is what you sent. Retried with the same Idempotency-Key,
     * it never creates a second explanation.
     */
    async create(input: ExplanationInput, options?: RequestOptions): Promise<Explanation> {
      const prepared = await Promise.all((input.attachments ?? []).map(prepareAttachment));
      const body: Schemas['ExplanationSubmission'] = {
        transactionIds:
          typeof input.transactionIds === 'string' ? [input.transactionIds] : [...input.transactionIds],
        text: input.text,
        ...(prepared.length ? { attachments: prepared.map((p) => p.upload) } : {}),
      };
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/explanations', { body, ...context.init(options, key) });
      const explanation = unwrap(context, result, key);
      // Attachments come back in the order sent (their position is stored).
      for (const [i, { upload, sha256 }] of prepared.entries()) {
        const recorded = explanation.attachments[i]?.sha256;
        if (recorded === sha256) continue;
        throw new HdldError({
          status: result.response.status,
          title: `${sdkMessage('attachmentDigest', context.lang)}: ${upload.fileName}`,
          detail: `${sha256} ≠ ${recorded ?? '-'} (${explanation.explanationId})`,
          requestId: result.response.headers.get('x-request-id') ?? undefined,
          idempotencyKey: key,
        });
      }
      return explanation;
    },

    /** Newest first, page by page as you iterate; `{ state: 'PENDING' }` is the operator's queue. */
    list(query: ExplanationListQuery = {}, options?: RequestOptions): PageIterable<Explanation> {
      return paginate(async (cursor) => {
        const result = await api.GET('/v1/explanations', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
          ...context.init(options),
        });
        return unwrap(context, result);
      });
    },

    /** One explanation with its decision, re-push history and attachments' content. */
    async get(explanationId: string, options?: RequestOptions): Promise<Explanation> {
      const result = await api.GET('/v1/explanations/{explanationId}', {
        params: { path: { explanationId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /** Operators only (F37): approve or reject a pending explanation, with a reason. */
    async decide(
      explanationId: string,
      decision: Schemas['ExplanationDecision'],
      options?: RequestOptions,
    ): Promise<Explanation> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/explanations/{explanationId}/decision', {
        params: { path: { explanationId } },
        body: decision,
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },
  };
}
