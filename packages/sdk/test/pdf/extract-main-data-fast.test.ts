import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContractPdf } from '../../src/documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../../src/documents/pdf/contract-fonts.js';
import { readEmbeddedFile } from '../../src/documents/pdf/embedded-file-reader.js';
import { extractMainData, extractMainDataFast } from '../../src/documents/pdf/extract-main-data.js';
import { attachMainData, MAIN_DATA_FILE_NAME } from '../../src/documents/pdf/main-data-attachment.js';
import { loadContractFonts } from '../../src/documents/pdf/node-font.js';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import { signPdf } from '../../src/documents/signing/sign-pdf.js';
import { createTestPki, type TestPki } from '../../src/testing/test-pki.js';
import { appendIncrementalUpdate } from './incremental-update.js';
import { contractMainData } from './main-data-arbitrary.js';

let fonts: ContractFonts;
let pki: TestPki;

beforeAll(async () => {
  fonts = await loadContractFonts();
  pki = await createTestPki();
});

/** What a call gives: the data, or the error code (both functions throw ContractPdfError). */
async function outcome(extract: (pdf: Uint8Array) => Promise<unknown>, pdf: Uint8Array) {
  return extract(pdf).then(
    (data) => ({ data }),
    (error: { code?: string }) => ({ error: error.code }),
  );
}

async function pdfWithAttachment(content: string, useObjectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await attachMainData(doc, new TextEncoder().encode(content), new Date('2026-01-01T00:00:00Z'));
  return doc.save({ useObjectStreams });
}

describe('extractMainDataFast', () => {
  it('agrees with extractMainData on any built contract, signed or updated, without pdf-lib', async () => {
    await fc.assert(
      fc.asyncProperty(contractMainData, fc.integer({ min: 0, max: 2 }), async (mainData, updates) => {
        let { pdf } = await buildContractPdf(mainData, { fonts });
        for (let i = 0; i < updates; i++) pdf = appendIncrementalUpdate(pdf, `update ${i}`);
        // The fast path itself read it (no fallback), and found the same bytes as pdf-lib.
        expect(await readEmbeddedFile(pdf, MAIN_DATA_FILE_NAME)).toBeDefined();
        const fast = await extractMainDataFast(pdf);
        expect(fast).toEqual(await extractMainData(pdf));
        expect(fast).toEqual(mainData);
      }),
      { numRuns: 20 },
    );
  });

  it('reads a contract signed twice (PAdES incremental updates)', async () => {
    const mainData = sampleContractMainData(7);
    const { pdf } = await buildContractPdf(mainData, { fonts });
    const signed = await signPdf(await signPdf(pdf, pki.employer.signer), pki.employee.signer);
    expect(await readEmbeddedFile(signed, MAIN_DATA_FILE_NAME)).toBeDefined();
    expect(await extractMainDataFast(signed)).toEqual(mainData);
  });

  it('falls back to pdf-lib for structures it does not read (object streams)', async () => {
    const mainData = sampleContractMainData(8);
    const pdf = await pdfWithAttachment(JSON.stringify(mainData), true);
    expect(await readEmbeddedFile(pdf, MAIN_DATA_FILE_NAME)).toBeUndefined();
    expect(await extractMainDataFast(pdf)).toEqual(await extractMainData(pdf));
  });

  it('fails as extractMainData fails: not a PDF, no attachment, not JSON, against the schema', async () => {
    const noAttachment = await PDFDocument.create().then(async (doc) => {
      doc.addPage();
      return doc.save({ useObjectStreams: false });
    });
    const broken = { ...sampleContractMainData(9), employee: { sex: 'OTHER' } };
    for (const pdf of [
      new TextEncoder().encode('not a pdf'),
      noAttachment,
      await pdfWithAttachment('{"contractNumber":'),
      await pdfWithAttachment(JSON.stringify(broken)),
    ]) {
      const expected = await outcome(extractMainData, pdf);
      expect(expected).toHaveProperty('error');
      expect(await outcome(extractMainDataFast, pdf)).toEqual(expected);
    }
  });

  it('never reads other main data than extractMainData from a damaged contract (property: byte flips)', async () => {
    const { pdf } = await buildContractPdf(sampleContractMainData(10), { fonts });
    // pdf-lib reports every damaged object it skips on the console.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: pdf.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (flips) => {
          const damaged = pdf.slice();
          for (const [at, byte] of flips) damaged[at] = byte;
          const fast = await outcome(extractMainDataFast, damaged);
          const full = await outcome(extractMainData, damaged);
          // Where both read main data it is the same. (pdf-lib refuses some damage the fast reader never
          // looks at, a broken trailer /ID for one; the fast reader falls back to pdf-lib for the rest.)
          if ('data' in fast && 'data' in full) expect(fast.data).toEqual(full.data);
        },
      ),
      { numRuns: 300 },
    );
    vi.restoreAllMocks();
  });
});
