import { createSamplePdf } from '@hdld/sdk/testing';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { countPages } from '../../src/validation/file-checks.js';

/** The definition countPages must keep (its former implementation): regular expressions over latin1 text. */
async function pagesByRegExp(pdf: Uint8Array): Promise<number> {
  const text = new TextDecoder('latin1').decode(pdf);
  if (/\/Type\s*\/ObjStm/.test(text)) {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true }).catch(
      () => undefined,
    );
    return doc?.getPageCount() ?? 0;
  }
  const pages = new Set<string>();
  let current = '';
  for (const match of text.matchAll(/(?<!\d)(\d+)\s+\d+\s+obj\b|\/Type\s*\/Page(?![a-zA-Z])/g)) {
    if (match[1] !== undefined) current = match[1];
    else pages.add(current);
  }
  return pages.size;
}

// Fragments that stress the expression: headers with odd spacing (\s includes VT and NBSP in latin1),
// digit runs, near-misses of "obj" and "/Page", and page dictionaries rewritten by later revisions.
const FRAGMENTS = [
  '1 0 obj',
  '12 0 obj',
  '3  1\nobj',
  '7\u000b0\u00a0obj',
  '123',
  '4 5',
  ' ',
  '\n',
  '\u00a0',
  '\u000b',
  'obj',
  'objx',
  'obj_',
  'obj>',
  '<<',
  '>>',
  '/Type /Page',
  '/Type/Page',
  '/Type\n/Page',
  '/Type /Pages',
  '/Type /PageLabel',
  '/Type /Page>>',
  '/Type',
  '/Page',
  'endobj',
  'x',
  '9',
  '0',
  '/Type /ObjStmX',
];

describe('countPages (file checks, T9)', () => {
  it('counts as the regular expression over latin1 text does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), async (parts) => {
        const pdf = Uint8Array.from(parts.join(''), (c) => c.charCodeAt(0));
        expect(await countPages(pdf)).toBe(await pagesByRegExp(pdf));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts the pages of real files, incremental updates counted once', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i++) doc.addPage();
    const three = await doc.save({ useObjectStreams: false });
    expect(await countPages(three)).toBe(3);
    expect(await pagesByRegExp(three)).toBe(3);
    const sample = await createSamplePdf();
    expect(await countPages(sample)).toBe(await pagesByRegExp(sample));
    // Object streams hide the page dictionaries: pdf-lib counts them.
    expect(await countPages(await doc.save({ useObjectStreams: true }))).toBe(3);
  });
});
