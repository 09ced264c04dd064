/**
 * Minimal DER reader for the verification hot path (N2, F8). It reads only tag/length headers and hands out
 * subarrays of the input, so nothing is copied or re-encoded: the signed bytes we hash are exactly the bytes
 * on the wire. Indefinite (BER) lengths are accepted for constructed values because some CMS producers
 * stream their outer layers.
 */

export class DerError extends Error {
  override readonly name = 'DerError';
}

export interface DerElement {
  /** The identifier octet (single-byte tags only: enough for X.509, CMS and RFC 3161). */
  readonly tag: number;
  /** Offset of the identifier octet in `buffer`. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly valueStart: number;
  /** Offset just past the content octets (for indefinite lengths: before the end-of-contents octets). */
  readonly valueEnd: number;
  /** Offset just past the whole element. */
  readonly end: number;
  readonly buffer: Uint8Array;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  teletexString: 0x14,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

const MAX_DEPTH = 64;

export function readElement(
  buffer: Uint8Array,
  offset = 0,
  limit = buffer.byteLength,
  depth = 0,
): DerElement {
  if (depth > MAX_DEPTH) throw new DerError('ASN.1 nesting too deep');
  if (offset + 2 > limit) throw new DerError('Truncated ASN.1 header');
  const tag = buffer[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('Multi-byte ASN.1 tags are not supported');
  let at = offset + 1;
  const first = buffer[at++]!;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw new DerError('Indefinite length on a primitive value');
    let child = at;
    while (!(buffer[child] === 0 && buffer[child + 1] === 0)) {
      if (child + 2 > limit) throw new DerError('Unterminated indefinite-length value');
      child = readElement(buffer, child, limit, depth + 1).end;
    }
    return { tag, start: offset, valueStart: at, valueEnd: child, end: child + 2, buffer };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('ASN.1 length too large');
    length = 0;
    for (let i = 0; i < count; i++) {
      if (at >= limit) throw new DerError('Truncated ASN.1 length');
      length = length * 256 + buffer[at++]!;
    }
  }
  const end = at + length;
  if (end > limit) throw new DerError('ASN.1 value runs past its container');
  return { tag, start: offset, valueStart: at, valueEnd: end, end, buffer };
}

/** The whole input must be exactly one element. */
export function readRoot(buffer: Uint8Array): DerElement {
  const root = readElement(buffer);
  if (root.end !== buffer.byteLength) throw new DerError('Trailing bytes after ASN.1 value');
  return root;
}

/** The element itself; a missing one (a field a truncated structure lacks) is a DerError, not a TypeError. */
function present(element: DerElement | undefined): DerElement {
  if (!element) throw new DerError('Missing ASN.1 value');
  return element;
}

export function children(maybe: DerElement | undefined): DerElement[] {
  const element = present(maybe);
  if ((element.tag & 0x20) === 0) throw new DerError('Expected a constructed ASN.1 value');
  const out: DerElement[] = [];
  for (let at = element.valueStart; at < element.valueEnd; ) {
    const child = readElement(element.buffer, at, element.valueEnd);
    // Tag 0 only ends indefinite lengths; inside a definite value it means a length was stretched over padding.
    if (child.tag === 0) throw new DerError('Unexpected end-of-contents octets');
    out.push(child);
    at = child.end;
  }
  return out;
}

export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (!element || element.tag !== tag) throw new DerError(`Malformed ${what}`);
  return element;
}

export function contentOf(maybe: DerElement | undefined): Uint8Array {
  const element = present(maybe);
  return element.buffer.subarray(element.valueStart, element.valueEnd);
}

export function encodingOf(maybe: DerElement | undefined): Uint8Array {
  const element = present(maybe);
  return element.buffer.subarray(element.start, element.end);
}

export function readOid(element: DerElement): string {
  expectTag(element, TAG.oid, 'object identifier');
  const bytes = contentOf(element);
  if (bytes.byteLength === 0) throw new DerError('Empty object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** Unsigned big-endian value as lowercase hex without leading zero bytes (how serial numbers are shown). */
export function readIntegerHex(element: DerElement): string {
  expectTag(element, TAG.integer, 'integer');
  const bytes = contentOf(element);
  let start = 0;
  while (start < bytes.byteLength - 1 && bytes[start] === 0) start++;
  let hex = '';
  for (let i = start; i < bytes.byteLength; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex;
}

export function readSmallInteger(element: DerElement): number {
  expectTag(element, TAG.integer, 'integer');
  const bytes = contentOf(element);
  if (bytes.byteLength === 0 || bytes.byteLength > 6) throw new DerError('Integer out of range');
  let value = (bytes[0]! & 0x80) !== 0 ? -1 : 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

export function readBoolean(element: DerElement): boolean {
  expectTag(element, TAG.boolean, 'boolean');
  return element.valueEnd > element.valueStart && element.buffer[element.valueStart] !== 0;
}

/** BIT STRING content without the unused-bits octet; signatures and keys must use whole octets. */
export function readOctetAlignedBitString(element: DerElement): Uint8Array {
  const { bytes, unusedBits } = readBitString(element);
  if (unusedBits !== 0) throw new DerError('Bit string is not octet-aligned');
  return bytes;
}

/** BIT STRING content without the unused-bits octet. */
export function readBitString(element: DerElement): { bytes: Uint8Array; unusedBits: number } {
  expectTag(element, TAG.bitString, 'bit string');
  const value = contentOf(element);
  if (value.byteLength === 0) throw new DerError('Empty bit string');
  return { bytes: value.subarray(1), unusedBits: value[0]! };
}

/**
 * OCTET STRING content; a constructed (BER, chunked) octet string is joined. Chunks nest one level in
 * practice; the depth cap keeps a hostile file of nested chunks from exhausting the stack.
 */
export function readOctetString(maybe: DerElement | undefined, depth = 0): Uint8Array {
  const element = present(maybe);
  if (element.tag === TAG.octetString) return contentOf(element);
  if (element.tag !== (TAG.octetString | 0x20)) throw new DerError('Malformed octet string');
  if (depth > MAX_DEPTH) throw new DerError('ASN.1 nesting too deep');
  const parts = children(element).map((part) => readOctetString(part, depth + 1));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

const TIME_PATTERN = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?Z$/;

export function readTime(maybe: DerElement | undefined): Date {
  const element = present(maybe);
  if (element.tag !== TAG.utcTime && element.tag !== TAG.generalizedTime)
    throw new DerError('Malformed time');
  const text = readAscii(contentOf(element));
  const m = TIME_PATTERN.exec(text);
  if (!m) throw new DerError('Unsupported time format');
  let year = Number(m[1]);
  if (element.tag === TAG.utcTime) {
    if (m[1]!.length !== 2) throw new DerError('Malformed UTCTime');
    year += year < 50 ? 2000 : 1900; // RFC 5280 4.1.2.5.1
  } else if (m[1]!.length !== 4) throw new DerError('Malformed GeneralizedTime');
  const millis = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const date = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return new Date(date + Math.floor(millis));
}

export function readString(maybe: DerElement | undefined): string {
  const element = present(maybe);
  const bytes = contentOf(element);
  switch (element.tag) {
    case TAG.utf8String:
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new DerError('UTF8String is not UTF-8');
      }
    case TAG.bmpString: {
      let out = '';
      for (let i = 0; i + 1 < bytes.byteLength; i += 2)
        out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return out;
    }
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.teletexString:
      return readAscii(bytes);
    default:
      throw new DerError('Unsupported string type');
  }
}

function readAscii(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

/** Context-specific tag number of an element, or -1 when it is not context-specific. */
export function contextTag(element: DerElement): number {
  return (element.tag & 0xc0) === 0x80 ? element.tag & 0x1f : -1;
}
