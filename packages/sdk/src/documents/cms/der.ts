import * as asn1js from 'asn1js';
import { compareBytes, concatBytes } from './bytes.js';

/**
 * A tiny DER writer. CMS structures are assembled from exact byte strings so that signed attributes,
 * embedded certificates and content stay byte-identical (pkijs re-encodes and chunks some values as BER).
 */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = concatBytes(contents);
  return concatBytes([Uint8Array.of(tag), encodeLength(body.byteLength), body]);
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export const sequence = (...contents: Uint8Array[]): Uint8Array => tlv(0x30, ...contents);

/** DER SET OF: elements sorted by their encodings (X.690 11.6). */
export function setOf(elements: readonly Uint8Array[]): Uint8Array {
  return tlv(0x31, ...[...elements].sort(compareBytes));
}

/** [n] IMPLICIT SET OF: DER-sorted elements under a context tag (CMS certificates, signed/unsigned attributes). */
export function implicitSetOf(n: number, elements: readonly Uint8Array[]): Uint8Array {
  return tlv(0xa0 + n, ...[...elements].sort(compareBytes));
}

export const octetString = (value: Uint8Array): Uint8Array => tlv(0x04, value);

/** [n] constructed context tag: EXPLICIT wrapping, or IMPLICIT SET/SEQUENCE (same tag byte). */
export const contextConstructed = (n: number, ...contents: Uint8Array[]): Uint8Array =>
  tlv(0xa0 + n, ...contents);

export const nullValue = (): Uint8Array => Uint8Array.of(0x05, 0x00);

export function objectIdentifier(oid: string): Uint8Array {
  return new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER());
}

export function integer(value: bigint | number): Uint8Array {
  return new Uint8Array(asn1js.Integer.fromBigInt(value).toBER());
}

/** INTEGER from unsigned big-endian magnitude bytes (minimal, with a 0x00 pad when the top bit is set). */
export function integerFromUnsigned(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.byteLength - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  return (trimmed[0] ?? 0) & 0x80 ? tlv(0x02, Uint8Array.of(0), trimmed) : tlv(0x02, trimmed);
}

export function generalizedTime(date: Date): Uint8Array {
  return new Uint8Array(new asn1js.GeneralizedTime({ valueDate: date }).toBER());
}

export function algorithmIdentifier(oid: string, parameters?: Uint8Array): Uint8Array {
  return parameters ? sequence(objectIdentifier(oid), parameters) : sequence(objectIdentifier(oid));
}

/** Parses exactly one DER/BER element; throws on garbage or trailing bytes. */
export function parseAsn1(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) throw new Error(`Malformed ${what}`);
  return parsed.result;
}
