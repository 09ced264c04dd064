import type { RevisionChange } from '../report.js';
import { asciiBytes, isPdfWhitespace, lastIndexOfBytes, latin1Text } from './byte-search.js';
import { priorObjectText } from './object-lookup.js';
import { differsOnlyIn } from './pdf-dictionary.js';

/**
 * What incremental updates after a signature may do (PAdES / ISO 32000-1 12.8.2.2, DocMDP P=2 spirit):
 * add signatures, signature fields and their widgets, update the AcroForm and the DSS/VRI. Anything that
 * changes what a page shows (content streams, resources, new pages) is a modification after signing.
 */
const ALLOWED_TYPES = new Set(['Sig', 'DocTimeStamp', 'XRef', 'DSS', 'VRI']);
const CATALOG_MAY_CHANGE = new Set(['/AcroForm', '/DSS', '/Extensions', '/Perms']);
const PAGE_MAY_CHANGE = new Set(['/Annots']);
const SIZE = asciiBytes('/Size');
const OBJECT_HEADER = /(?:^|[\s>\]])(\d{1,10})\s+(\d{1,5})\s+obj\b/g;

interface UpdatedObject {
  number: number;
  generation: number;
  /** Object text from after "obj" up to "stream" or "endobj". */
  dictionary: string;
  isStream: boolean;
}

/** Byte ranges [start, end) of text to leave out of the scanned tail. */
export type SkippedRanges = readonly (readonly [number, number])[];

/**
 * The objects (re)defined in the bytes after `signedEnd`, classified; empty when only allowed changes were
 * made. `hexDigits` are the digits of later signatures' /Contents, already checked to be nothing but hex
 * digits (pdf/signature-dictionaries.ts): they cannot spell an object, so they are not turned into text
 * (they are most of the tail: tens of KB of placeholder per signature).
 */
export async function changesAfter(
  pdf: Uint8Array,
  signedEnd: number,
  hexDigits: SkippedRanges = [],
): Promise<RevisionChange[]> {
  let tailEnd = pdf.byteLength;
  while (tailEnd > signedEnd && isPdfWhitespace(pdf[tailEnd - 1])) tailEnd--;
  if (tailEnd === signedEnd) return [];
  const tail = textWithout(pdf, signedEnd, tailEnd, hexDigits);
  const objects = readObjects(tail);
  // Appended bytes that are not an incremental update ending in %%EOF: the file was changed after signing.
  if (objects.length === 0 || !tail.endsWith('%%EOF'))
    return [{ objectNumber: 0, kind: 'unparsable-update' }];
  const previousSize = sizeBefore(pdf, signedEnd);
  const changes: RevisionChange[] = [];
  for (const object of objects) {
    const kind = await classify(pdf, signedEnd, object, previousSize);
    if (kind) changes.push({ objectNumber: object.number, kind });
  }
  return changes;
}

function textWithout(pdf: Uint8Array, from: number, to: number, skipped: SkippedRanges): string {
  let text = '';
  let at = from;
  for (const [start, end] of [...skipped].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > to) continue;
    text += latin1Text(pdf.subarray(at, start));
    at = end;
  }
  return text + latin1Text(pdf.subarray(at, to));
}

function readObjects(tail: string): UpdatedObject[] {
  const objects: UpdatedObject[] = [];
  for (const match of tail.matchAll(OBJECT_HEADER)) {
    const bodyStart = match.index + match[0].length;
    const endobj = tail.indexOf('endobj', bodyStart);
    const body = tail.slice(bodyStart, endobj === -1 ? tail.length : endobj);
    const stream = body.search(/\bstream\r?\n/);
    objects.push({
      number: Number(match[1]),
      generation: Number(match[2]),
      dictionary: stream === -1 ? body : body.slice(0, stream),
      isStream: stream !== -1,
    });
  }
  return objects;
}

/** /Size of the last trailer (or xref stream) before the boundary: object numbers below it already existed. */
function sizeBefore(pdf: Uint8Array, boundary: number): number {
  const at = lastIndexOfBytes(pdf, SIZE, boundary);
  const size =
    at === -1 ? Number.NaN : Number(/^\/Size\s+(\d+)/.exec(latin1Text(pdf.subarray(at, at + 24)))?.[1]);
  return Number.isFinite(size) ? size : 0;
}

const nameValue = (dictionary: string, key: string): string | undefined =>
  new RegExp(`/${key}\\s*/([^\\s/<>\\[\\]()]+)`).exec(dictionary)?.[1];

async function classify(
  pdf: Uint8Array,
  boundary: number,
  object: UpdatedObject,
  previousSize: number,
): Promise<RevisionChange['kind'] | undefined> {
  const type = nameValue(object.dictionary, 'Type');
  const isNew = object.number >= previousSize;
  if (type === 'Page' || type === 'Pages') {
    if (isNew) return 'page-added';
    const prior = await priorObjectText(pdf, object.number, boundary);
    const allowed =
      type === 'Page' && prior !== undefined && differsOnlyIn(prior, object.dictionary, PAGE_MAY_CHANGE);
    return allowed ? undefined : 'page-modified';
  }
  if (isNew) return undefined; // new objects only matter if something existing points at them (checked above)
  if (type !== undefined && ALLOWED_TYPES.has(type)) return undefined;
  if (type === 'Annot' || nameValue(object.dictionary, 'FT') === 'Sig') {
    return nameValue(object.dictionary, 'FT') === 'Sig' ||
      nameValue(object.dictionary, 'Subtype') === 'Widget'
      ? undefined
      : 'object-modified';
  }
  if (type === 'Catalog') {
    const prior = await priorObjectText(pdf, object.number, boundary);
    return prior !== undefined && differsOnlyIn(prior, object.dictionary, CATALOG_MAY_CHANGE)
      ? undefined
      : 'catalog-modified';
  }
  if (/\/Fields\s*\[/.test(object.dictionary)) return undefined; // the AcroForm dictionary
  return object.isStream ? 'page-content' : 'object-modified';
}
