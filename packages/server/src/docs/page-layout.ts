import type { Lang } from '@hdld/spec';

type PageTexts = { reference: string; guide: string; other: string; document: string };

const TEXTS: Record<Lang, PageTexts> = {
  vi: {
    reference: 'Tài liệu API',
    guide: 'Hướng dẫn tích hợp',
    other: 'English',
    document: 'Tài liệu OpenAPI (JSON)',
  },
  en: {
    reference: 'API reference',
    guide: 'Integration guide',
    other: 'Tiếng Việt',
    document: 'OpenAPI document (JSON)',
  },
};

const OTHER: Record<Lang, Lang> = { vi: 'en', en: 'vi' };

/** The bar on every documentation page: the reference, the guide in both languages, the document. */
function navigation(lang: Lang, page: 'reference' | 'guide'): string {
  const t = TEXTS[lang];
  const other = page === 'guide' ? `/docs/guide/${OTHER[lang]}` : `/docs?lang=${OTHER[lang]}`;
  return `<nav class="hdld-nav">
  <a href="/docs?lang=${lang}">${t.reference}</a>
  <a href="/docs/guide/${lang}">${t.guide}</a>
  <a href="/openapi.json">${t.document}</a>
  <a href="${other}" hreflang="${OTHER[lang]}" lang="${OTHER[lang]}">${t.other}</a>
</nav>`;
}

const STYLE = `<style>
  body { margin: 0; font-family: system-ui, sans-serif; }
  .hdld-nav { display: flex; gap: 1.5rem; padding: 0.75rem 1.5rem; background: #0b3d2e; }
  .hdld-nav a { color: #fff; text-decoration: none; font-weight: 600; }
  .hdld-guide { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; line-height: 1.55; }
  .hdld-guide pre { background: #f4f4f4; padding: 0.75rem; overflow-x: auto; }
  .hdld-guide table { border-collapse: collapse; }
  .hdld-guide td, .hdld-guide th { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; }
</style>`;

/** One documentation page, self-contained but for the scripts it names (served by this server). */
export function documentationPage(input: {
  lang: Lang;
  page: 'reference' | 'guide';
  title: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title}</title>
${STYLE}
</head>
<body>
${navigation(input.lang, input.page)}
${input.body}
</body>
</html>
`;
}

export function pageTitle(lang: Lang, page: 'reference' | 'guide'): string {
  return `${TEXTS[lang][page]} · hdld`;
}
