import { Buffer } from 'node:buffer';
import { PDFDocument } from 'pdf-lib';
import { type Finding, item } from './finding.js';

// Moved from packages/server/src/pipeline/checks/file-checks.ts so the Platform and validateLocally
// (`hdld validate`) apply one copy of the file limits (issue 14, T9).

/** Pages a document may have. */
export const MAX_PAGES = 500;
/** Decoded size limits (spec: Base64Document, CertificationEvidenceFile). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 1024 * 1024;

/** A file larger than the Platform accepts (T9): refused at intake with FILE_TOO_LARGE. */
export function checkFileSize(size: number, maxBytes: number, name: string, pointer?: string): Finding[] {
  if (size <= maxBytes) return [];
  return [
    item(
      'FILE_TOO_LARGE',
      {
        en: `${name} is larger than ${maxBytes} bytes (${size}).`,
        vi: `${name} vượt quá ${maxBytes} byte (${size}).`,
      },
      pointer,
    ),
  ];
}
const latin1 = new TextDecoder('latin1');

/** `\s` of a regular expression over latin1 text: tab, LF, VT, FF, CR, space, no-break space. */
const isSpace = (c: number | undefined) =>
  c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d) || c === 0xa0;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const isLetter = (c: number | undefined) => c !== undefined && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isWordChar = (c: number | undefined) => isLetter(c) || isDigit(c) || c === 0x5f;

/** Every match of `/Type\s*<name>`: where the name starts (the byte after it is not checked). */
function* typeEntries(pdf: Buffer, name: string): Generator<number> {
  for (let at = pdf.indexOf(name); at !== -1; at = pdf.indexOf(name, at + 1)) {
    let start = at;
    while (isSpace(pdf[start - 1])) start--;
    if (start >= 5 && pdf.toString('latin1', start - 5, start) === '/Type') yield at;
  }
}

/** The number of the object whose header `N G obj` ends just before `at` (where "obj" starts), if any. */
function objectNumberBefore(pdf: Buffer, at: number): string | undefined {
  let i = at;
  if (!isSpace(pdf[i - 1])) return undefined;
  while (isSpace(pdf[i - 1])) i--;
  if (!isDigit(pdf[i - 1])) return undefined;
  while (isDigit(pdf[i - 1])) i--;
  if (!isSpace(pdf[i - 1])) return undefined;
  while (isSpace(pdf[i - 1])) i--;
  const end = i;
  while (isDigit(pdf[i - 1])) i--;
  return i < end ? pdf.toString('latin1', i, end) : undefined;
}

/**
 * Counts page objects: each `/Type /Page` is attributed to the object that contains it (the last
 * `N G obj` header before it), so a page rewritten by an incremental update (a signature widget)
 * counts once. Byte searches, no text copy of the file: the same answer as the regular expression
 * `(?<!\d)(\d+)\s+\d+\s+obj\b|\/Type\s*\/Page(?![a-zA-Z])` over its latin1 text, at a tenth of the
 * cost. Pages may hide in compressed object streams: files that have any are parsed with pdf-lib.
 */
export async function countPages(pdf: Uint8Array): Promise<number> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (!typeEntries(bytes, '/ObjStm').next().done) {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true }).catch(
      () => undefined,
    );
    return doc?.getPageCount() ?? 0;
  }
  const headers: { at: number; number: string }[] = [];
  for (let at = bytes.indexOf('obj'); at !== -1; at = bytes.indexOf('obj', at + 3)) {
    const number = isWordChar(bytes[at + 3]) ? undefined : objectNumberBefore(bytes, at);
    if (number !== undefined) headers.push({ at, number });
  }
  const pages = new Set<string>();
  let header = -1;
  for (const at of typeEntries(bytes, '/Page')) {
    if (isLetter(bytes[at + 5])) continue;
    while (header + 1 < headers.length && headers[header + 1]!.at < at) header++;
    pages.add(header === -1 ? '' : headers[header]!.number);
  }
  return pages.size;
}

/** File checks of T9 ("file structure"): a PDF, with an end, within the page limit. */
export async function checkPdfFile(pdf: Uint8Array, name: string): Promise<Finding[]> {
  const head = latin1.decode(pdf.subarray(0, 1024));
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  if (!head.includes('%PDF-') || !tail.includes('%%EOF')) {
    return [
      item('PDF_MALFORMED', {
        en: `${name} is not a complete PDF file.`,
        vi: `${name} không phải là tệp PDF hoàn chỉnh.`,
      }),
    ];
  }
  const pages = await countPages(pdf);
  if (pages === 0) {
    return [item('PDF_MALFORMED', { en: `${name} has no pages.`, vi: `${name} không có trang nào.` })];
  }
  if (pages > MAX_PAGES) {
    return [
      item('PDF_TOO_MANY_PAGES', {
        en: `${name} has ${pages} pages; at most ${MAX_PAGES} are accepted.`,
        vi: `${name} có ${pages} trang; tối đa ${MAX_PAGES} trang.`,
      }),
    ];
  }
  return [];
}
