import { type ContractMainData, ContractMainDataSchema } from '@hdld/spec';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { canonicalJson } from './canonical-json.js';
import { contractContent } from './contract-content.js';
import { type ContractFonts, embedContractFonts } from './contract-fonts.js';
import { ContractPdfError } from './contract-pdf-error.js';
import { attachMainData } from './main-data-attachment.js';
import { PageFlow, type SignatureField } from './page-flow.js';

export type { SignatureField } from './page-flow.js';

export type BuildContractPdfOptions = {
  /** Unicode TrueType fonts; in Node, `loadContractFonts()` gives the bundled DejaVu Serif. */
  fonts: ContractFonts;
  /**
   * Creation/modification date written in the document info and the attachment. Defaults to the
   * start of `concludedOn` in Vietnam time (UTC+7), so rebuilding never changes the bytes.
   */
  documentDate?: Date;
};

export type ContractPdf = {
  pdf: Uint8Array;
  /** SHA-256 of `pdf`, lowercase hex: what the parties sign and the Platform compares. */
  sha256: string;
  /** Where the empty signature boxes are, for the signing step to place visible widgets. */
  signatureFields: SignatureField[];
};

const PRODUCER = 'hdld contract PDF builder';

/**
 * Main data -> A4 Vietnamese labor contract ("HỢP ĐỒNG LAO ĐỘNG") with the main data attached as
 * `contract-data.json`. Deterministic: the same data and options give byte-identical output, so
 * PDFs can be hashed and compared (nothing depends on the clock or on random numbers).
 */
export async function buildContractPdf(
  mainData: ContractMainData,
  options: BuildContractPdfOptions,
): Promise<ContractPdf> {
  const parsed = ContractMainDataSchema.safeParse(mainData);
  if (!parsed.success) {
    // Never echo the input: it holds the employee's ID number (T17).
    throw new ContractPdfError('MAIN_DATA_INVALID', 'main data does not match the ContractMainData schema', {
      cause: parsed.error,
    });
  }
  const data = parsed.data;
  const json = new TextEncoder().encode(canonicalJson(data));
  const dataDigest = await sha256(json);
  const date = options.documentDate ?? new Date(`${data.concludedOn}T00:00:00+07:00`);

  // updateMetadata: false keeps pdf-lib from stamping its own producer and the current time.
  const doc = await PDFDocument.create({ updateMetadata: false });
  setDocumentInfo(doc, data, date);
  const fonts = await embedContractFonts(doc, options.fonts, dataDigest);
  const content = contractContent(data);
  const flow = new PageFlow(doc, fonts);
  flow.drawBlocks(content.blocks);
  const signatureFields = flow.drawSignatures(content.signatures);
  flow.drawPageNumbers();

  await attachMainData(doc, json, date);
  // A fixed file identifier (ISO 32000-1 14.4) from the data, as both the original and current ID.
  const id = PDFHexString.of(toHex(dataDigest.subarray(0, 16)));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  // A classic cross-reference table (no object streams): simplest for incremental signing updates.
  const pdf = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
  return { pdf, sha256: toHex(await sha256(pdf)), signatureFields };
}

function setDocumentInfo(doc: PDFDocument, data: ContractMainData, date: Date): void {
  doc.setTitle(`Hợp đồng lao động số ${data.contractNumber}`);
  doc.setSubject('Hợp đồng lao động điện tử (Nghị định 337/2025/NĐ-CP)');
  doc.setAuthor(data.employer.name);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('vi-VN');
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
