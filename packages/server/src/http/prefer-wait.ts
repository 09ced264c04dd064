/** The longest `Prefer: wait` honoured: a request is not held open longer than this. */
export const MAX_WAIT_SECONDS = 10;

/**
 * Seconds asked for by the `wait` preference of a `Prefer` header (RFC 7240 section 4.3), at most
 * MAX_WAIT_SECONDS; 0 when there is none or it is not a delta-seconds value. Preferences are
 * comma-separated `token[=value]` items, each with optional `;parameters`; a value may be quoted;
 * names are case-insensitive; the first `wait` counts (RFC 7240 section 2).
 */
export function preferredWaitSeconds(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return 0;
  for (const preference of text.split(',')) {
    const [head = ''] = preference.split(';');
    const equals = head.indexOf('=');
    const name = (equals === -1 ? head : head.slice(0, equals)).trim().toLowerCase();
    if (name !== 'wait') continue;
    const value =
      equals === -1
        ? ''
        : head
            .slice(equals + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
    return /^\d{1,9}$/.test(value) ? Math.min(Number(value), MAX_WAIT_SECONDS) : 0;
  }
  return 0;
}
