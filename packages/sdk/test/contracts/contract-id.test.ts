import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeContractId,
  computeCheckDigits,
  formatContractId,
  isValidContractId,
  parseContractId,
  SERIAL_LIMIT,
} from '../../src/contracts/contract-id.js';

// F9/N3: the contract ID scheme (year, 12-digit serial, ISO 7064 MOD 97-10 check digits).
const validId = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: SERIAL_LIMIT - 1 }))
  .map(([year, serial]) => composeContractId(year, serial));

describe('contract ID (F9)', () => {
  it('composes the year prefix, zero-padded serial and IBAN-style check digits', () => {
    const id = composeContractId(2026, 42);
    expect(id).toMatch(/^26000000000042\d{2}$/);
    expect(BigInt(id) % 97n).toBe(1n);
    expect(computeCheckDigits(id.slice(0, 14))).toBe(id.slice(14));
  });

  it('every composed ID is valid, 16 digits and mod 97 = 1', () => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(id).toHaveLength(16);
        expect(isValidContractId(id)).toBe(true);
      }),
    );
  });

  it('detects every single-digit substitution', () => {
    fc.assert(
      fc.property(validId, fc.nat(15), fc.integer({ min: 1, max: 9 }), (id, position, delta) => {
        const digit = (Number(id[position]) + delta) % 10;
        const mutated = id.slice(0, position) + digit + id.slice(position + 1);
        expect(isValidContractId(mutated)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every adjacent transposition of distinct digits', () => {
    fc.assert(
      fc.property(validId, fc.nat(14), (id, position) => {
        const a = id[position]!;
        const b = id[position + 1]!;
        fc.pre(a !== b);
        const swapped = id.slice(0, position) + b + a + id.slice(position + 2);
        expect(isValidContractId(swapped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('exhaustively catches all substitutions and transpositions of one fixed ID', () => {
    const id = composeContractId(2026, 123_456_789_012);
    for (let position = 0; position < 16; position++) {
      for (let digit = 0; digit < 10; digit++) {
        const mutated = id.slice(0, position) + digit + id.slice(position + 1);
        expect(isValidContractId(mutated)).toBe(mutated === id);
      }
    }
    for (let position = 0; position < 15; position++) {
      const swapped = id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
      expect(isValidContractId(swapped)).toBe(swapped === id);
    }
  });

  it('formats as 4-4-4-4 and parses back from display forms', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const shown = formatContractId(id);
        expect(shown).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
        expect(parseContractId(shown)).toEqual({ ok: true, id });
        expect(parseContractId(` ${shown.replaceAll('-', ' ')} `)).toEqual({ ok: true, id });
        expect(parseContractId(id)).toEqual({ ok: true, id });
      }),
    );
  });

  it('tells a malformed input from a typo', () => {
    const id = composeContractId(2026, 7);
    const typo = `${id.slice(0, 15)}${(Number(id[15]) + 1) % 10}`;
    expect(parseContractId(typo)).toEqual({ ok: false, reason: 'CHECK_DIGITS' });
    expect(parseContractId('1234')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(parseContractId('12345678901234ab')).toEqual({ ok: false, reason: 'FORMAT' });
    expect(isValidContractId(`${id}0`)).toBe(false);
    expect(formatContractId(typo)).toBe(
      `${typo.slice(0, 4)}-${typo.slice(4, 8)}-${typo.slice(8, 12)}-${typo.slice(12)}`,
    );
    expect(() => formatContractId('1234-5678')).toThrow(RangeError);
  });

  it('never throws on arbitrary input and only accepts 16-digit valid IDs', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = parseContractId(input);
        if (result.ok) expect(isValidContractId(result.id)).toBe(true);
      }),
    );
  });

  it('rejects out-of-range serials and malformed bodies', () => {
    expect(() => composeContractId(2026, SERIAL_LIMIT)).toThrow(RangeError);
    expect(() => composeContractId(2026, -1)).toThrow(RangeError);
    expect(() => computeCheckDigits('123')).toThrow(RangeError);
  });
});
