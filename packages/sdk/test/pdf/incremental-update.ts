/**
 * Appends an incremental update (ISO 32000-1 7.5.6) that replaces the document information
 * dictionary, the way a signing tool appends its signature revision: the first revision's bytes
 * stay untouched and a new xref section points back to the previous one with /Prev.
 */
export function appendIncrementalUpdate(pdf: Uint8Array, producer: string): Uint8Array {
  const original = new TextDecoder('latin1').decode(pdf);
  const size = Number(lastMatch(original, /\/Size (\d+)/g));
  const root = lastMatch(original, /\/Root (\d+ \d+ R)/g);
  const id = lastMatch(original, /\/ID (\[[^\]]*\])/g);
  const previousXref = lastMatch(original, /startxref\s+(\d+)/g);
  const objectOffset = pdf.length + 1;
  const object = `\n${size} 0 obj\n<< /Producer (${producer}) >>\nendobj\n`;
  const xrefOffset = pdf.length + object.length;
  const update =
    `${object}xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /ID ${id} /Prev ${previousXref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const bytes = new Uint8Array(pdf.length + update.length);
  bytes.set(pdf);
  bytes.set(new TextEncoder().encode(update), pdf.length);
  return bytes;
}

function lastMatch(text: string, pattern: RegExp): string {
  const match = [...text.matchAll(pattern)].at(-1)?.[1];
  if (match === undefined) throw new Error(`no ${pattern} in the PDF`);
  return match;
}
