import { type ContractMainData, ContractMainDataSchema } from '@hdld/spec';
import { PDFDocument } from 'pdf-lib';
import { ContractPdfError } from './contract-pdf-error.js';
import { readEmbeddedFile } from './embedded-file-reader.js';
import { MAIN_DATA_FILE_NAME, readMainDataAttachment } from './main-data-attachment.js';

/**
 * Reads back the main data a contract PDF carries (see buildContractPdf) and validates it against
 * the spec's schema (T9). Works on signed PDFs too: incremental updates append after the first
 * revision and the attachment stays reachable from the catalog.
 */
export async function extractMainData(pdf: Uint8Array): Promise<ContractMainData> {
  return parseMainData(readAttachment(await loadPdf(pdf)));
}

/**
 * Same result as extractMainData, without parsing the whole file: only the objects that lead to the
 * attachment are read (see readEmbeddedFile), about a hundred times less work on a signed 200 KB
 * contract. Files that reader does not handle are parsed with pdf-lib, as extractMainData does.
 */
export async function extractMainDataFast(pdf: Uint8Array): Promise<ContractMainData> {
  const bytes = await readEmbeddedFile(pdf, MAIN_DATA_FILE_NAME);
  return bytes ? parseMainData(bytes) : extractMainData(pdf);
}

function parseMainData(bytes: Uint8Array): ContractMainData {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ContractPdfError('MAIN_DATA_INVALID', `${MAIN_DATA_FILE_NAME} is not UTF-8 JSON`, {
      cause: error,
    });
  }
  const parsed = ContractMainDataSchema.safeParse(json);
  if (!parsed.success) {
    // The issues name paths and rules, never values: the data holds the employee's ID number (T17).
    const paths = parsed.error.issues.map((issue) => `/${issue.path.join('/')}`).join(', ');
    throw new ContractPdfError('MAIN_DATA_INVALID', `${MAIN_DATA_FILE_NAME} breaks the schema at ${paths}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new ContractPdfError('PDF_MALFORMED', 'not a readable PDF', { cause: error });
  }
}

function readAttachment(doc: PDFDocument): Uint8Array {
  let bytes: Uint8Array | undefined;
  try {
    bytes = readMainDataAttachment(doc);
  } catch (error) {
    throw new ContractPdfError('PDF_MALFORMED', `${MAIN_DATA_FILE_NAME} cannot be decoded`, { cause: error });
  }
  if (!bytes)
    throw new ContractPdfError('PDF_MALFORMED', `the PDF carries no ${MAIN_DATA_FILE_NAME} attachment`);
  return bytes;
}
