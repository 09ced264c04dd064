import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSerialPermutation, SERIAL_DOMAIN } from '../../src/ids/feistel.js';

// F9: the 12 middle digits are a keyed permutation of the sequence (unique, not enumerable).
const secret = 'test-secret-that-is-at-least-32-bytes-long';
const permutation = createSerialPermutation(secret);
const serial = fc.integer({ min: 0, max: SERIAL_DOMAIN - 1 });

describe('keyed serial permutation (F9)', () => {
  it('round-trips through its inverse and stays in [0, 10^12)', () => {
    fc.assert(
      fc.property(serial, (value) => {
        const permuted = permutation.permute(value);
        expect(permuted).toBeGreaterThanOrEqual(0);
        expect(permuted).toBeLessThan(SERIAL_DOMAIN);
        expect(Number.isInteger(permuted)).toBe(true);
        expect(permutation.unpermute(permuted)).toBe(value);
        expect(permutation.permute(permutation.unpermute(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('is injective on samples, including the first serials of the sequence', () => {
    fc.assert(
      fc.property(fc.uniqueArray(serial, { minLength: 2, maxLength: 200 }), (values) => {
        expect(new Set(values.map((value) => permutation.permute(value))).size).toBe(values.length);
      }),
      { numRuns: 50 },
    );
    const first = Array.from({ length: 10_000 }, (_, index) => permutation.permute(index));
    expect(new Set(first).size).toBe(first.length);
  });

  it('does not reveal order or volume: consecutive serials land far apart', () => {
    const outputs = Array.from({ length: 1000 }, (_, index) => permutation.permute(index));
    const sortedLikeInput = outputs.every((value, index) => index === 0 || value > outputs[index - 1]!);
    expect(sortedLikeInput).toBe(false);
    // Roughly uniform over the domain: about half of the outputs in the upper half.
    const upper = outputs.filter((value) => value >= SERIAL_DOMAIN / 2).length;
    expect(upper).toBeGreaterThan(400);
    expect(upper).toBeLessThan(600);
  });

  it('depends on the secret', () => {
    const other = createSerialPermutation('another-secret-that-is-also-32-bytes-long');
    const differing = Array.from({ length: 100 }, (_, index) => index).filter(
      (index) => permutation.permute(index) !== other.permute(index),
    );
    expect(differing.length).toBeGreaterThan(95);
  });

  it('refuses short secrets and values outside the domain', () => {
    expect(() => createSerialPermutation('short')).toThrow(RangeError);
    expect(() => permutation.permute(SERIAL_DOMAIN)).toThrow(RangeError);
    expect(() => permutation.permute(-1)).toThrow(RangeError);
    expect(() => permutation.unpermute(1.5)).toThrow(RangeError);
  });
});
