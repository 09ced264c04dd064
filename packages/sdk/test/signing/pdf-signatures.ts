import * as asn1js from 'asn1js';
import { concatBytes, fromHex, latin1 } from '../../src/documents/cms/bytes.js';

export interface EmbeddedSignature {
  byteRange: number[];
  /** /Contents decoded, without the zero padding. */
  cms: Uint8Array;
  /** Number of /Contents bytes reserved. */
  reserved: number;
  /** The bytes the ByteRange covers. */
  signedBytes: Uint8Array;
}

/** Independent, regex-based extraction of every signature's ByteRange and /Contents (test oracle). */
export function embeddedSignatures(pdf: Uint8Array): EmbeddedSignature[] {
  const text = latin1(pdf);
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => {
    const byteRange = m.slice(1, 5).map(Number);
    const [a, b, c, d] = byteRange as [number, number, number, number];
    const padded = fromHex(text.slice(b + 1, c - 1));
    return {
      byteRange,
      cms: padded.subarray(0, asn1js.fromBER(padded).offset),
      reserved: padded.byteLength,
      signedBytes: concatBytes([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
    };
  });
}
