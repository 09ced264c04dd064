import { UsageError } from '../output/errors.js';
import { vietnamDay } from './vietnam-time.js';

/**
 * A `--since`/`--from`-style option: an ISO date-time, or a calendar date meaning the start of that
 * day in Vietnam (00:00 +07:00; a bare ISO date would otherwise be read as UTC midnight, 07:00 in
 * Vietnam), or a usage error naming the flag (exit 2).
 */
export function parseDateOption(value: string | undefined, flag: string): Date | undefined {
  if (!value) return undefined;
  const day = vietnamDay(value);
  if (day) return day.from;
  const date = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new UsageError(`${flag} ${value}: use YYYY-MM-DD or an ISO date-time`);
  return date;
}

/**
 * The period of a reconciliation: `--date D` (a Vietnamese day), or `--since`/`--until`. `--since D`
 * alone reaches at least to the end of that day, so it is never an empty or reversed range (issue
 * 14: `--since 2026-12-07` early on the 7th failed "to must be after from").
 */
export function reconcilePeriod(flags: { date?: string; since?: string; until?: string }): {
  since?: Date;
  until?: Date;
  minimumUntil?: Date;
} {
  if (flags.date !== undefined) {
    if (flags.since || flags.until) throw new UsageError('--date: not with --since or --until');
    const day = vietnamDay(flags.date);
    if (!day) throw new UsageError(`--date ${flags.date}: use YYYY-MM-DD (a day in Vietnam time)`);
    return { since: day.from, until: day.to };
  }
  const since = parseDateOption(flags.since, '--since');
  const until = parseDateOption(flags.until, '--until');
  if (since && until && until <= since) throw new UsageError(`--until ${flags.until}: must be after --since`);
  const sinceDay = flags.since ? vietnamDay(flags.since) : undefined;
  return { since, until, ...(sinceDay && !until ? { minimumUntil: sinceDay.to } : {}) };
}
