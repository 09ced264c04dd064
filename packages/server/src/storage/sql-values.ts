/**
 * Parameter and column conversions that make both drivers behave alike: node-postgres returns int8 as
 * a string and turns JS arrays into Postgres arrays, PGlite returns int8 as a number.
 */

/** jsonb parameters go over the wire as JSON text (both engines parse text into jsonb). */
export function toJsonParam(value: unknown): string {
  return JSON.stringify(value);
}

/** int8 / bigserial / count(*) columns as a JS number (all our counters stay far below 2^53). */
export function toNumber(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) throw new TypeError(`expected an integer column, got ${String(value)}`);
  return number;
}

export function toOptionalDate(value: unknown): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toOptional<T>(value: T | null): T | undefined {
  return value ?? undefined;
}
