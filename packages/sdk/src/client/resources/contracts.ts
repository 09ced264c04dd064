import type { Schemas } from '@hdld/spec';
import { type CallContext, type RequestOptions, unwrap } from '../call.js';

export type DownloadedDocument = {
  bytes: Uint8Array;
  mediaType: string;
  /** From Content-Disposition, when the Platform sends it. */
  fileName?: string;
  /** From the ETag: equals `ContractDocument.sha256`. */
  sha256?: string;
};

function fileNameOf(disposition: string | null): string | undefined {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Contracts with their ID (F9, F10, S1.1) and their stored documents (S1.2). */
export function contractsResource(context: CallContext) {
  const { api } = context;
  return {
    async get(contractId: string, options?: RequestOptions): Promise<Schemas['Contract']> {
      const result = await api.GET('/v1/contracts/{contractId}', {
        params: { path: { contractId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    async downloadDocument(
      contractId: string,
      documentId: string,
      options?: RequestOptions,
    ): Promise<DownloadedDocument> {
      const result = await api.GET('/v1/contracts/{contractId}/documents/{documentId}', {
        params: { path: { contractId, documentId } },
        parseAs: 'arrayBuffer',
        ...context.init(options),
      });
      const bytes = new Uint8Array(unwrap(context, result) as ArrayBuffer);
      const headers = result.response.headers;
      return {
        bytes,
        mediaType: headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream',
        fileName: fileNameOf(headers.get('content-disposition')),
        sha256: headers.get('etag')?.replaceAll('"', '') ?? undefined,
      };
    },
  };
}
