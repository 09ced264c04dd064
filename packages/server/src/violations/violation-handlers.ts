import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorizeAction, visibleLines } from '../auth/policy.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { keysetPage } from '../http/keyset-page.js';
import { ProblemError } from '../http/problem.js';
import { languageOf } from '../http/request-context.js';
import type { Platform } from '../platform.js';
import { periodOf, previousPeriod } from '../provider-reports/reporting-period.js';
import type { StoredViolationReport } from '../storage/violation-reports-repo.js';
import { actOnViolation } from './act-on-violation.js';
import type { ViolationThresholds } from './thresholds.js';
import { violationLineView, violationReportView } from './violation-report-view.js';

type ListRequest = FastifyRequest<{
  Querystring: { cursor?: string; limit?: number; period?: string; providerId?: string };
}>;
type ByIdRequest = FastifyRequest<{ Params: { reportId: string } }>;

/** F38: the monthly report of violating providers and the operator's action from it. */
export function violationHandlers(platform: Platform) {
  /** The report with the lines the caller may read (a provider: its own, T17). */
  const visible = (request: FastifyRequest, report: StoredViolationReport, providerId?: string) =>
    violationReportView(
      report,
      visibleLines(principalOf(request), 'violationReport.read', report.lines, providerId),
      languageOf(request),
    );
  const findReport = async (request: ByIdRequest) => {
    const report = await platform.storage.violationReports.findById(request.params.reportId);
    if (!report) throw new ProblemError('VIOLATION_REPORT_NOT_FOUND');
    return report;
  };

  return {
    async listViolationReports(request: ListRequest): Promise<Schemas['ViolationReportPage']> {
      authorizeAction(principalOf(request), 'violationReport.read');
      const q = request.query;
      return keysetPage(
        q,
        ({ after, limit }) =>
          platform.storage.violationReports.page({
            period: q.period,
            after: after && { generatedAt: after.at, id: after.id },
            limit,
          }),
        (r) => ({ at: r.generatedAt, id: r.id }),
        (report) => visible(request, report, q.providerId),
      );
    },

    async generateViolationReport(
      request: FastifyRequest<{ Body: Schemas['ViolationReportRequest'] }>,
      reply: FastifyReply,
    ) {
      const principal = principalOf(request);
      authorizeAction(principal, 'violationReport.generate');
      const now = platform.now();
      const { report, created } = await platform.violations.generate({
        period: request.body.period ?? previousPeriod(periodOf(now)),
        regenerate: request.body.regenerate ?? false,
        by: actorOf(principal),
        now,
      });
      const body = visible(request, report);
      if (!created) return reply.code(200).send(body);
      return reply.code(201).header('location', `/v1/violation-reports/${report.id}`).send(body);
    },

    async getViolationReport(request: ByIdRequest): Promise<Schemas['ViolationReport']> {
      authorizeAction(principalOf(request), 'violationReport.read');
      return visible(request, await findReport(request));
    },

    async actOnViolation(
      request: FastifyRequest<{
        Params: { reportId: string; providerId: string };
        Body: Schemas['ViolationActionRequest'];
      }>,
    ): Promise<Schemas['ViolationLine']> {
      const principal = principalOf(request);
      authorizeAction(principal, 'violationReport.act');
      const report = await findReport(request);
      const line = await actOnViolation(platform.storage, report, request.params.providerId, {
        status: request.body.status,
        reason: request.body.reason,
        operatorId: actorOf(principal),
        now: platform.now(),
      });
      // Applies at once on this server; other processes see it when their cache entry expires.
      platform.providerStatus.forget(request.params.providerId);
      return violationLineView(line, report.thresholds as ViolationThresholds, languageOf(request));
    },
  };
}
