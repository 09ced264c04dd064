import { inflateAtMost } from './bounded-inflate.js';
import { asciiBytes, indexOfBytes, isPdfWhitespace, lastIndexOfBytes, latin1Text } from './byte-search.js';

const STREAM = asciiBytes('stream');
const OBJ = asciiBytes('obj');
const MAX_DICTIONARY_BYTES = 4096;
const ENDSTREAM = asciiBytes('endstream');
const ENDOBJ = asciiBytes('endobj');
const OBJ_STM = /\/Type\s*\/ObjStm\b/;
/**
 * Inflated object streams one file may expand to in total: contract PDFs hold a few kB of them; a hostile
 * file of compressed zeros would otherwise expand to gigabytes.
 */
export const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;

/** The text of the latest definition of object `number` that starts before `before` (uncompressed, or in an object stream). */
export async function priorObjectText(
  pdf: Uint8Array,
  number: number,
  before: number,
): Promise<string | undefined> {
  for (const generation of [0, 1, 2]) {
    const header = asciiBytes(`${number} ${generation} obj`);
    for (let at = lastIndexOfBytes(pdf, header, before); at !== -1; at = lastIndexOfBytes(pdf, header, at)) {
      if (at === 0 || isPdfWhitespace(pdf[at - 1])) {
        const end = indexOfBytes(pdf, ENDOBJ, at);
        return latin1Text(pdf.subarray(at + header.byteLength, end === -1 ? before : Math.min(end, before)));
      }
    }
  }
  return (await compressedObjects(pdf, before)).get(number);
}

const objectStreamCache = new WeakMap<Uint8Array, Map<number, Promise<Map<number, string>>>>();

/** Objects stored in the object streams before `before` (later streams win), inflated once per file and boundary. */
function compressedObjects(pdf: Uint8Array, before: number): Promise<Map<number, string>> {
  let perBoundary = objectStreamCache.get(pdf);
  if (!perBoundary) {
    perBoundary = new Map();
    objectStreamCache.set(pdf, perBoundary);
  }
  let objects = perBoundary.get(before);
  if (!objects) {
    objects = readObjectStreams(pdf, before);
    perBoundary.set(before, objects);
  }
  return objects;
}

async function readObjectStreams(pdf: Uint8Array, before: number): Promise<Map<number, string>> {
  const objects = new Map<number, string>();
  let budget = MAX_OBJECT_STREAM_BYTES;
  for (
    let at = indexOfBytes(pdf, STREAM, 0, before);
    at !== -1;
    at = indexOfBytes(pdf, STREAM, at + 1, before)
  ) {
    if (pdf[at - 3] === 0x65 && pdf[at - 2] === 0x6e && pdf[at - 1] === 0x64) continue; // "endstream"
    // An object stream's dictionary is a line or two: looking further back for "obj" before every
    // "stream" would make a file full of the word quadratic to scan.
    const dictionaryStart = lastIndexOfBytes(pdf, OBJ, at, Math.max(0, at - MAX_DICTIONARY_BYTES));
    if (dictionaryStart === -1) continue;
    const dictionary = latin1Text(pdf.subarray(dictionaryStart, at));
    if (!OBJ_STM.test(dictionary)) continue;
    const first = Number(/\/First\s+(\d+)/.exec(dictionary)?.[1]);
    const count = Number(/\/N\s+(\d+)/.exec(dictionary)?.[1]);
    const dataStart = at + STREAM.byteLength + (pdf[at + STREAM.byteLength] === 0x0d ? 2 : 1);
    const dataEnd = indexOfBytes(pdf, ENDSTREAM, dataStart, before);
    if (!Number.isFinite(first) || !Number.isFinite(count) || dataEnd === -1) continue;
    const data = /\/FlateDecode/.test(dictionary)
      ? await inflateAtMost(pdf.subarray(dataStart, dataEnd), budget)
      : pdf.subarray(dataStart, dataEnd);
    if (!data) continue;
    budget -= data.byteLength;
    const text = latin1Text(data);
    const pairs = text.slice(0, first).trim().split(/\s+/).map(Number);
    // /N is the attacker's number; the pairs actually present bound the loop.
    for (let i = 0, n = Math.min(count, Math.floor(pairs.length / 2)); i < n; i++) {
      const offset = pairs[2 * i + 1]!;
      const next = i + 1 < n ? pairs[2 * i + 3]! : text.length - first;
      objects.set(pairs[2 * i]!, text.slice(first + offset, first + next));
    }
  }
  return objects;
}
