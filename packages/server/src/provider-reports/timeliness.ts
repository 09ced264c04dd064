import { ProblemError } from '../http/problem.js';
import {
  type Period,
  periodEnd,
  periodStart,
  REPORTING_TIME_ZONE,
  reportDeadline,
} from './reporting-period.js';

/**
 * F33 tracking of a provider's monthly report (Decree 337/2025 Art. 25.6): ON_TIME or LATE once
 * sent (by its first version, so a later correction never turns an on-time report late), MISSING
 * once the deadline passed without one, DUE before that.
 */
export type Timeliness = 'ON_TIME' | 'LATE' | 'MISSING' | 'DUE';

/**
 * Where the report on `period` stood at `asOf`. A version sent at or after `asOf` is ignored, so
 * the same answer comes back whenever it is asked about a past instant (F38 reproducibility).
 */
export function reportTimeliness(period: Period, firstSubmittedAt: Date | undefined, asOf: Date): Timeliness {
  if (firstSubmittedAt && firstSubmittedAt.getTime() < asOf.getTime())
    return sentTimeliness(period, firstSubmittedAt);
  return asOf.getTime() >= reportDeadline(period).getTime() ? 'MISSING' : 'DUE';
}

/** A report sent: on time when its first version came before the deadline. */
export function sentTimeliness(period: Period, firstSubmittedAt: Date): 'ON_TIME' | 'LATE' {
  return firstSubmittedAt.getTime() < reportDeadline(period).getTime() ? 'ON_TIME' : 'LATE';
}

/** A month is reported on (F33) and judged (F38) only once it has ended on the Platform's clock. */
export function periodNotEnded(period: Period): ProblemError {
  const end = periodEnd(period).toISOString();
  return new ProblemError('REPORTING_PERIOD_NOT_ENDED', {
    detail: {
      en: `${period} ends at ${end} (00:00 on the 1st of the next month, ${REPORTING_TIME_ZONE} time).`,
      vi: `Tháng ${period} kết thúc lúc ${end} (00:00 ngày 01 tháng sau, giờ Việt Nam).`,
    },
  });
}

/** What decides whether a provider was connected during a month. */
export type ProviderLifetime = { createdAt: Date; status: string; statusChangedAt?: Date };

/**
 * A provider was connected during the month when it registered before the month ended and was
 * not disconnected (final, Art. 15.4) before it began. Such a provider owes the month's report
 * and is evaluated in the month's violations report; a suspension does not excuse either.
 */
export function connectedDuring(provider: ProviderLifetime, period: Period): boolean {
  if (provider.createdAt.getTime() >= periodEnd(period).getTime()) return false;
  const disconnectedAt = provider.status === 'DISCONNECTED' ? provider.statusChangedAt : undefined;
  return !(disconnectedAt && disconnectedAt.getTime() < periodStart(period).getTime());
}
