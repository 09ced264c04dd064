/**
 * Calendar dates (`YYYY-MM-DD`, the main data's format) for the labor rules. Vietnam's civil time is
 * Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving, so an instant's Vietnamese date is its UTC
 * date seven hours later. Pure functions; property-tested (test/validation/calendar-dates.test.ts).
 */
const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

const iso = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/** Date.UTC, without its mapping of years 0-99 to 1900-1999; month and day may overflow. */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** The calendar date in Vietnam (Asia/Ho_Chi_Minh) at `instant`. */
export function vietnamDate(instant: Date): string {
  return iso(instant.getTime() + VIETNAM_UTC_OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return iso(utc(y, m - 1, d) + days * DAY_MS);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return (utc(ty, tm - 1, td) - utc(fy, fm - 1, fd)) / DAY_MS;
}

/**
 * The same day `months` later, clamped to the last day of a shorter month (31 January + 1 month is
 * 28 or 29 February), as terms "of N months" are counted; Date alone would overflow into March.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(utc(y, m + months, 0)).getUTCDate();
  return iso(utc(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Whole years between two calendar dates (the age on `at`). */
export function ageOn(dateOfBirth: string, at: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [ay, am, ad] = parts(at);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}
