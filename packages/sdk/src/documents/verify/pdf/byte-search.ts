/** Byte-level search helpers: the verifier scans PDF bytes directly instead of parsing the object graph. */

export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** First index of `needle` at or after `from`, or -1 (native indexOf finds candidate first bytes fast). */
export function indexOfBytes(
  haystack: Uint8Array,
  needle: Uint8Array,
  from = 0,
  to = haystack.byteLength,
): number {
  // Lengths are read once: V8 (Node 20) does not inline the byteLength getter, which made loops 10x slower.
  const first = needle[0]!;
  const length = needle.length;
  for (
    let at = haystack.indexOf(first, from);
    at !== -1 && at + length <= to;
    at = haystack.indexOf(first, at + 1)
  ) {
    let i = 1;
    while (i < length && haystack[at + i] === needle[i]) i++;
    if (i === length) return at;
  }
  return -1;
}

/**
 * Last index of `needle` that starts before `before` and at or after `from`, or -1. The native search runs
 * on the window only: a lower bound checked after a whole-file lastIndexOf would still scan to offset 0.
 */
export function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array, before: number, from = 0): number {
  const first = needle[0]!;
  const length = needle.length;
  const window = haystack.subarray(Math.max(0, from), Math.max(0, before));
  const base = Math.max(0, from);
  for (
    let at = window.lastIndexOf(first);
    at !== -1;
    at = at === 0 ? -1 : window.lastIndexOf(first, at - 1)
  ) {
    let i = 1;
    while (i < length && haystack[base + at + i] === needle[i]) i++;
    if (i === length) return base + at;
  }
  return -1;
}

/** True when `needle` occurs exactly at `offset`. */
export function bytesAt(haystack: Uint8Array, needle: Uint8Array, offset: number): boolean {
  const length = needle.length;
  if (offset < 0 || offset + length > haystack.length) return false;
  for (let i = 0; i < length; i++) if (haystack[offset + i] !== needle[i]) return false;
  return true;
}

/** PDF white-space characters (ISO 32000-1 7.2.2). */
export function isPdfWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

export function latin1Text(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0, length = bytes.length; i < length; i += 0x2000) {
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
  }
  return out;
}
