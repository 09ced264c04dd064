import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/intake/decode-documents.js';

// The definition decodeBase64 must match exactly (RFC 4648 base64, padded; the spec's `format: byte`).
const RFC4648 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

// Characters Node's decoder treats specially: the URL-safe alphabet, white space, '=', and
// characters above U+007F that it would truncate to a byte of the alphabet ('ł' is U+0142 -> 'B').
const TRICKY = ['=', '-', '_', ' ', '\n', '\r', '\t', '\0', '.', 'ł', 'Ł', 'ａ', 'é', '\u{1f600}'];
const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];

const anyText = fc
  .array(fc.constantFrom(...ALPHABET, ...ALPHABET, ...TRICKY), { maxLength: 40 })
  .map((chars) => chars.join(''));
/** Valid encodings with a few characters replaced or inserted: mostly near-misses. */
const damagedEncoding = fc
  .tuple(
    fc.uint8Array({ maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ALPHABET, ...TRICKY), fc.boolean()), { maxLength: 3 }),
  )
  .map(([bytes, edits]) => {
    const chars = [...Buffer.from(bytes).toString('base64')];
    for (const [at, char, insert] of edits) chars.splice(at % (chars.length + 1), insert ? 0 : 1, char);
    return chars.join('');
  });

describe('decodeBase64 (intake, T9)', () => {
  it('accepts exactly what the RFC 4648 expression accepts, and decodes it (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, damagedEncoding), (text) => {
        const decoded = decodeBase64(text);
        expect(decoded !== undefined).toBe(RFC4648.test(text));
        if (decoded) expect(decoded).toEqual(Buffer.from(text, 'base64'));
      }),
      { numRuns: 10_000 },
    );
  });

  it('gives back any bytes it is given encoded (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(new Uint8Array(decodeBase64(Buffer.from(bytes).toString('base64'))!)).toEqual(bytes);
      }),
    );
  });
});
