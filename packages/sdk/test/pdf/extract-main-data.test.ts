import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContractPdf } from '../../src/documents/pdf/build-contract-pdf.js';
import type { ContractFonts } from '../../src/documents/pdf/contract-fonts.js';
import { ContractPdfError } from '../../src/documents/pdf/contract-pdf-error.js';
import { extractMainData } from '../../src/documents/pdf/extract-main-data.js';
import { attachMainData } from '../../src/documents/pdf/main-data-attachment.js';
import { loadContractFonts } from '../../src/documents/pdf/node-font.js';
import { sampleContractMainData } from '../../src/documents/pdf/sample-data.js';
import { appendIncrementalUpdate } from './incremental-update.js';
import { pdfInfo, qpdfCheck } from './pdf-tools.js';

let fonts: ContractFonts;

beforeAll(async () => {
  fonts = await loadContractFonts();
});

async function pdfWithAttachment(content: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await attachMainData(doc, new TextEncoder().encode(content), new Date('2026-01-01T00:00:00Z'));
  return doc.save();
}

async function extractionError(pdf: Uint8Array): Promise<ContractPdfError> {
  const error = await extractMainData(pdf).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ContractPdfError);
  return error as ContractPdfError;
}

describe('extractMainData', () => {
  it('gives back exactly the main data the PDF was built from', async () => {
    const mainData = sampleContractMainData(42);
    const { pdf } = await buildContractPdf(mainData, { fonts });
    expect(await extractMainData(pdf)).toEqual(mainData);
  });

  it('still reads it after an incremental update, as signing appends one', async () => {
    const mainData = sampleContractMainData(43);
    const { pdf } = await buildContractPdf(mainData, { fonts });
    const updated = appendIncrementalUpdate(pdf, 'signed by a test');
    // The update is real: other readers see the new revision and the file stays valid.
    expect(pdfInfo(updated)).toContain('Producer:        signed by a test');
    expect(qpdfCheck(updated)).toContain('No syntax or stream encoding errors found');
    expect(updated.subarray(0, pdf.length)).toEqual(pdf);
    expect(await extractMainData(updated)).toEqual(mainData);
  });

  it('says PDF_MALFORMED for bytes that are not a PDF', async () => {
    expect((await extractionError(new TextEncoder().encode('not a pdf'))).code).toBe('PDF_MALFORMED');
  });

  it('says PDF_MALFORMED for a PDF without the attachment', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect((await extractionError(await doc.save())).code).toBe('PDF_MALFORMED');
  });

  it('says MAIN_DATA_INVALID when the attachment is not JSON', async () => {
    expect((await extractionError(await pdfWithAttachment('{"contractNumber":'))).code).toBe(
      'MAIN_DATA_INVALID',
    );
  });

  it('says MAIN_DATA_INVALID when the JSON breaks the schema, naming the path but not the ID number', async () => {
    const mainData = sampleContractMainData(44);
    const broken = { ...mainData, employee: { ...mainData.employee, sex: 'OTHER' } };
    const error = await extractionError(await pdfWithAttachment(JSON.stringify(broken)));
    expect(error.code).toBe('MAIN_DATA_INVALID');
    expect(error.message).toContain('/employee/sex');
    expect(error.message).not.toContain(mainData.employee.identity.number);
  });
});
