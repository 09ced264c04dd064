import { fromLatin1, latin1, toHex } from '../cms/bytes.js';

export interface SignatureDictionaryFields {
  /** Bytes reserved for the DER CMS; /Contents holds twice as many hex digits. */
  placeholderBytes: number;
  /** Written as /M; PAdES forbids the CMS signing-time attribute, so this is where the claimed time goes. */
  signingTime: Date;
  signerName?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
}

/** Room for "0 a b c" with three 10-digit numbers: files up to 9.3 GB. */
const BYTE_RANGE_WIDTH = 40;
const BYTE_RANGE_KEY = '/ByteRange [';

/** A PAdES signature dictionary (ETSI EN 319 142-1 5.3) with placeholders for /ByteRange and /Contents. */
export function signatureDictionary(fields: SignatureDictionaryFields): Uint8Array {
  const optional = (key: string, value: string | undefined) =>
    value ? `/${key} ${pdfTextString(value)}\n` : '';
  return fromLatin1(
    '<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n' +
      `${BYTE_RANGE_KEY}${' '.repeat(BYTE_RANGE_WIDTH)}]\n` +
      `/Contents <${'0'.repeat(fields.placeholderBytes * 2)}>\n` +
      `/M (${pdfDate(fields.signingTime)})\n` +
      optional('Name', fields.signerName) +
      optional('Reason', fields.reason) +
      optional('Location', fields.location) +
      optional('ContactInfo', fields.contactInfo) +
      '>>',
  );
}

export interface SignaturePlaceholder {
  /** Offset of "<" of the /Contents hex string. */
  contentsStart: number;
  /** Offset just after its ">". */
  contentsEnd: number;
  byteRange: [number, number, number, number];
}

/**
 * Finds the placeholder written by `signatureDictionary` in the appended revision (from `searchFrom`) and
 * writes the final /ByteRange in place: everything except exactly the /Contents hex string.
 */
export function fixByteRange(pdf: Uint8Array, searchFrom: number): SignaturePlaceholder {
  const text = latin1(pdf.subarray(searchFrom));
  const rangeAt = text.indexOf(BYTE_RANGE_KEY);
  const contentsAt = text.indexOf('/Contents <', rangeAt);
  if (rangeAt < 0 || contentsAt < 0) throw new Error('Signature placeholder not found');
  const contentsStart = searchFrom + contentsAt + '/Contents '.length;
  const contentsEnd = pdf.indexOf(0x3e /* > */, contentsStart) + 1;
  const byteRange: [number, number, number, number] = [
    0,
    contentsStart,
    contentsEnd,
    pdf.byteLength - contentsEnd,
  ];
  const value = byteRange.join(' ').padEnd(BYTE_RANGE_WIDTH, ' ');
  pdf.set(fromLatin1(value), searchFrom + rangeAt + BYTE_RANGE_KEY.length);
  return { contentsStart, contentsEnd, byteRange };
}

/** Writes the CMS into the reserved /Contents (hex, zero padded); fails if the placeholder is too small. */
export function fillContents(pdf: Uint8Array, placeholder: SignaturePlaceholder, cms: Uint8Array): void {
  const room = (placeholder.contentsEnd - placeholder.contentsStart - 2) / 2;
  if (cms.byteLength > room) {
    throw new Error(
      `Signature is ${cms.byteLength} bytes but only ${room} were reserved; raise placeholderSize (at least ${cms.byteLength})`,
    );
  }
  pdf.set(fromLatin1(toHex(cms)), placeholder.contentsStart + 1);
}

/** PDF date string (ISO 32000-1 7.9.4), always in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2026-03-01T08:30:15.250Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  return `D:${digits}+00'00'`;
}

/** Text string as UTF-16BE hex with BOM, so Vietnamese names survive any PDF reader. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}
