import type { Schemas } from '@hdld/spec';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorize, authorizeAction, visibleLines, visibleProviderId } from '../auth/policy.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { idempotencyOf } from '../http/idempotent-request.js';
import { keysetPage } from '../http/keyset-page.js';
import { ProblemError } from '../http/problem.js';
import type { Platform } from '../platform.js';
import { providerReportView, providerReportWithContent } from './provider-report-view.js';
import { reportDeadline } from './reporting-period.js';
import { submitProviderReport } from './submit-provider-report.js';
import { connectedDuring, reportTimeliness, type Timeliness } from './timeliness.js';

type ListRequest = FastifyRequest<{
  Querystring: {
    cursor?: string;
    limit?: number;
    providerId?: string;
    period?: string;
    timeliness?: 'ON_TIME' | 'LATE';
  };
}>;
type TrackingRequest = FastifyRequest<{
  Querystring: { period: string; providerId?: string; timeliness?: Timeliness };
}>;

/** F33 (Decree 337/2025 Art. 25.6): providers' monthly reports on their eContract service. */
export function providerReportHandlers(platform: Platform) {
  return {
    async listProviderReports(request: ListRequest): Promise<Schemas['ProviderReportPage']> {
      const q = request.query;
      return keysetPage(
        q,
        ({ after, limit }) =>
          platform.storage.providerReports.page({
            providerId: visibleProviderId(principalOf(request), q.providerId),
            period: q.period,
            timeliness: q.timeliness,
            after: after && { submittedAt: after.at, id: after.id },
            limit,
          }),
        (r) => ({ at: r.submittedAt, id: r.id }),
        providerReportView,
      );
    },

    async submitProviderReport(
      request: FastifyRequest<{ Body: Schemas['ProviderReportSubmission'] }>,
      reply: FastifyReply,
    ) {
      const principal = principalOf(request);
      authorizeAction(principal, 'providerReport.submit');
      const result = await submitProviderReport(
        {
          storage: platform.storage,
          blobs: platform.blobs,
          // Only providers get past the policy, and a provider reports on itself.
          providerId: visibleProviderId(principal)!,
          submittedBy: actorOf(principal),
          now: platform.now(),
          idempotency: idempotencyOf(request),
        },
        request.body,
      );
      if (result.replayed) return reply.code(200).header('idempotent-replayed', 'true').send(result.body);
      const { reportId } = result.body as { reportId: string };
      return reply.code(201).header('location', `/v1/provider-reports/${reportId}`).send(result.body);
    },

    /** Who owes the report on a month, and where each stands now (MISSING included). */
    async getProviderReportTracking(request: TrackingRequest): Promise<Schemas['ProviderReportTracking']> {
      const { period, providerId, timeliness } = request.query;
      const principal = principalOf(request);
      const now = platform.now();
      const [providers, reports] = await Promise.all([
        platform.storage.providers.list(),
        platform.storage.providerReports.latestVersions(period),
      ]);
      const items = providers
        .filter((provider) => connectedDuring(provider, period))
        .map((provider) => {
          const report = reports.get(provider.id);
          return {
            providerId: provider.id,
            providerName: provider.name,
            timeliness: reportTimeliness(period, report?.firstSubmittedAt, now),
            ...(report
              ? {
                  reportId: report.id,
                  latestVersion: report.latestVersion,
                  firstSubmittedAt: report.firstSubmittedAt.toISOString(),
                }
              : {}),
          };
        });
      return {
        period,
        deadline: reportDeadline(period).toISOString(),
        evaluatedAt: now.toISOString(),
        items: visibleLines(principal, 'providerReport.read', items, providerId).filter(
          (item) => timeliness === undefined || item.timeliness === timeliness,
        ),
      };
    },

    async getProviderReport(request: FastifyRequest<{ Params: { reportId: string } }>) {
      const principal = principalOf(request);
      authorizeAction(principal, 'providerReport.read');
      const report = await platform.storage.providerReports.findById(request.params.reportId);
      if (!report) throw new ProblemError('PROVIDER_REPORT_NOT_FOUND');
      authorize(principal, 'providerReport.read', report);
      return providerReportWithContent(report, platform.blobs);
    },
  };
}
