import { concatBytes, fromLatin1 } from '../cms/bytes.js';
import type { PreviousRevision } from './pdf-previous-revision.js';

export interface RevisionObject {
  objectNumber: number;
  generation: number;
  /** The object's body (between "N G obj" and "endobj"). */
  body: Uint8Array;
}

export interface RevisionTrailer {
  /** Serialised trailer entries besides /Size and /Prev, e.g. "/Root 1 0 R /ID [...]". */
  entries: string;
}

/**
 * Appends a revision to a PDF: the changed/new objects, a cross-reference section of the same kind as the
 * previous one (table or stream) listing only them, and a trailer chaining to the previous section (/Prev).
 * Earlier bytes are never touched, so earlier signatures stay valid.
 */
export function appendRevision(
  pdf: Uint8Array,
  previous: PreviousRevision,
  objects: readonly RevisionObject[],
  trailer: RevisionTrailer,
): Uint8Array {
  const parts: Uint8Array[] = [pdf];
  let offset = pdf.byteLength;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.byteLength;
  };
  if (pdf[pdf.byteLength - 1] !== 0x0a) push(fromLatin1('\n'));

  const entries: Array<{ objectNumber: number; generation: number; offset: number }> = [];
  for (const object of objects) {
    entries.push({ objectNumber: object.objectNumber, generation: object.generation, offset });
    push(fromLatin1(`${object.objectNumber} ${object.generation} obj\n`));
    push(object.body);
    push(fromLatin1('\nendobj\n'));
  }
  const maxObject = Math.max(previous.size - 1, ...objects.map((o) => o.objectNumber));
  const xrefOffset = offset;
  if (previous.usesXrefStream) {
    const streamNumber = maxObject + 1;
    entries.push({ objectNumber: streamNumber, generation: 0, offset: xrefOffset });
    push(
      xrefStream(
        entries,
        streamNumber,
        `/Size ${streamNumber + 1} /Prev ${previous.startxref} ${trailer.entries}`,
      ),
    );
  } else {
    push(fromLatin1(xrefTable(entries)));
    push(
      fromLatin1(`trailer\n<< /Size ${maxObject + 1} /Prev ${previous.startxref} ${trailer.entries} >>\n`),
    );
  }
  push(fromLatin1(`startxref\n${xrefOffset}\n%%EOF\n`));
  return concatBytes(parts);
}

type Entry = { objectNumber: number; generation: number; offset: number };

/** Consecutive runs of object numbers: each becomes one xref subsection. */
function subsections(entries: readonly Entry[]): Entry[][] {
  const sorted = [...entries].sort((a, b) => a.objectNumber - b.objectNumber);
  const runs: Entry[][] = [];
  for (const entry of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.objectNumber + 1 === entry.objectNumber) run.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

function xrefTable(entries: readonly Entry[]): string {
  let out = 'xref\n';
  for (const run of subsections(entries)) {
    out += `${run[0]!.objectNumber} ${run.length}\n`;
    for (const e of run)
      out += `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`;
  }
  return out;
}

function xrefStream(entries: readonly Entry[], streamNumber: number, dictEntries: string): Uint8Array {
  const runs = subsections(entries);
  const rows = runs.flat();
  const data = new Uint8Array(rows.length * 7); // W [1 4 2]: type, offset, generation
  rows.forEach((e, i) => {
    const view = new DataView(data.buffer, i * 7, 7);
    view.setUint8(0, 1);
    view.setUint32(1, e.offset);
    view.setUint16(5, e.generation);
  });
  const index = runs.map((r) => `${r[0]!.objectNumber} ${r.length}`).join(' ');
  return concatBytes([
    fromLatin1(
      `${streamNumber} 0 obj\n<< /Type /XRef /W [1 4 2] /Index [${index}] /Length ${data.byteLength} ${dictEntries} >>\nstream\n`,
    ),
    data,
    fromLatin1('\nendstream\nendobj\n'),
  ]);
}
