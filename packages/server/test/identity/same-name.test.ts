import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName, sameName } from '../../src/identity/same-name.js';

/** F8: names compared as the registries spell them, Vietnamese orthography included. */
describe('sameName', () => {
  it.each([
    ['Nguyễn Thị Thủy', 'NGUYỄN THỊ THUỶ'],
    ['Khánh Hòa', 'khánh hoà'],
    ['Công ty Hóa chất', 'Công ty Hoá chất'],
    ['Lê  Văn\u00a0Khỏe', ' lê văn khoẻ '],
    ['Trần Quốc Hưng'.normalize('NFD'), 'Trần Quốc Hưng'],
  ])('treats %j and %j as the same name', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ['Lê Văn Anh', 'Lệ Văn Anh'],
    ['Đức', 'Duc'],
    ['Hoàng', 'Hoang'],
    ['Quý', 'Qúy'],
  ])('tells %j from %j', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('is idempotent, and ignores case, spacing and Unicode normal form (property)', () => {
    const letters = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạòóỏõọùúủũụỳýỷỹỵ ');
    const names = fc.array(letters, { minLength: 1, maxLength: 30 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(names, (name) => {
        const once = normalizeName(name);
        expect(normalizeName(once)).toBe(once);
        expect(sameName(name, ` ${name.toLocaleUpperCase('vi').normalize('NFD')}  `)).toBe(true);
      }),
    );
  });
});
