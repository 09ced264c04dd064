import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from '../../src/client/json-bytes.js';

const reference = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** Long strings of every kind: base64-like, with quotes and backslashes, control characters, non-ASCII, lone surrogates. */
const longString = fc
  .tuple(
    fc.constantFrom('QUJD', 'a"b', 'c\\d', '\u0001', 'hợp đồng', '\ud800', 'x', '😀', '-_=+/'),
    fc.integer({ min: 4_000, max: 6_000 }),
    fc.string(),
  )
  .map(([unit, times, tail]) => unit.repeat(times) + tail);

describe('jsonBytes (the bytes fetch would send for JSON.stringify, without the large temporaries)', () => {
  it('equals TextEncoder(JSON.stringify(value)) for any JSON value, large strings included', () => {
    fc.assert(
      fc.property(
        fc.letrec((tie) => ({
          value: fc.oneof(
            { depthSize: 'small' },
            fc.jsonValue(),
            longString,
            fc.array(tie('value'), { maxLength: 4 }),
            fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
          ),
        })).value,
        (value) => {
          expect(Buffer.from(jsonBytes(value)).equals(Buffer.from(reference(value)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps what JSON.stringify drops or converts (undefined members, toJSON, dates)', () => {
    const value = {
      documents: [{ contentBase64: 'QUJD'.repeat(10_000), fileName: 'hợp-đồng.pdf' }],
      skipped: undefined,
      at: new Date('2026-01-01T00:00:00Z'),
      nested: { toJSON: () => ({ big: 'A'.repeat(20_000) }) },
    };
    expect(Buffer.from(jsonBytes(value)).equals(Buffer.from(reference(value)))).toBe(true);
  });

  it('refuses what has no JSON form, as JSON.stringify returns nothing for it', () => {
    expect(() => jsonBytes(undefined)).toThrow(TypeError);
  });
});
