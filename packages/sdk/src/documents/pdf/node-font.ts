import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ContractFonts } from './contract-fonts.js';

/**
 * Node only (re-exported from `@hdld/sdk/node`): loads DejaVu Serif from the `dejavu-fonts-ttf`
 * package. DejaVu covers all of Vietnamese, keeps its glyph-to-Unicode mapping intact when pdf-lib
 * subsets it (text copied or extracted from the PDF comes back exactly), and its licence (Bitstream
 * Vera, DejaVu changes public domain) allows embedding. A serif face, as contracts are printed.
 */

let cached: Promise<ContractFonts> | undefined;

export function loadContractFonts(): Promise<ContractFonts> {
  cached ??= readDejaVuSerif().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readDejaVuSerif(): Promise<ContractFonts> {
  // import.meta.url is empty in the CommonJS bundle, where __filename exists instead.
  const require = createRequire(import.meta.url || __filename);
  const read = async (file: string) =>
    new Uint8Array(await readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  const [regular, bold] = await Promise.all([read('DejaVuSerif.ttf'), read('DejaVuSerif-Bold.ttf')]);
  return { regular, bold };
}
