import { inflateAtMost } from '../verify/pdf/bounded-inflate.js';
import { asciiBytes, indexOfBytes, isPdfWhitespace, lastIndexOfBytes } from '../verify/pdf/byte-search.js';

/**
 * A targeted reader for one embedded file of a PDF (ISO 32000-1 7.11.4): through the cross-reference
 * tables (newest revision first, so a signed, incrementally updated file reads as its last revision),
 * it follows /Root to the /EmbeddedFiles name tree, then the file specification to its stream, and
 * inflates that stream: a handful of objects instead of the whole file.
 *
 * It reads the plain structure hdld writes (buildContractPdf, signPdf); anything else (xref or
 * object streams, indirect stream lengths, filters other than FlateDecode, broken syntax) gives
 * `undefined`, and the caller then parses the whole file with pdf-lib.
 */

/** Far above any valid main data (a few tens of kB), far below anything that could hurt. */
export const MAX_EMBEDDED_FILE_BYTES = 1024 * 1024;
/** Name trees are shallow in practice; the cap guards against cycles in a hostile file. */
const MAX_NAME_TREE_DEPTH = 16;

class Name {
  constructor(readonly value: string) {}
}
class Ref {
  constructor(
    readonly number: number,
    readonly generation: number,
  ) {}
}
class Str {
  constructor(readonly bytes: Uint8Array) {}
}
type Dict = Map<string, Value>;
type Value = number | boolean | null | Name | Ref | Str | Value[] | Dict;

/** Raised inside the reader for anything it does not handle; turned into `undefined` at the top. */
class Unreadable extends Error {}

const HEADER = asciiBytes('%PDF-');
const STARTXREF = asciiBytes('startxref');
/** \n \r \t \b \f; any other escaped character stands for itself. */
const ESCAPES: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
const ENDSTREAM = asciiBytes('endstream');

const isDelimiter = (c: number) =>
  c === 0x28 ||
  c === 0x29 ||
  c === 0x3c ||
  c === 0x3e ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0x2f ||
  c === 0x25;
const hexDigit = (c: number) =>
  c >= 0x30 && c <= 0x39
    ? c - 0x30
    : c >= 0x61 && c <= 0x66
      ? c - 0x57
      : c >= 0x41 && c <= 0x46
        ? c - 0x37
        : -1;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const KEYWORDS: [string, Value][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const isRegular = (c: number | undefined) => c !== undefined && !isPdfWhitespace(c) && !isDelimiter(c);

/** A minimal PDF object parser (ISO 32000-1 7.3) over the file's bytes, from a given offset. */
class Parser {
  constructor(
    readonly pdf: Uint8Array,
    public at: number,
  ) {}

  skipSpace(): void {
    const { pdf } = this;
    for (;;) {
      const c = pdf[this.at];
      if (c === undefined) return;
      if (isPdfWhitespace(c)) this.at++;
      else if (c === 0x25) {
        while (this.at < pdf.length && pdf[this.at] !== 0x0a && pdf[this.at] !== 0x0d) this.at++;
      } else return;
    }
  }

  /** True when the next token is exactly `word` (it is not consumed). */
  atKeyword(word: string): boolean {
    const { pdf, at } = this;
    for (let i = 0; i < word.length; i++) if (pdf[at + i] !== word.charCodeAt(i)) return false;
    return !isRegular(pdf[at + word.length]);
  }

  /** A non-negative integer token, consumed; undefined (nothing consumed) when the next token is not one. */
  integer(): number | undefined {
    const { pdf } = this;
    let end = this.at;
    let value = 0;
    while (isDigit(pdf[end]!)) value = value * 10 + pdf[end++]! - 0x30;
    if (end === this.at || end - this.at > 15 || isRegular(pdf[end])) return undefined;
    this.at = end;
    return value;
  }

  value(depth = 0): Value {
    if (depth > 32) throw new Unreadable('nesting');
    this.skipSpace();
    const c = this.pdf[this.at];
    if (c === undefined) throw new Unreadable('end of file');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c) return this.pdf[this.at + 1] === 0x3c ? this.dict(depth) : this.hexString();
    if (c === 0x5b) {
      this.at++;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pdf[this.at] === 0x5d) {
          this.at++;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    for (const [word, value] of KEYWORDS) {
      if (this.atKeyword(word)) {
        this.at += word.length;
        return value;
      }
    }
    const integer = this.integer();
    if (integer === undefined) return this.real();
    // "N G R" is a reference: look ahead, consuming only when both tokens follow.
    const back = this.at;
    this.skipSpace();
    const generation = this.integer();
    if (generation !== undefined) {
      this.skipSpace();
      if (this.atKeyword('R')) {
        this.at++;
        return new Ref(integer, generation);
      }
    }
    this.at = back;
    return integer;
  }

  /** Signed or fractional numbers (rare in the objects this reader visits). */
  real(): number {
    let end = this.at;
    while (isRegular(this.pdf[end])) end++;
    const token = String.fromCharCode(...this.pdf.subarray(this.at, end));
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(token)) throw new Unreadable('unexpected token');
    this.at = end;
    return Number(token);
  }

  name(): Name {
    let end = this.at + 1;
    while (isRegular(this.pdf[end])) end++;
    const raw = String.fromCharCode(...this.pdf.subarray(this.at + 1, end));
    this.at = end;
    return new Name(
      raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  }

  dict(depth: number): Dict {
    this.at += 2;
    const entries: Dict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pdf[this.at] === 0x3e && this.pdf[this.at + 1] === 0x3e) {
        this.at += 2;
        return entries;
      }
      const key = this.value(depth + 1);
      if (!(key instanceof Name)) throw new Unreadable('dictionary key');
      entries.set(key.value, this.value(depth + 1));
    }
  }

  hexString(): Str {
    const { pdf } = this;
    const out: number[] = [];
    let high = -1;
    for (let i = this.at + 1; i < pdf.length; i++) {
      const c = pdf[i]!;
      if (c === 0x3e) {
        if (high >= 0) out.push(high << 4);
        this.at = i + 1;
        return new Str(Uint8Array.from(out));
      }
      if (isPdfWhitespace(c)) continue;
      const digit = hexDigit(c);
      if (digit === -1) throw new Unreadable('hex string');
      if (high < 0) high = digit;
      else {
        out.push((high << 4) | digit);
        high = -1;
      }
    }
    throw new Unreadable('hex string');
  }

  /** ISO 32000-1 7.3.4.2: balanced parentheses, backslash escapes, octal codes, line continuations. */
  literalString(): Str {
    const { pdf } = this;
    const out: number[] = [];
    let depth = 0;
    for (let i = this.at; i < pdf.length; i++) {
      const c = pdf[i]!;
      if (c === 0x5c) {
        const next = pdf[++i];
        if (next === undefined) break;
        const escaped = ESCAPES[next];
        if (escaped !== undefined) out.push(escaped);
        else if (next >= 0x30 && next <= 0x37) {
          let code = next - 0x30;
          for (let n = 0; n < 2 && pdf[i + 1]! >= 0x30 && pdf[i + 1]! <= 0x37; n++)
            code = code * 8 + pdf[++i]! - 0x30;
          out.push(code & 0xff);
        } else if (next === 0x0d) {
          if (pdf[i + 1] === 0x0a) i++;
        } else if (next !== 0x0a) out.push(next);
        continue;
      }
      if (c === 0x28) {
        if (depth++ === 0) continue;
      } else if (c === 0x29 && --depth === 0) {
        this.at = i + 1;
        return new Str(Uint8Array.from(out));
      }
      out.push(c);
    }
    throw new Unreadable('literal string');
  }
}

/** The cross-reference table (ISO 32000-1 7.5.4): the newest entry of each object, and the catalog. */
type Document = {
  pdf: Uint8Array;
  offsets: Map<number, { offset: number; generation: number } | null>;
  root: Ref;
};

/** Follows startxref and the /Prev chain of classic xref tables; xref streams are left to pdf-lib. */
function readDocument(pdf: Uint8Array): Document {
  const at = lastIndexOfBytes(pdf, STARTXREF, pdf.length);
  if (at === -1) throw new Unreadable('startxref');
  let section: Value | undefined = new Parser(pdf, at + STARTXREF.length).value();
  const offsets: Document['offsets'] = new Map();
  const seen = new Set<number>();
  let root: Value | undefined;
  while (section !== undefined) {
    if (typeof section !== 'number' || seen.has(section) || seen.size > 64)
      throw new Unreadable('xref chain');
    seen.add(section);
    const parser: Parser = new Parser(pdf, section);
    parser.skipSpace();
    if (!parser.atKeyword('xref')) throw new Unreadable('not an xref table');
    parser.at += 'xref'.length;
    for (;;) {
      parser.skipSpace();
      if (parser.atKeyword('trailer')) break;
      const first = parser.integer();
      parser.skipSpace();
      const count = parser.integer();
      if (first === undefined || count === undefined || count > 1_000_000)
        throw new Unreadable('xref subsection');
      for (let i = 0; i < count; i++) {
        parser.skipSpace();
        const offset = parser.integer();
        parser.skipSpace();
        const generation = parser.integer();
        parser.skipSpace();
        const used = parser.atKeyword('n');
        if (offset === undefined || generation === undefined || (!used && !parser.atKeyword('f')))
          throw new Unreadable('xref entry');
        parser.at++;
        // Sections are read newest first: an object keeps its newest entry.
        if (!offsets.has(first + i)) offsets.set(first + i, used ? { offset, generation } : null);
      }
    }
    parser.at += 'trailer'.length;
    const trailer: Value = parser.value();
    if (!(trailer instanceof Map) || trailer.has('XRefStm')) throw new Unreadable('trailer');
    root ??= trailer.get('Root');
    section = trailer.get('Prev');
  }
  if (!(root instanceof Ref)) throw new Unreadable('/Root');
  return { pdf, offsets, root };
}

/** Offset just after the header `N G obj` the xref table points at. */
function objectStart(doc: Document, ref: Ref): number {
  const entry = doc.offsets.get(ref.number);
  if (!entry || entry.generation !== ref.generation) throw new Unreadable(`object ${ref.number}`);
  const parser = new Parser(doc.pdf, entry.offset);
  parser.skipSpace();
  const number = parser.integer();
  parser.skipSpace();
  const generation = parser.integer();
  parser.skipSpace();
  if (number !== ref.number || generation !== ref.generation || !parser.atKeyword('obj'))
    throw new Unreadable('object header');
  return parser.at + 'obj'.length;
}

function resolve(doc: Document, value: Value | undefined, seen = 0): Value | undefined {
  if (!(value instanceof Ref)) return value;
  if (seen > 8) throw new Unreadable('reference chain');
  return resolve(doc, new Parser(doc.pdf, objectStart(doc, value)).value(), seen + 1);
}

function dictAt(doc: Document, value: Value | undefined): Dict | undefined {
  const resolved = resolve(doc, value);
  return resolved instanceof Map ? resolved : undefined;
}

/** PDF text strings (7.9.2.2): UTF-16BE with a byte order mark, else PDFDocEncoding. */
function textOf(str: Str): string {
  const { bytes } = str;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  // Only printable ASCII decodes to itself in PDFDocEncoding; anything else can never equal an ASCII key.
  return bytes.every((b) => b >= 0x20 && b < 0x7f) ? String.fromCharCode(...bytes) : '\u{fffd}';
}

function findInNameTree(doc: Document, node: Dict, key: string, depth: number): Value | undefined {
  if (depth > MAX_NAME_TREE_DEPTH) return undefined;
  const pairs = resolve(doc, node.get('Names'));
  if (Array.isArray(pairs)) {
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const name = resolve(doc, pairs[i]);
      if (name instanceof Str && textOf(name) === key) return pairs[i + 1];
    }
  }
  const kids = resolve(doc, node.get('Kids'));
  for (const kid of Array.isArray(kids) ? kids : []) {
    const child = dictAt(doc, kid);
    const found = child && findInNameTree(doc, child, key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The raw bytes of a stream object: direct /Length, followed by `endstream`, as pdf-lib reads it. */
function streamData(doc: Document, ref: Ref): { dict: Dict; data: Uint8Array } {
  const { pdf } = doc;
  const parser = new Parser(pdf, objectStart(doc, ref));
  const dict = parser.value();
  if (!(dict instanceof Map)) throw new Unreadable('stream dictionary');
  parser.skipSpace();
  if (!parser.atKeyword('stream')) throw new Unreadable('stream keyword');
  let start = parser.at + 'stream'.length;
  if (pdf[start] === 0x0d) start++;
  if (pdf[start] === 0x0a) start++;
  const length = dict.get('Length');
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) throw new Unreadable('/Length');
  if (length > MAX_EMBEDDED_FILE_BYTES) throw new Unreadable('too large');
  const end = start + length;
  const after = new Parser(pdf, end);
  after.skipSpace();
  if (indexOfBytes(pdf, ENDSTREAM, after.at, after.at + ENDSTREAM.length) !== after.at)
    throw new Unreadable('endstream');
  return { dict, data: pdf.subarray(start, end) };
}

/** True for FlateDecode, false for no filter, undefined for anything else (left to pdf-lib). */
function isFlate(filter: Value | undefined): boolean | undefined {
  if (filter === undefined) return false;
  if (filter instanceof Name) return filter.value === 'FlateDecode' ? true : undefined;
  return Array.isArray(filter) && filter.length === 1 ? isFlate(filter[0]) : undefined;
}

/**
 * The bytes of the embedded file named `fileName`, or undefined when this reader cannot tell (the
 * caller then asks pdf-lib). Never throws.
 */
export async function readEmbeddedFile(pdf: Uint8Array, fileName: string): Promise<Uint8Array | undefined> {
  try {
    // pdf-lib refuses a file whose first %PDF- is not followed by a version (major.minor).
    const header = indexOfBytes(pdf, HEADER);
    if (header === -1 || !/^\d+\.\d/.test(String.fromCharCode(...pdf.subarray(header + 5, header + 8))))
      return undefined;
    const doc = readDocument(pdf);
    const catalog = dictAt(doc, doc.root);
    const tree = catalog && dictAt(doc, dictAt(doc, catalog.get('Names'))?.get('EmbeddedFiles'));
    const spec = tree && dictAt(doc, findInNameTree(doc, tree, fileName, 0));
    const file = spec && dictAt(doc, spec.get('EF'))?.get('F');
    if (!(file instanceof Ref)) return undefined;
    const { dict, data } = streamData(doc, file);
    if (dict.has('DecodeParms')) return undefined;
    const flate = isFlate(dict.get('Filter'));
    if (flate === undefined) return undefined;
    if (!flate) return data.slice();
    const inflated = await inflateAtMost(data, MAX_EMBEDDED_FILE_BYTES);
    if (!inflated) throw new Unreadable('inflate');
    return inflated;
  } catch (error) {
    if (error instanceof Unreadable || error instanceof RangeError) return undefined;
    throw error;
  }
}
