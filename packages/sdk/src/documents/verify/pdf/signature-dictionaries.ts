import {
  asciiBytes,
  bytesAt,
  indexOfBytes,
  isPdfWhitespace,
  lastIndexOfBytes,
  latin1Text,
} from './byte-search.js';

export type ByteRange = readonly [number, number, number, number];

/** A signature dictionary located by scanning the file for /ByteRange (no full PDF parse on the hot path). */
export interface SignatureDictionary {
  byteRange: ByteRange;
  /** The decoded /Contents value: exactly the CMS DER, without its zero padding. */
  contents?: Uint8Array;
  subFilter?: string;
  type?: string;
  /** ByteRange problems; a dictionary with problems is reported as SIGNATURE_BYTERANGE_INVALID. */
  problems: string[];
}

const BYTE_RANGE = asciiBytes('/ByteRange');
const CONTENTS = asciiBytes('/Contents');
const OBJ = asciiBytes('obj');
const ENDOBJ = asciiBytes('endobj');
const BYTE_RANGE_ARRAY = /^\s*\[\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*\]/;

/**
 * Far more signatures than a contract carries (each party, the Platform, document timestamps). Each
 * dictionary costs a scan of its object and a CMS verification, so a file of repeated /ByteRange
 * entries pointing at one /Contents would otherwise cost thousands of verifications.
 */
export const MAX_SIGNATURE_DICTIONARIES = 32;

/** The file's signature dictionaries; undefined when there are more than MAX_SIGNATURE_DICTIONARIES. */
export function findSignatureDictionaries(pdf: Uint8Array): SignatureDictionary[] | undefined {
  const found: [number, ByteRange][] = [];
  for (let at = indexOfBytes(pdf, BYTE_RANGE); at !== -1; at = indexOfBytes(pdf, BYTE_RANGE, at + 1)) {
    const match = BYTE_RANGE_ARRAY.exec(latin1Text(pdf.subarray(at + BYTE_RANGE.byteLength, at + 80)));
    if (!match) continue; // the name in some other context, not a signature's ByteRange
    if (found.length === MAX_SIGNATURE_DICTIONARIES) return undefined;
    found.push([at, [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])]]);
  }
  return found.map(([at, byteRange]) => readDictionary(pdf, at, byteRange));
}

function readDictionary(pdf: Uint8Array, byteRangeAt: number, byteRange: ByteRange): SignatureDictionary {
  const [start, firstLength, gapEnd, secondLength] = byteRange;
  const gapStart = start + firstLength;
  const problems: string[] = [];
  if (start !== 0) problems.push('ByteRange does not start at offset 0');
  if (gapEnd + secondLength > pdf.byteLength || gapStart > gapEnd)
    problems.push('ByteRange is out of bounds');
  const dictionary: SignatureDictionary = { byteRange, problems };
  if (problems.length > 0) return dictionary;
  // The ByteRange value itself must be signed, i.e. lie outside the gap.
  if (byteRangeAt >= gapStart && byteRangeAt < gapEnd)
    problems.push('ByteRange lies inside the unsigned gap');
  // The gap must be exactly this dictionary's <hex> /Contents string: guards against signature wrapping.
  const gap = pdf.subarray(gapStart, gapEnd);
  if (gap[0] !== 0x3c || gap[gap.byteLength - 1] !== 0x3e) problems.push('ByteRange gap is not a hex string');
  let key = gapStart;
  while (key > 0 && isPdfWhitespace(pdf[key - 1])) key--;
  if (!bytesAt(pdf, CONTENTS, key - CONTENTS.byteLength)) {
    problems.push('ByteRange gap is not the /Contents value');
  }
  const from = Math.min(byteRangeAt, gapStart);
  const to = Math.max(byteRangeAt, gapEnd);
  // Scan only outside the gap: hex digits would make the scan slow and cannot spell "endobj" anyway.
  const splitObject =
    byteRangeAt < gapStart
      ? indexOfBytes(pdf, ENDOBJ, from, gapStart)
      : indexOfBytes(pdf, ENDOBJ, gapEnd, to);
  if (splitObject !== -1) problems.push('ByteRange and /Contents belong to different objects');
  if (problems.length > 0) return dictionary;
  const contents = decodeHex(gap.subarray(1, gap.byteLength - 1));
  if (!contents) {
    problems.push('/Contents is not a valid hex string');
    return dictionary;
  }
  dictionary.contents = contents;
  Object.assign(dictionary, readNames(pdf, from, to));
  return dictionary;
}

/** /SubFilter and /Type of the dictionary, read from the object's text around the (large) hex string. */
function readNames(
  pdf: Uint8Array,
  from: number,
  to: number,
): Pick<SignatureDictionary, 'subFilter' | 'type'> {
  const objectStart = Math.max(0, lastIndexOfBytes(pdf, OBJ, from, Math.max(0, from - 4096)));
  const objectEnd = indexOfBytes(pdf, ENDOBJ, to, Math.min(pdf.byteLength, to + 4096));
  const text =
    latin1Text(pdf.subarray(objectStart, from)) +
    latin1Text(pdf.subarray(to, objectEnd === -1 ? to : objectEnd));
  const names: Pick<SignatureDictionary, 'subFilter' | 'type'> = {};
  const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(text)?.[1];
  const type = /\/Type\s*\/([^\s/<>[\]()]+)/.exec(text)?.[1];
  if (subFilter) names.subFilter = subFilter;
  if (type) names.type = type;
  return names;
}

/** Hex digit value, with bit 8 set for a-f and bit 9 for A-F (to reject mixed case); -1 for other bytes. */
const HEX_VALUE = new Int16Array(256).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i < 10 ? i : i | 0x100;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i < 10 ? i : i | 0x200;
}
const MIXED_CASE = 0x300;

/**
 * The /Contents hex string is outside the ByteRange, so any spelling variant (white space, letter case, odd
 * length, non-zero padding) would let an attacker alter the file while the signature stays valid. Signers
 * write canonical hex, so only that is accepted: even length, no white space, one letter case, and "0"
 * digits after the DER value. Only the DER value is decoded (the padding is often half the placeholder).
 */
function decodeHex(hex: Uint8Array): Uint8Array | undefined {
  // Plain `length`, read once: the byteLength getter in a loop condition is not inlined by V8 (10x slower).
  const length = hex.length;
  if (length % 2 !== 0 || length < 4) return undefined;
  const derLength = derLengthFromHex(hex);
  if (derLength === undefined || derLength * 2 > length) return undefined;
  const out = new Uint8Array(derLength);
  let seen = 0;
  for (let i = 0, at = 0; i < derLength; i++, at += 2) {
    const high = HEX_VALUE[hex[at]!]!;
    const low = HEX_VALUE[hex[at + 1]!]!;
    if ((high | low) < 0) return undefined;
    seen |= high | low;
    out[i] = ((high & 0xf) << 4) | (low & 0xf);
  }
  if (!onlyZeroDigits(hex, derLength * 2)) return undefined;
  return (seen & MIXED_CASE) === MIXED_CASE ? undefined : out;
}

/** True when bytes[from..] are all "0"; compared four at a time (the padding is tens of KB per signature). */
function onlyZeroDigits(bytes: Uint8Array, from: number): boolean {
  const length = bytes.length;
  const base = bytes.byteOffset;
  let i = from;
  while (i < length && ((base + i) & 3) !== 0) if (bytes[i++] !== 0x30) return false;
  const words = (length - i) >> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, base + i, words);
    for (let w = 0; w < words; w++) if (view[w] !== 0x30303030) return false;
    i += words * 4;
  }
  for (; i < length; i++) if (bytes[i] !== 0x30) return false;
  return true;
}

/** Total length of the DER element whose hex starts `hex` (definite lengths only, as signers write). */
function derLengthFromHex(hex: Uint8Array): number | undefined {
  const byte = (i: number) => {
    const high = HEX_VALUE[hex[2 * i] ?? 0]!;
    const low = HEX_VALUE[hex[2 * i + 1] ?? 0]!;
    return (high | low) < 0 ? -1 : ((high & 0xf) << 4) | (low & 0xf);
  };
  const first = byte(1);
  if (first < 0 || first === 0x80) return undefined;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count > 4) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const next = byte(2 + i);
    if (next < 0) return undefined;
    length = length * 256 + next;
  }
  return 2 + count + length;
}
