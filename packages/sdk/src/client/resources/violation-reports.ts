import type { operations, Schemas } from '@hdld/spec';
import { type CallContext, idempotencyKeyFor, type RequestOptions, unwrap } from '../call.js';
import { type PageIterable, paginate } from '../pagination.js';

type ViolationReport = Schemas['ViolationReport'];

/** Filters of `listViolationReports` (the cursor is handled by the iterator). */
export type ViolationReportListQuery = Omit<
  NonNullable<operations['listViolationReports']['parameters']['query']>,
  'cursor'
>;

/**
 * The monthly report of violating providers (F38) and what the Ministry does about each (Decree
 * 337/2025 Art. 15.4, F39). Operators make it and act on it; a provider reads its own lines.
 */
export function violationReportsResource(context: CallContext) {
  const { api } = context;
  return {
    /**
     * Operators only: the report on a month that has ended (default: the previous month), or the
     * one that exists; `regenerate` makes a new version from today's data.
     */
    async generate(
      request: Partial<Schemas['ViolationReportRequest']> = {},
      options?: RequestOptions,
    ): Promise<ViolationReport> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/violation-reports', {
        body: { regenerate: false, ...request },
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },

    /** Newest first, page by page as you iterate. */
    list(query: ViolationReportListQuery = {}, options?: RequestOptions): PageIterable<ViolationReport> {
      return paginate(async (cursor) => {
        const result = await api.GET('/v1/violation-reports', {
          params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
          ...context.init(options),
        });
        return unwrap(context, result);
      });
    },

    async get(reportId: string, options?: RequestOptions): Promise<ViolationReport> {
      const result = await api.GET('/v1/violation-reports/{reportId}', {
        params: { path: { reportId } },
        ...context.init(options),
      });
      return unwrap(context, result);
    },

    /**
     * Operators only: suspend or disconnect a provider of the report, with the reason e-mailed to
     * it (F39). Its next call is refused with PROVIDER_SUSPENDED or PROVIDER_DISCONNECTED.
     */
    async act(
      reportId: string,
      providerId: string,
      action: Schemas['ViolationActionRequest'],
      options?: RequestOptions,
    ): Promise<Schemas['ViolationLine']> {
      const key = idempotencyKeyFor(options);
      const result = await api.POST('/v1/violation-reports/{reportId}/providers/{providerId}/action', {
        params: { path: { reportId, providerId } },
        body: action,
        ...context.init(options, key),
      });
      return unwrap(context, result, key);
    },
  };
}
