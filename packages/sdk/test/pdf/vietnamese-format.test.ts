import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateInWords,
  formatDong,
  formatQuantity,
} from '../../src/documents/pdf/vietnamese-format.js';

describe('Vietnamese formats', () => {
  it('writes money with dot-grouped thousands and "đồng"', () => {
    expect(formatDong(15_000_000)).toBe('15.000.000 đồng');
    expect(formatDong(730_000)).toBe('730.000 đồng');
    expect(formatDong(999)).toBe('999 đồng');
    expect(formatDong(0)).toBe('0 đồng');
    expect(formatDong(10_000_000_000)).toBe('10.000.000.000 đồng');
  });

  it('groups every amount so that removing the dots gives the number back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (amount) => {
        const [grouped] = formatDong(amount).split(' ');
        expect(grouped).toMatch(/^\d{1,3}(\.\d{3})*$/);
        expect(Number(grouped?.replaceAll('.', ''))).toBe(amount);
      }),
    );
  });

  it('writes dates day first', () => {
    expect(formatDate('2026-03-02')).toBe('02/03/2026');
    expect(formatDateInWords('2026-03-02')).toBe('ngày 02 tháng 03 năm 2026');
  });

  it('uses a decimal comma', () => {
    expect(formatQuantity(7.5)).toBe('7,5');
    expect(formatQuantity(8)).toBe('8');
  });
});
