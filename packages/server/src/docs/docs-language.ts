import type { Lang } from '@hdld/spec';

/**
 * The language of a documentation page: English only when the reader's first preference is English,
 * Vietnamese otherwise (the Platform's language, S2.4), unlike API problems, which default to English.
 */
export function docsLanguage(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim() ?? '';
  return /^en(?:[-_]|$)/i.test(first) ? 'en' : 'vi';
}
