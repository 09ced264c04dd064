import { UsageError } from '../output/errors.js';

/** A `--since`/`--from`-style option: an ISO date or date-time, or a usage error naming the flag. */
export function parseDateOption(value: string | undefined, flag: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} ${value}`);
  return date;
}
