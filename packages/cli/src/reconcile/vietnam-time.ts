/**
 * Vietnam civil time (Asia/Ho_Chi_Minh): UTC+7 all year, no daylight saving since 1975, so a fixed
 * offset is exact. A reconciliation day is a Vietnamese day (F35): 2026-12-07 is the UTC range
 * [2026-12-06T17:00Z, 2026-12-07T17:00Z).
 */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The instants of a Vietnamese civil day, `[from, to)`; undefined if `date` is not a calendar date. */
export function vietnamDay(date: string): { from: Date; to: Date } | undefined {
  if (!isCalendarDate(date)) return undefined;
  const from = new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** The Vietnamese calendar date of an instant. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Vietnam shows it, with its offset: 2026-12-07T23:30:00+07:00 (ISO 8601). */
export function vietnamTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return `${new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}
