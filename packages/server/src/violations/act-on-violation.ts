import { ProblemError } from '../http/problem.js';
import { changeProviderStatus } from '../providers/change-provider-status.js';
import type { Storage } from '../storage/index.js';
import type {
  StoredViolationReport,
  ViolationAction,
  ViolationLine,
} from '../storage/violation-reports-repo.js';

export type ViolationStep = {
  status: ViolationAction['status'];
  reason: string;
  operatorId: string;
  now: Date;
};

function lineOf(report: StoredViolationReport | undefined, providerId: string): ViolationLine {
  const line = report?.lines.find((l) => l.providerId === providerId);
  if (line) return line;
  throw new ProblemError('VIOLATION_REPORT_NOT_FOUND', {
    detail: {
      en: `Provider ${providerId} has no line in violations report ${report?.id}.`,
      vi: `Nhà cung cấp ${providerId} không có trong báo cáo vi phạm ${report?.id}.`,
    },
  });
}

/**
 * F38 → N8: an operator suspends or disconnects a provider from a violations report. The change
 * goes through changeProviderStatus (status history, the API block, the F39 notification), then
 * is recorded on the report's line. A repeat changes nothing; a retry after a crash between the
 * two steps finds the status already set and records the step it missed.
 */
export async function actOnViolation(
  storage: Storage,
  report: StoredViolationReport,
  providerId: string,
  step: ViolationStep,
): Promise<ViolationLine> {
  lineOf(report, providerId);
  const provider = await changeProviderStatus(storage, providerId, step);
  const changedAt = provider.statusChangedAt?.getTime() ?? 0;
  return storage.transaction(async (repos) => {
    await repos.violationReports.lockLine(report.id, providerId);
    const last = lineOf(await repos.violationReports.findById(report.id), providerId).actions.at(-1);
    // Recorded already, and nobody changed the status since: the same request again.
    const repeated = last?.status === step.status && changedAt <= last.takenAt.getTime();
    if (!repeated) {
      await repos.violationReports.addAction(report.id, providerId, {
        status: step.status,
        reason: step.reason,
        takenBy: step.operatorId,
        takenAt: step.now,
      });
    }
    return lineOf(await repos.violationReports.findById(report.id), providerId);
  });
}
