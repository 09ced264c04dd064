import { parseSignedData } from '../../src/documents/verify/asn1/signed-data.js';
import { findSignatureDictionaries } from '../../src/documents/verify/pdf/signature-dictionaries.js';

const latin1 = new TextDecoder('latin1');
const encode = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Test-only file surgery used to build attacks on signed PDFs. */
export function flipByte(pdf: Uint8Array, offset: number, mask = 0x01): Uint8Array {
  const copy = pdf.slice();
  copy[offset]! ^= mask;
  return copy;
}

export function append(pdf: Uint8Array, text: string): Uint8Array {
  const out = new Uint8Array(pdf.byteLength + text.length);
  out.set(pdf);
  out.set(encode(text), pdf.byteLength);
  return out;
}

/** Byte offsets of the last signature's ByteRange array and its gap. */
export function lastSignature(pdf: Uint8Array) {
  const dictionaries = findSignatureDictionaries(pdf) ?? [];
  const last = dictionaries[dictionaries.length - 1]!;
  const text = latin1.decode(pdf);
  const arrayStart = text.lastIndexOf('/ByteRange');
  return {
    byteRange: last.byteRange,
    arrayStart,
    arrayEnd: text.indexOf(']', arrayStart) + 1,
    cms: last.contents!,
  };
}

/** Rewrites the last ByteRange array (same length, padded with spaces) to point elsewhere. */
export function rewriteByteRange(pdf: Uint8Array, byteRange: readonly number[]): Uint8Array {
  const { arrayStart, arrayEnd } = lastSignature(pdf);
  const original = arrayEnd - arrayStart;
  const replacement = `/ByteRange [${byteRange.join(' ')}]`.padEnd(original, ' ');
  if (replacement.length !== original) throw new Error('ByteRange rewrite does not fit');
  const copy = pdf.slice();
  copy.set(encode(replacement), arrayStart);
  return copy;
}

/** DER of the signature timestamp token inside a CMS, with its offset. */
export function timestampToken(cms: Uint8Array): { offset: number; der: Uint8Array } {
  const info = parseSignedData(cms).signerInfos[0]!;
  const token = info.unsignedAttributes[0]!.values[0]!;
  return { offset: token.start, der: token.buffer.slice(token.start, token.end) };
}

/** Replaces the last signature's /Contents (hex) with `cms`, which must have the same DER length. */
export function replaceLastCms(pdf: Uint8Array, cms: Uint8Array): Uint8Array {
  const [, gapStart] = lastSignature(pdf).byteRange;
  const hex = Array.from(cms, (b) => b.toString(16).padStart(2, '0')).join('');
  const copy = pdf.slice();
  const existingCase = latin1.decode(pdf.subarray(gapStart + 1, gapStart + 1 + hex.length));
  copy.set(encode(existingCase === existingCase.toUpperCase() ? hex.toUpperCase() : hex), gapStart + 1);
  return copy;
}
