import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { RevisionObject } from './pdf-incremental-writer.js';
import type { PreviousRevision } from './pdf-previous-revision.js';
import { type SignatureWidgetPlacement, signatureAppearance } from './pdf-signature-appearance.js';

export interface SignatureFieldOptions {
  /** Unique field name; default the first free "SignatureN". */
  fieldName?: string;
  /** Page an invisible widget is attached to; default 0. Ignored when `widget` is given. */
  pageIndex?: number;
  /** Makes the signature visible in this box (e.g. a `signatureFields` entry of the contract PDF builder). */
  widget?: SignatureWidgetPlacement;
}

export interface SignatureFieldPlan {
  fieldName: string;
  /** New and changed objects for the incremental update, the signature dictionary first. */
  objects: RevisionObject[];
  /** Trailer entries carried over from the previous revision (/Root, /Info, /ID). */
  trailerEntries: string;
}

const name = (value: string) => PDFName.of(value);

/**
 * Plans the objects of a signing revision: the signature dictionary, an invisible signature widget (merged
 * field + annotation), the page with the widget added to /Annots, and the AcroForm with the field and
 * /SigFlags 3 (signatures exist, append only). Only objects that change are rewritten.
 */
export async function planSignatureField(
  pdf: Uint8Array,
  previous: PreviousRevision,
  signatureDictionary: Uint8Array,
  signingTime: Date,
  options: SignatureFieldOptions = {},
): Promise<SignatureFieldPlan> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  if (doc.isEncrypted) throw new Error('Encrypted PDFs cannot be signed by this signer');
  const { context, catalog } = doc;
  let nextObjectNumber = Math.max(previous.size, context.largestObjectNumber + 1);
  const allocate = () => PDFRef.of(nextObjectNumber++);
  const changed = new Map<PDFRef, PDFObject>();

  const pageIndex = options.widget?.page ?? options.pageIndex ?? 0;
  const page = doc.getPages()[pageIndex];
  if (!page) throw new Error(`PDF has no page ${pageIndex}`);

  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('PDF trailer has no /Root reference');
  const acroFormEntry = catalog.get(name('AcroForm'));
  const acroForm = acroFormEntry instanceof PDFRef ? context.lookup(acroFormEntry, PDFDict) : acroFormEntry;
  const form = acroForm instanceof PDFDict ? acroForm : context.obj({});
  const acroFormRef = acroFormEntry instanceof PDFRef ? acroFormEntry : allocate();
  if (!(acroFormEntry instanceof PDFRef)) {
    catalog.set(name('AcroForm'), acroFormRef);
    changed.set(rootRef, catalog);
  }
  changed.set(acroFormRef, form);
  form.set(name('SigFlags'), PDFNumber.of(3));

  const fields = arrayEntry(form, 'Fields', changed, context.obj([]));
  const fieldName = options.fieldName ?? freeFieldName(fields, context.lookup.bind(context));
  if (fieldNames(fields, context.lookup.bind(context)).includes(fieldName)) {
    throw new Error(`The PDF already has a field named "${fieldName}"`);
  }

  const signatureRef = allocate();
  const widgetRef = allocate();
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    F: 132, // Print + Locked
    Rect: [0, 0, 0, 0],
  });
  if (options.widget) {
    const [x, y, width, height] = options.widget.rect;
    widget.set(name('Rect'), context.obj([x, y, x + width, y + height]));
    const appearanceRef = allocate();
    changed.set(appearanceRef, signatureAppearance(context, options.widget, signingTime));
    widget.set(name('AP'), context.obj({ N: appearanceRef }));
  }
  widget.set(name('T'), PDFHexString.fromText(fieldName));
  widget.set(name('V'), signatureRef);
  widget.set(name('P'), page.ref);
  fields.push(widgetRef);

  const annots = arrayEntry(page.node, 'Annots', changed, context.obj([]));
  if (!(page.node.get(name('Annots')) instanceof PDFRef)) changed.set(page.ref, page.node);
  annots.push(widgetRef);

  const objects: RevisionObject[] = [
    { objectNumber: signatureRef.objectNumber, generation: 0, body: signatureDictionary },
    { objectNumber: widgetRef.objectNumber, generation: 0, body: serialize(widget) },
    ...[...changed].map(([ref, object]) => ({
      objectNumber: ref.objectNumber,
      generation: ref.generationNumber,
      body: serialize(object),
    })),
  ];
  const { Info, ID } = context.trailerInfo;
  const trailerEntries = [`/Root ${rootRef}`, Info ? `/Info ${Info}` : '', ID ? `/ID ${ID}` : '']
    .filter(Boolean)
    .join(' ');
  return { fieldName, objects, trailerEntries };
}

/** The array under `key`, created if missing; records which object must be rewritten to hold the change. */
function arrayEntry(dict: PDFDict, key: string, changed: Map<PDFRef, PDFObject>, empty: PDFArray): PDFArray {
  const entry = dict.get(name(key));
  if (entry instanceof PDFRef) {
    const array = dict.context.lookup(entry, PDFArray);
    changed.set(entry, array);
    return array;
  }
  if (entry instanceof PDFArray) return entry;
  dict.set(name(key), empty);
  return empty;
}

type Lookup = (ref: PDFObject) => PDFObject | undefined;

function fieldNames(fields: PDFArray, lookup: Lookup): string[] {
  return fields.asArray().flatMap((ref) => {
    const field = lookup(ref);
    const title = field instanceof PDFDict ? field.get(name('T')) : undefined;
    return title instanceof PDFString || title instanceof PDFHexString ? [title.decodeText()] : [];
  });
}

function freeFieldName(fields: PDFArray, lookup: Lookup): string {
  const taken = new Set(fieldNames(fields, lookup));
  let n = 1;
  while (taken.has(`Signature${n}`)) n++;
  return `Signature${n}`;
}

function serialize(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}
