import type { ErrorCode, Lang, ProblemDetailItem } from '@hdld/spec';

/** Text in both languages of the Platform (English, Vietnamese). */
export type Localized = { en: string; vi: string };

/** A check result before it is rendered in the reader's language (the server stores it this way). */
export type Finding = Omit<ProblemDetailItem, 'detail'> & { detail: Localized };

export const item = (code: ErrorCode, detail: Localized, pointer?: string): Finding => ({
  code,
  detail,
  ...(pointer ? { pointer } : {}),
});

export function renderFinding(finding: Finding, lang: Lang): ProblemDetailItem {
  return { ...finding, detail: finding.detail[lang] ?? finding.detail.en };
}
