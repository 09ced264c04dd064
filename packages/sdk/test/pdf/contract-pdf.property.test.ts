import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContractPdf } from '../../src/documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../../src/documents/pdf/contract-fonts.js';
import { extractMainData } from '../../src/documents/pdf/extract-main-data.js';
import { loadContractFonts } from '../../src/documents/pdf/node-font.js';
import { contractMainData } from './main-data-arbitrary.js';

let fonts: ContractFonts;

beforeAll(async () => {
  fonts = await loadContractFonts();
});

describe('contract PDF round trip (property)', () => {
  it('builds any valid main data and extracts it back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(contractMainData, async (mainData) => {
        const { pdf, signatureFields } = await buildContractPdf(mainData, { fonts });
        expect(await extractMainData(pdf)).toEqual(mainData);
        expect(signatureFields).toHaveLength(2);
        // Both boxes share a page: the signature block is never split.
        expect(signatureFields[0]?.page).toBe(signatureFields[1]?.page);
      }),
      { numRuns: 30 },
    );
  });
});
