import type { PDFContext, PDFRawStream } from 'pdf-lib';

/** Where a visible signature goes: same shape as the contract PDF builder's `SignatureField`. */
export interface SignatureWidgetPlacement {
  /** Zero-based page index. */
  page: number;
  /** [x, y, width, height] in points; (x, y) is the lower-left corner. */
  rect: [number, number, number, number];
}

/**
 * Normal appearance (/AP /N) of a visible signature: a frame and "Digitally signed / Da ky so" with the UTC
 * time. Standard Helvetica covers only ASCII, so names are left to the page text the builder drew.
 */
export function signatureAppearance(
  context: PDFContext,
  placement: SignatureWidgetPlacement,
  signingTime: Date,
): PDFRawStream {
  const [, , width, height] = placement.rect;
  const stamp = signingTime.toISOString().slice(0, 16).replace('T', ' ');
  const size = Math.max(4, Math.min(8, height / 4));
  const content = [
    'q 0.11 0.33 0.62 RG 0.11 0.33 0.62 rg 0.8 w',
    `0.4 0.4 ${fmt(width - 0.8)} ${fmt(height - 0.8)} re S`,
    `BT /Helv ${fmt(size)} Tf 4 ${fmt(height - size - 3)} Td (Digitally signed / Da ky so) Tj`,
    `0 ${fmt(-size - 2)} Td (${stamp} UTC) Tj ET Q`,
  ].join('\n');
  return context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: {
      Font: { Helv: { Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' } },
    },
  });
}

function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}
