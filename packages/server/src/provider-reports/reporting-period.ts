/**
 * Monthly reporting periods (`YYYY-MM`) in Vietnam's civil time, Asia/Ho_Chi_Minh: UTC+7 all year,
 * no daylight saving, so a month starts at 00:00 on its 1st, i.e. 17:00 UTC on the last day before.
 * Used by the providers' monthly reports (F33, Decree 337/2025 Art. 25.6) and the violations report
 * of the 1st of each month (F38). Pure functions; instants are `Date`s.
 */

export const REPORTING_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const UTC_OFFSET_MS = 7 * 3_600_000;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month, e.g. `2026-02`. */
export type Period = string;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

function parts(period: Period): { year: number; month: number } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`not a YYYY-MM period: ${period}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function format(year: number, month: number): Period {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The instant a Vietnamese calendar day begins (day may overflow into the next month, as in Date.UTC). */
function vietnamMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - UTC_OFFSET_MS);
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function nextPeriod(period: Period): Period {
  const { year, month } = parts(period);
  return month === 12 ? format(year + 1, 1) : format(year, month + 1);
}

export function previousPeriod(period: Period): Period {
  const { year, month } = parts(period);
  return month === 1 ? format(year - 1, 12) : format(year, month - 1);
}

/** 00:00 on the 1st of the month, Vietnam time. */
export function periodStart(period: Period): Date {
  const { year, month } = parts(period);
  return vietnamMidnight(year, month, 1);
}

/** The first instant after the month: 00:00 on the 1st of the next month, Vietnam time. */
export function periodEnd(period: Period): Date {
  return periodStart(nextPeriod(period));
}

/** The month an instant falls in, Vietnam time. */
export function periodOf(instant: Date): Period {
  const local = new Date(instant.getTime() + UTC_OFFSET_MS);
  return format(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/**
 * Decree 337/2025 Art. 25.6: "Định kỳ hằng tháng (trước ngày 30), báo cáo tình hình cung cấp
 * dịch vụ…". Our reading: the report on month M covers the whole month, so it can only be made
 * once M is over, and it is due *before the 30th of month M+1*: the deadline is 00:00 on the
 * 30th of M+1, Vietnam time, exclusive (a report at 23:59:59 on the 29th is on time, one at 00:00
 * on the 30th is late). February has no 30th, so every day of it is "before the 30th": when M+1
 * is February the deadline is 00:00 on 1 March.
 */
export function reportDeadline(period: Period): Date {
  const due = nextPeriod(period);
  const { year, month } = parts(due);
  return daysIn(year, month) >= 30 ? vietnamMidnight(year, month, 30) : periodEnd(due);
}
