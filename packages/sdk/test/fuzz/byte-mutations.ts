import fc from 'fast-check';
import { tlv } from '../../src/documents/cms/der.js';
import {
  children,
  type DerElement,
  encodingOf,
  readRoot,
} from '../../src/documents/verify/asn1/der-reader.js';

/**
 * Mutations of a real file for the parser fuzz properties (issue 15): what a broken producer, a
 * truncated upload or an attacker makes of a valid PDF or CMS blob. Each arbitrary yields the mutated
 * bytes; the original is never changed.
 */

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.byteLength - remove + insert.byteLength);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.byteLength);
  return out;
}

/** A DER element nested `depth` times in constructed tags with definite lengths (headers sized inside out, joined once). */
export function nestedDer(depth: number, tag: number): Uint8Array {
  const headers: number[][] = [];
  let size = 2; // the innermost NULL
  for (let i = 0; i < depth; i++) {
    const length =
      size < 0x80
        ? [size]
        : size < 0x100
          ? [0x81, size]
          : size < 0x10000
            ? [0x82, size >> 8, size & 0xff]
            : [0x83, size >> 16, (size >> 8) & 0xff, size & 0xff];
    headers.push([tag, ...length]);
    size += 1 + length.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = headers.length - 1; i >= 0; i--) {
    out.set(headers[i]!, at);
    at += headers[i]!.length;
  }
  out.set([0x05, 0x00], at);
  return out;
}

const offsetIn = (bytes: Uint8Array) => fc.nat({ max: Math.max(0, bytes.byteLength - 1) });

const bitFlips = (bytes: Uint8Array) =>
  fc
    .array(fc.tuple(offsetIn(bytes), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 })
    .map((flips) => {
      const out = bytes.slice();
      for (const [at, mask] of flips) out[at]! ^= mask;
      return out;
    });

const truncation = (bytes: Uint8Array) => offsetIn(bytes).map((length) => bytes.slice(0, length));

const insertion = (bytes: Uint8Array) =>
  fc
    .tuple(offsetIn(bytes), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([at, extra]) => splice(bytes, at, 0, extra));

const deletion = (bytes: Uint8Array) =>
  fc
    .tuple(offsetIn(bytes), fc.integer({ min: 1, max: 64 }))
    .map(([at, count]) => splice(bytes, at, Math.min(count, bytes.byteLength - at), new Uint8Array(0)));

/** A DER length at a random offset set to a huge value (long form, 1 to 4 length octets, or 0x84 + 0xff..). */
const hugeDerLength = (bytes: Uint8Array) =>
  fc.tuple(offsetIn(bytes), fc.constantFrom(0x81, 0x82, 0x83, 0x84, 0x85, 0x88, 0x80)).map(([at, first]) => {
    const out = bytes.slice();
    out[at] = first;
    for (let i = 1; i <= (first & 0x7f) && at + i < out.byteLength; i++) out[at + i] = 0xff;
    return out;
  });

/** Deeply nested constructed values (SEQUENCE, SET, constructed OCTET STRING, indefinite lengths). */
const deepDer = (bytes: Uint8Array) =>
  fc
    .tuple(
      offsetIn(bytes),
      fc.integer({ min: 60, max: 20_000 }),
      fc.constantFrom(0x30, 0x31, 0x24, 0xa0),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([at, depth, tag, indefinite, alone]) => {
      const bomb = indefinite
        ? new Uint8Array(depth * 2).map((_, i) => (i % 2 === 0 ? tag : 0x80))
        : nestedDer(depth, tag);
      return alone ? bomb : splice(bytes, at, 0, bomb);
    });

/** The numbers a PDF reader trusts (xref offsets and counts, /Length, /N, /First, /Size, /Prev, ByteRange) made huge or wrong. */
const PDF_NUMBER =
  /(\/(?:Length|N|First|Size|Prev|ByteRange\s*\[\s*\d+\s+\d+\s+\d+)\s+|startxref\s+|xref\s+\d+\s+|\n)(\d+)/g;

const pdfNumbers = (bytes: Uint8Array) => {
  const text = latin1(bytes);
  const spots = [...text.matchAll(PDF_NUMBER)].map((m) => ({
    at: m.index + m[1]!.length,
    length: m[2]!.length,
  }));
  if (spots.length === 0) return fc.constant(bytes);
  return fc
    .tuple(
      fc.constantFrom(...spots),
      fc.constantFrom('0', '1', '99999999999', '9999999999999999999999', '4294967296', '2147483647', '-1'),
    )
    .map(([spot, value]) => splice(bytes, spot.at, spot.length, ascii(value)));
};

/** Deep PDF nesting: arrays, dictionaries, literal strings, at a random offset. */
const deepPdf = (bytes: Uint8Array) =>
  fc
    .tuple(offsetIn(bytes), fc.integer({ min: 30, max: 50_000 }), fc.constantFrom('[', '<<', '(', '<'))
    .map(([at, depth, open]) => splice(bytes, at, 0, ascii(open.repeat(depth))));

/** Any of the generic byte mutations, applied one to three times. */
export function mutatedBytes(
  bytes: Uint8Array,
  extra: (b: Uint8Array) => fc.Arbitrary<Uint8Array>[] = () => [],
) {
  const one = (b: Uint8Array) => fc.oneof(bitFlips(b), truncation(b), insertion(b), deletion(b), ...extra(b));
  return one(bytes).chain((once) => fc.oneof(fc.constant(once), one(once)));
}

interface DerNode {
  element: DerElement;
  kids: DerNode[];
}

/** The element tree, to a depth that real files never reach (a mutated file may be a nesting bomb). */
function derTree(element: DerElement, depth = 0): DerNode {
  let kids: DerNode[] = [];
  if (element.tag & 0x20 && depth < 40) {
    try {
      kids = children(element).map((kid) => derTree(kid, depth + 1));
    } catch {
      kids = [];
    }
  }
  return { element, kids };
}

const preorder = (node: DerNode): DerNode[] => [node, ...node.kids.flatMap(preorder)];

/** The tree encoded again with `target` replaced by `replacement` (lengths of its ancestors recomputed). */
function replaced(node: DerNode, target: DerNode, replacement: Uint8Array): Uint8Array {
  if (node === target) return replacement;
  const { start, end } = target.element;
  const contains = node.element.start <= start && end <= node.element.end;
  if (node.kids.length === 0 || !contains) return encodingOf(node.element);
  return tlv(node.element.tag, ...node.kids.map((kid) => replaced(kid, target, replacement)));
}

/** What a structure-aware mutation puts in place of one element of a well-formed DER tree. */
const replacementFor = (element: DerElement) =>
  fc.oneof(
    fc.constant(new Uint8Array(0)), // the field is missing
    fc.constant(Uint8Array.of(element.tag, 0)), // present but empty
    fc.constant(Uint8Array.of(element.tag, 0x84, 0xff, 0xff, 0xff, 0xff)), // length far past the end
    fc.constant(Uint8Array.of(0x0c, 2, 0xc3, 0x28)), // a UTF8String that is not UTF-8
    fc.constant(Uint8Array.of(0x02, 0x81, 0x80, ...new Uint8Array(128).fill(0xff))), // a huge integer
    fc.constant(Uint8Array.of(0x06, 0x03, 0xff, 0xff, 0xff)), // an unterminated OID
    fc.constant(Uint8Array.of(0x17, 0x05, 0x39, 0x39, 0x31, 0x33, 0x32)), // a malformed UTCTime
    fc.constant(encodingOf(element)).map((bytes) => {
      const out = new Uint8Array(bytes.byteLength * 2);
      out.set(bytes);
      out.set(bytes, bytes.byteLength);
      return out;
    }), // repeated
    fc.tuple(fc.nat(255), fc.uint8Array({ maxLength: 40 })).map(([tag, value]) => tlv(tag & 0xdf, value)), // another primitive
    fc
      .integer({ min: 70, max: 100_000 })
      .chain((depth) =>
        fc.constantFrom(0x30, 0x31, 0x24, element.tag | 0x20).map((tag) => nestedDer(depth, tag)),
      ), // nesting far deeper than any real structure
  );

/** Replaces one element anywhere in a well-formed DER tree, keeping every other length right. */
const structuralDer = (der: Uint8Array) => {
  let nodes: DerNode[];
  let root: DerNode;
  try {
    root = derTree(readRoot(der));
    nodes = preorder(root);
  } catch {
    return fc.constant(der);
  }
  return fc
    .constantFrom(...nodes)
    .chain((target) =>
      replacementFor(target.element).map((replacement) => replaced(root, target, replacement)),
    );
};

/** Mutations of a DER file (CMS, certificate, timestamp token, CRL): byte-level and structure-aware. */
export const mutatedDer = (der: Uint8Array) =>
  fc.oneof(
    { arbitrary: mutatedBytes(der, (b) => [hugeDerLength(b), deepDer(b)]), weight: 1 },
    {
      arbitrary: structuralDer(der).chain((once) => fc.oneof(fc.constant(once), structuralDer(once))),
      weight: 2,
    },
  );

/** Mutations of a PDF file. */
export const mutatedPdf = (pdf: Uint8Array) => mutatedBytes(pdf, (b) => [pdfNumbers(b), deepPdf(b)]);

const HEX = '0123456789abcdef';

/**
 * A PDF whose signature /Contents holds a mutated CMS blob, re-encoded in place (same gap length,
 * zero padding): the mutation reaches the DER reader instead of stopping at the hex check.
 */
export function mutatedSignatureContents(pdf: Uint8Array, cms: Uint8Array) {
  const text = latin1(pdf);
  const gapStart = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const gapEnd = text.indexOf('>', gapStart);
  return mutatedDer(cms)
    .filter((der) => der.byteLength * 2 <= gapEnd - gapStart)
    .map((der) => {
      let hex = '';
      for (const byte of der) hex += HEX[byte >> 4]! + HEX[byte & 15]!;
      return splice(pdf, gapStart, hex.length, ascii(hex));
    });
}

/** The CMS DER of the last signature of a signed PDF (the /Contents value without its padding). */
export function lastSignatureCms(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const gapStart = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const hex = text.slice(gapStart, text.indexOf('>', gapStart)).replace(/(00)+$/, '');
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
}
