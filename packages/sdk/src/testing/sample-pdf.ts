import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface SamplePdfOptions {
  pages?: number;
  /** true: cross-reference stream + object streams (pdf-lib default); false: classic xref table. */
  useObjectStreams?: boolean;
  title?: string;
}

/**
 * A small unsigned PDF with a line of text per page, for signing tests. Reproducible: fixed dates and no
 * random /ID, so the same options give the same bytes.
 */
export async function createSamplePdf(options: SamplePdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const title = options.title ?? 'HOP DONG LAO DONG (labor contract) - test document';
  for (let i = 0; i < (options.pages ?? 1); i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${title} - page ${i + 1}`, { x: 50, y: 780, size: 12, font });
  }
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}
