/** The five Vietnamese tone marks as combining characters (NFD). */
const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
/**
 * Syllable-final "oa", "oe", "uy" take the tone on the first vowel in the old orthography (hòa, thủy)
 * and on the second in the new one (hoà, thuỷ); both are in use, registries included. "qu" + y keeps
 * the tone on the y in both, so a u after q is left alone.
 */
const OLD_STYLE_TONE = new RegExp(`(?<!q)([ou])(${TONE})([aey])(?![\\p{L}\\p{M}])`, 'gu');
const TONE_MOVES = new Set(['oa', 'oe', 'uy']);

/**
 * A name as registries compare it: Unicode NFC (composed and decomposed input alike), one tone
 * placement, Vietnamese case folding, any run of white space (NBSP included) as one space. Letters
 * and diacritics otherwise count: "Đ" is not "D", "Lê" is not "Lệ".
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .toLocaleLowerCase('vi')
    .replace(OLD_STYLE_TONE, (syllableEnd: string, vowel: string, tone: string, next: string) =>
      TONE_MOVES.has(vowel + next) ? `${vowel}${next}${tone}` : syllableEnd,
    )
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Compares names as the registries spell them (normalizeName). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
