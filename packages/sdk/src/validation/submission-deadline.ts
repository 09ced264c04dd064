import type { PdfVerificationReport } from '../documents/verify/index.js';
import { type Finding, item } from './finding.js';

// Moved from packages/server/src/pipeline/process-transaction.ts: the Platform flags a late
// submission and `hdld validate --at` warns of one by the same rule (issue 4, issue 14, F38).

/** A submission is late when sent more than 24 hours after the last signature (F38). */
export const SUBMISSION_DEADLINE_MS = 24 * 60 * 60 * 1000;

/** The latest signing time of a verified document, if any signature has one. */
export function lastSigningTime(report: PdfVerificationReport): Date | undefined {
  const times = report.signatures
    .map((s) => s.signingTime?.getTime())
    .filter((t): t is number => t !== undefined);
  return times.length ? new Date(Math.max(...times)) : undefined;
}

export function isLate(lastSignedAt: Date | undefined, receivedAt: Date): boolean {
  return lastSignedAt !== undefined && receivedAt.getTime() - lastSignedAt.getTime() > SUBMISSION_DEADLINE_MS;
}

/** SUBMISSION_LATE as the Platform records it: a warning, the ID is still issued (F38). */
export function lateFinding(lastSignedAt: Date, receivedAt: Date): Finding {
  const hours = Math.floor((receivedAt.getTime() - lastSignedAt.getTime()) / 3_600_000);
  return {
    ...item('SUBMISSION_LATE', {
      en: `Sent ${hours} h after the last signature (${lastSignedAt.toISOString()}); the deadline is 24 h.`,
      vi: `Gửi sau chữ ký cuối ${hours} giờ (${lastSignedAt.toISOString()}); thời hạn là 24 giờ.`,
    }),
    severity: 'WARNING',
  };
}
