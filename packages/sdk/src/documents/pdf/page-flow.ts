import { grayscale, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Block, Paragraph, SignatureBlock, SignatureParty } from './contract-content.js';
import type { EmbeddedFonts } from './contract-fonts.js';
import { type Line, type Run, wrapRuns } from './text-layout.js';

/**
 * Lays blocks out top to bottom on A4 pages, starting a new page when the next line does not fit.
 * Coordinates are PDF user space: points, origin at the bottom-left corner of the page.
 */

const A4 = { width: 595.28, height: 841.89 } as const;
/** Vietnamese administrative documents use about 2-3 cm left and 1.5-2 cm other margins. */
const MARGIN = { top: 57, bottom: 57, left: 71, right: 57 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FONT_SIZE = { body: 11.5, title: 16, signature: 11, footer: 9 } as const;
const LINE_SPACING = 1.4;
const SIGNATURE_BOX = { width: 190, height: 72, gap: 6 } as const;
/**
 * Shares of the content width for the two signature columns: the employer's heading
 * "ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG" is the long one and should stay on one line.
 */
const SIGNATURE_COLUMNS = [0.44, 0.56] as const;
const COLUMN_PADDING = 4;

export type SignatureField = {
  party: SignatureParty;
  /** Zero-based page index. */
  page: number;
  /** [x, y, width, height]; (x, y) is the lower-left corner, in points. */
  rect: [number, number, number, number];
};

export class PageFlow {
  private readonly pages: PDFPage[] = [];
  private page: PDFPage;
  /** Top of the next line. */
  private cursor = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: EmbeddedFonts,
  ) {
    this.page = this.newPage();
  }

  drawBlocks(blocks: readonly Block[]): void {
    for (const [index, block] of blocks.entries()) {
      if (block.kind === 'rule') {
        this.drawRule(block.width);
        continue;
      }
      const next = blocks[index + 1];
      // A paragraph that opens a section (space above) is never left alone at the foot of a page.
      const keepWithNext = block.spaceBefore !== undefined && next?.kind === 'paragraph' ? 1 : 0;
      this.drawParagraph(block, keepWithNext);
    }
  }

  /** Two columns side by side with an empty box each, kept together on one page. */
  drawSignatures(blocks: readonly [SignatureBlock, SignatureBlock]): SignatureField[] {
    const size = FONT_SIZE.signature;
    const lineHeight = size * LINE_SPACING;
    let left = MARGIN.left;
    const columns = blocks.map((block, index) => {
      const width = CONTENT_WIDTH * SIGNATURE_COLUMNS[index === 0 ? 0 : 1];
      const textWidth = width - 2 * COLUMN_PADDING;
      const column = {
        block,
        left,
        width,
        header: [
          ...this.wrap([{ text: block.heading, bold: true }], textWidth, size),
          ...this.wrap([{ text: block.note }], textWidth, size),
        ],
        footer: this.wrap([{ text: block.signerName, bold: true }], textWidth, size),
      };
      left += width;
      return column;
    });
    const headerLines = Math.max(...columns.map((column) => column.header.length));
    const footerLines = Math.max(...columns.map((column) => column.footer.length));
    const spaceBefore = 20;
    const height =
      spaceBefore + (headerLines + footerLines) * lineHeight + SIGNATURE_BOX.height + 2 * SIGNATURE_BOX.gap;
    this.ensureRoom(height);
    const top = this.cursor - spaceBefore;
    const boxTop = top - headerLines * lineHeight - SIGNATURE_BOX.gap;
    const boxBottom = round(boxTop - SIGNATURE_BOX.height);
    const fields = columns.map(({ block, left, width, header, footer }): SignatureField => {
      this.drawCentredLines(header, left, width, top, size);
      const boxX = round(left + (width - SIGNATURE_BOX.width) / 2);
      // Light dashed frame: shows where the signature goes without looking like part of the text.
      this.page.drawRectangle({
        x: boxX,
        y: boxBottom,
        width: SIGNATURE_BOX.width,
        height: SIGNATURE_BOX.height,
        borderColor: grayscale(0.6),
        borderWidth: 0.5,
        borderDashArray: [3, 2],
      });
      const namesTop = boxBottom - SIGNATURE_BOX.gap;
      this.drawCentredLines(footer, left, width, namesTop, size);
      return {
        party: block.party,
        page: this.pages.length - 1,
        rect: [boxX, boxBottom, SIGNATURE_BOX.width, SIGNATURE_BOX.height],
      };
    });
    this.cursor -= height;
    return fields;
  }

  /** "Trang 1/3" centred in the bottom margin of every page; needs the final page count. */
  drawPageNumbers(): void {
    const font = this.fonts.regular;
    const size = FONT_SIZE.footer;
    this.pages.forEach((page, index) => {
      const label = `Trang ${index + 1}/${this.pages.length}`;
      const width = font.widthOfTextAtSize(label, size);
      page.drawText(label, { x: (A4.width - width) / 2, y: MARGIN.bottom / 2, size, font });
    });
  }

  private drawParagraph(paragraph: Paragraph, keepWithNext: number): void {
    const size = paragraph.size === 'title' ? FONT_SIZE.title : FONT_SIZE.body;
    const lineHeight = size * LINE_SPACING;
    const indent = paragraph.indent ?? 0;
    const lines = this.wrap(paragraph.runs, CONTENT_WIDTH - indent, size);
    const spaceBefore = paragraph.spaceBefore ?? 0;
    // Space above a paragraph is dropped when it opens a new page.
    if (!this.ensureRoom(spaceBefore + lineHeight * (1 + keepWithNext))) this.cursor -= spaceBefore;
    for (const line of lines) {
      this.ensureRoom(lineHeight);
      this.drawLine(
        line,
        MARGIN.left + indent,
        CONTENT_WIDTH - indent,
        this.cursor,
        size,
        paragraph.align ?? 'left',
      );
      this.cursor -= lineHeight;
    }
  }

  private drawRule(width: number): void {
    const y = this.cursor - 3;
    const x = (A4.width - width) / 2;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6 });
    this.cursor -= 8;
  }

  private drawCentredLines(
    lines: readonly Line[],
    left: number,
    width: number,
    top: number,
    size: number,
  ): void {
    for (const [row, line] of lines.entries()) {
      this.drawLine(line, left, width, top - row * size * LINE_SPACING, size, 'center');
    }
  }

  /** `top` is the top of the line box; the baseline sits one font size below it. */
  private drawLine(
    line: Line,
    left: number,
    width: number,
    top: number,
    size: number,
    align: 'left' | 'center',
  ) {
    let x = align === 'center' ? left + (width - line.width) / 2 : left;
    const y = top - size;
    for (const segment of line.segments) {
      const font = this.fontOf(segment);
      this.page.drawText(segment.text, { x, y, size, font });
      x += font.widthOfTextAtSize(segment.text, size);
    }
  }

  private wrap(runs: readonly Run[], width: number, size: number): Line[] {
    return wrapRuns(runs, width, (text, bold) =>
      (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(text, size),
    );
  }

  private fontOf(run: Run): PDFFont {
    return run.bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Starts a new page when `height` does not fit above the bottom margin; true if it did. */
  private ensureRoom(height: number): boolean {
    if (this.cursor - height >= MARGIN.bottom) return false;
    this.page = this.newPage();
    return true;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(page);
    this.cursor = A4.height - MARGIN.top;
    return page;
  }
}

/** Two decimals are plenty for points and keep the reported rectangle exactly the drawn one. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
