import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Measure, printableText, wrapRuns } from '../../src/documents/pdf/text-layout.js';
import { text } from './main-data-arbitrary.js';

/** Every character 5 wide, bold 6: easy to reason about, and bold must be measured as bold. */
const measure: Measure = (value, bold) => [...value].length * (bold ? 6 : 5);

const lineText = (line: { segments: { text: string }[] }) =>
  line.segments.map((segment) => segment.text).join('');

describe('wrapRuns', () => {
  it('breaks at spaces and never draws a space at either end of a line', () => {
    const lines = wrapRuns([{ text: 'Người lao động làm việc tại Hà Nội' }], 60, measure);
    expect(lines.map(lineText)).toEqual(['Người lao', 'động làm', 'việc tại Hà', 'Nội']);
    expect(lines.map((line) => line.width)).toEqual([45, 40, 55, 15]);
  });

  it('keeps bold and regular runs apart and measures each with its own font', () => {
    const [line] = wrapRuns(
      [{ text: 'Họ và tên: ' }, { text: 'Đặng Thị Hồng Nhung', bold: true }],
      1000,
      measure,
    );
    expect(line?.segments).toEqual([
      { text: 'Họ và tên: ', bold: false },
      { text: 'Đặng Thị Hồng Nhung', bold: true },
    ]);
    expect(line?.width).toBe(11 * 5 + 19 * 6);
  });

  it('cuts a word longer than a line between characters', () => {
    const lines = wrapRuns([{ text: 'ĐườngĐường' }], 20, measure);
    expect(lines.map(lineText)).toEqual(['Đườn', 'gĐườ', 'ng']);
  });

  it('folds whitespace, control characters and decomposed letters into printable NFC text', () => {
    expect(printableText('Thu\u0309a\tthuận\n\u0000 ')).toBe('Thủa thuận ');
  });

  it('loses no word, keeps their order and respects the width (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: text(120), bold: fc.boolean() }), { maxLength: 6 }),
        fc.integer({ min: 5, max: 400 }),
        (runs, width) => {
          const lines = wrapRuns(runs, width, measure);
          const words = (value: string) => value.split(' ').filter(Boolean);
          // Cut words rejoin without a space, so compare the text with spaces removed.
          const joined = lines.map(lineText).join('').replaceAll(' ', '');
          expect(joined).toBe(words(printableText(runs.map((run) => run.text).join(''))).join(''));
          for (const line of lines) {
            expect(lineText(line)).toBe(lineText(line).trim());
            // A single character may exceed a very narrow line; anything more may not.
            if ([...lineText(line)].length > 1) expect(line.width).toBeLessThanOrEqual(width);
          }
        },
      ),
    );
  });
});
