import { type Finding, item } from '../check-outcome.js';

export const MAX_PAGES = 500;
const latin1 = new TextDecoder('latin1');

/** Counts page objects without parsing the whole file: `/Type /Page` not followed by `s`. */
export function countPages(pdf: Uint8Array): number {
  return latin1.decode(pdf).match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** File checks of T9 ("file structure"): a PDF, with an end, within the page limit. */
export function checkPdfFile(pdf: Uint8Array, name: string): Finding[] {
  const head = latin1.decode(pdf.subarray(0, 1024));
  const tail = latin1.decode(pdf.subarray(Math.max(0, pdf.length - 2048)));
  if (!head.includes('%PDF-') || !tail.includes('%%EOF')) {
    return [item('PDF_MALFORMED', { en: `${name} is not a complete PDF file.`, vi: `${name} không phải là tệp PDF hoàn chỉnh.` })];
  }
  const pages = countPages(pdf);
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
