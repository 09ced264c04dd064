import {
  AFRelationship,
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';

/**
 * The contract's main data travels inside its own PDF as an associated file (PDF/A-3 style:
 * catalog /AF, /AFRelationship /Data, listed in the /EmbeddedFiles name tree), so one file carries
 * both the human-readable contract and the structured data the Platform ingests (T6, F7).
 */

export const MAIN_DATA_FILE_NAME = 'contract-data.json';

/** Far above any valid main data (a few tens of kB), far below anything that could hurt. */
const MAX_ATTACHMENT_BYTES = 1024 * 1024;
/** Name trees are shallow in practice; the cap guards against cycles in a hostile file. */
const MAX_NAME_TREE_DEPTH = 16;

export async function attachMainData(doc: PDFDocument, json: Uint8Array, date: Date): Promise<void> {
  await doc.attach(json, MAIN_DATA_FILE_NAME, {
    mimeType: 'application/json',
    description: 'Nội dung chính của hợp đồng lao động (ContractMainData, Nghị định 337/2025/NĐ-CP)',
    creationDate: date,
    modificationDate: date,
    afRelationship: AFRelationship.Data,
  });
}

/** The attached file's bytes, or undefined when the PDF has no such attachment. */
export function readMainDataAttachment(doc: PDFDocument): Uint8Array | undefined {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const fileSpec = tree && findInNameTree(tree, MAIN_DATA_FILE_NAME, 0);
  if (!(fileSpec instanceof PDFDict)) return undefined;
  const stream = fileSpec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) return undefined;
  if (stream.contents.length > MAX_ATTACHMENT_BYTES) throw new RangeError('attachment too large');
  const bytes = decodePDFRawStream(stream).decode();
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new RangeError('attachment too large');
  return bytes;
}

/** ISO 32000-1 7.9.6: leaves hold /Names [key value ...], inner nodes /Kids. */
function findInNameTree(node: PDFDict, key: string, depth: number): PDFObject | undefined {
  if (depth > MAX_NAME_TREE_DEPTH) return undefined;
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let index = 0; index + 1 < pairs.size(); index += 2) {
      const name = pairs.lookup(index);
      if ((name instanceof PDFString || name instanceof PDFHexString) && name.decodeText() === key) {
        return pairs.lookup(index + 1);
      }
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; index < (kids?.size() ?? 0); index++) {
    const kid = kids?.lookup(index);
    const found = kid instanceof PDFDict ? findInNameTree(kid, key, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
