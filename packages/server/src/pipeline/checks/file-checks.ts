import { PDFDocument } from 'pdf-lib';
import { type Finding, item } from '../check-outcome.js';

export const MAX_PAGES = 500;
const latin1 = new TextDecoder('latin1');

const OBJECT_OR_PAGE = /(?<!\d)(\d+)\s+\d+\s+obj\b|\/Type\s*\/Page(?![a-zA-Z])/g;

/**
 * Counts page objects with one scan of the bytes: each `/Type /Page` is attributed to the object
 * that contains it, so a page rewritten by an incremental update (a signature widget) counts once.
 * Pages may hide in compressed object streams: files that have any are parsed with pdf-lib instead.
 */
export async function countPages(pdf: Uint8Array): Promise<number> {
  const text = latin1.decode(pdf);
  if (!/\/Type\s*\/ObjStm/.test(text)) {
    const pages = new Set<string>();
    let current = '';
    for (const match of text.matchAll(OBJECT_OR_PAGE)) {
      if (match[1] !== undefined) current = match[1];
      else pages.add(current);
    }
    return pages.size;
  }
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true }).catch(
    () => undefined,
  );
  return doc?.getPageCount() ?? 0;
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
