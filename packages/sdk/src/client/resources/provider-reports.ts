import type { operations, Schemas } from '@hdld/spec';
import { sha256Hex } from '../../batch/digest.js';
import { toBase64 } from '../../submissions/base64.js';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import { type PageIterable, paginate } from '../pagination.js';
import { type FileInput, readFileInput } from './file-input.js';

type ProviderReport = Schemas['ProviderReport'];

/** A technical audit result with its report (a PDF, at most 10 MiB) as bytes or a path (F33). */
export type TechnicalAuditInput = Omit<Schemas['TechnicalAuditUpload'], 'attachment'> & {
  attachment: FileInput;
};

/** What `providerReports.submit` takes: the report, its audit file hashed and encoded by the SDK. */
export type ProviderReportInput = Omit<Schemas['ProviderReportSubmission'], 'technicalAudit'> & {
  technicalAudit?: TechnicalAuditInput;
};

/** Filters of `listProviderReports` (the cursor is handled by the iterator). */
export type ProviderReportListQuery = Omit<
  NonNullable<operations['listProviderReports']['parameters']['query']>,
  'cursor'
>;

export type ProviderReportTrackingQuery = NonNullable<
  operations['getProviderReportTracking']['parameters']['query']
>;

async function auditUpload(audit: TechnicalAuditInput): Promise<Schemas['TechnicalAuditUpload']> {
  const { fileName, bytes } = await readFileInput(audit.attachment);
  return {
    ...audit,
    attachment: {
      fileName,
      mediaType: 'application/pdf',
      // The Platform checks it (ATTACHMENT_DIGEST_MISMATCH): what the Ministry reads is what was sent.
      sha256: await sha256Hex(bytes),
      contentBase64: toBase64(bytes),
    },
  };
}

/** Providers' monthly reports on their eContract service (F33; Decree 337/2025 Art. 25.6). */
export function providerReportsResource(context: CallContext) {
  const { api } = context;
  return {
    /**
     * Providers only: the report on a month that has ended. The same content again answers the
     * report as stored; a correction needs `replacesVersion` (PROVIDER_REPORT_CONFLICT otherwise).
     */
    async submit(input: ProviderReportInput, options?: RequestOptions): Promise<ProviderReport> {
      const { technicalAudit, ...report } = input;
      const body: Schemas['ProviderReportSubmission'] = {
        ...report,
        ...(technicalAudit ? { technicalAudit: await auditUpload(technicalAudit) } : {}),
      };
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/provider-reports', { body, ...context.init(options, key) });
      return unwrap(context, result, key);
    },

    /** The latest version of each report, newest first, page by page as you iterate. */
    list(query: ProviderReportListQuery = {}, options?: RequestOptions): PageIterable<ProviderReport> {
      return paginate(async (cursor) => {
        const result = await api.GET('/v1/provider-reports', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
          ...context.init(options),
        });
        return unwrap(context, result);
      });
    },

    async get(reportId: string, options?: RequestOptions): Promise<ProviderReport> {
      const result = await api.GET('/v1/provider-reports/{reportId}', {
        params: { path: { reportId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /** Who owes the report on a month and where each stands: ON_TIME, LATE, DUE or MISSING. */
    async tracking(
      query: ProviderReportTrackingQuery,
      options?: RequestOptions,
    ): Promise<Schemas['ProviderReportTracking']> {
      const result = await api.GET('/v1/provider-reports/tracking', {
        params: { query },
        ...context.init(options),
      });
      return unwrap(context, result);
    },
  };
}
