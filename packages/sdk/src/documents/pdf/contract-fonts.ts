import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * TrueType fonts for the contract text. Vietnamese needs every precomposed letter (ặ, ỹ, Ợ ...):
 * the PDF standard 14 fonts have none of them, so a Unicode TTF is always embedded. Plain bytes,
 * so the builder runs in browsers too; `loadContractFonts` (node-font.ts) reads the default ones.
 */
export type ContractFonts = {
  regular: Uint8Array;
  bold: Uint8Array;
};

export type EmbeddedFonts = {
  regular: PDFFont;
  bold: PDFFont;
};

/**
 * Embeds both fonts as subsets. The base font names carry the standard subset tag (six capitals
 * and "+", ISO 32000-1 9.6.4) so viewers and `pdffonts` recognise the subsets; pdf-lib's own
 * names would end in a pseudo-random number. The tag is derived from `seed` (the main data
 * digest): same contract, same tag, hence byte-identical output.
 */
export async function embedContractFonts(
  doc: PDFDocument,
  fonts: ContractFonts,
  seed: Uint8Array,
): Promise<EmbeddedFonts> {
  doc.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array, role: number) =>
    doc.embedFont(bytes, { subset: true, customName: `${subsetTag(seed, role)}+${postscriptName(bytes)}` });
  const [regular, bold] = await Promise.all([embed(fonts.regular, 0), embed(fonts.bold, 1)]);
  return { regular, bold };
}

function subsetTag(seed: Uint8Array, role: number): string {
  let tag = '';
  for (let index = 0; index < 6; index++) {
    const byte = seed[(role * 6 + index) % seed.length] ?? 0;
    tag += String.fromCharCode(65 + (byte % 26));
  }
  return tag;
}

const postscriptNames = new WeakMap<Uint8Array, string>();

/** fontkit reads the name table lazily, so this costs little; cached for repeated builds. */
function postscriptName(bytes: Uint8Array): string {
  let name = postscriptNames.get(bytes);
  if (name === undefined) {
    // PDF names allow no spaces or delimiters; a font without a PostScript name gets a neutral one.
    name = (fontkit.create(bytes).postscriptName ?? 'ContractFont').replace(
      /[^\x21-\x7e]|[[\](){}<>/%#]/g,
      '',
    );
    postscriptNames.set(bytes, name);
  }
  return name;
}
