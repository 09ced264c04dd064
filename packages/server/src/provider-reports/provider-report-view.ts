import type { Schemas } from '@hdld/spec';
import type { BlobStore } from '../blobs/index.js';
import type { StoredProviderReport } from '../storage/provider-reports-repo.js';
import { sentTimeliness } from './timeliness.js';

type Audit = Schemas['TechnicalAudit'];

/** The API representation of one version of a monthly report (schema `ProviderReport`), file described only. */
export function providerReportView(report: StoredProviderReport): Schemas['ProviderReport'] {
  const audit = report.technicalAudit as Omit<Audit, 'attachment'> | undefined;
  return {
    reportId: report.id,
    providerId: report.providerId,
    period: report.period,
    version: report.version,
    latestVersion: report.latestVersion,
    timeliness: sentTimeliness(report.period, report.firstSubmittedAt),
    deadline: report.deadline.toISOString(),
    firstSubmittedAt: report.firstSubmittedAt.toISOString(),
    submittedAt: report.submittedAt.toISOString(),
    submittedBy: report.submittedBy,
    figures: report.figures as Schemas['ProviderReportFigures'],
    text: report.text,
    ...(audit && report.attachment
      ? {
          technicalAudit: {
            ...audit,
            attachment: {
              fileName: report.attachment.fileName,
              mediaType: report.attachment.mediaType as Audit['attachment']['mediaType'],
              size: report.attachment.size,
              sha256: report.attachment.sha256,
            },
          },
        }
      : {}),
  };
}

/** The same, with the audit file's content (getProviderReport). */
export async function providerReportWithContent(
  report: StoredProviderReport,
  blobs: BlobStore,
): Promise<Schemas['ProviderReport']> {
  const view = providerReportView(report);
  if (!view.technicalAudit || !report.attachment) return view;
  const bytes = await blobs.get(report.attachment.blobKey);
  // Blobs are fsynced before their rows commit: a missing one means the store was damaged.
  if (!bytes) throw new Error(`blob ${report.attachment.blobKey} of provider report ${report.id} is missing`);
  const attachment = {
    ...view.technicalAudit.attachment,
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
  return { ...view, technicalAudit: { ...view.technicalAudit, attachment } };
}
