/**
 * The two languages of every user-facing text. A subpath of its own (`@hdld/spec/lang`) so the CLI
 * can pick its language at start-up without evaluating the generated schemas.
 */
export type Lang = 'en' | 'vi';

/** Picks `vi` for any Vietnamese language tag (vi, vi-VN, vi_VN.UTF-8), English otherwise. */
export function pickLang(tag: string | undefined | null): Lang {
  return tag && /^vi(?:[-_]|$)/i.test(tag.trim().split(/[,;]/)[0] ?? '') ? 'vi' : 'en';
}
