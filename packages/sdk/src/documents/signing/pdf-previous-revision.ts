import { latin1 } from '../cms/bytes.js';

/** What an incremental update needs to know about the revision it appends to (ISO 32000-1 7.5.6). */
export interface PreviousRevision {
  /** Offset of the last cross-reference section (the /Prev of the new one). */
  startxref: number;
  /** /Size of the last trailer (or cross-reference stream). */
  size: number;
  /** True when the last section is a cross-reference stream: the update then writes one too. */
  usesXrefStream: boolean;
}

export function readPreviousRevision(pdf: Uint8Array): PreviousRevision {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.byteLength - 2048)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new Error('PDF has no startxref at its end; it cannot be updated incrementally');
  const startxref = Number(match[1]);
  if (startxref >= pdf.byteLength) throw new Error('PDF startxref points past the end of the file');
  const section = latin1(pdf.subarray(startxref));
  const usesXrefStream = !section.startsWith('xref');
  // The first /Size after startxref belongs to that section's trailer or xref-stream dictionary.
  const size = /\/Size\s+(\d+)/.exec(section);
  if (!size) throw new Error('PDF cross-reference section has no /Size');
  return { startxref, size: Number(size[1]), usesXrefStream };
}
