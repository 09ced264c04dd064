import type { Lang } from '@hdld/spec';
import { documentationPage, pageTitle } from './page-layout.js';
import { REDOC_BUNDLE } from './redoc-bundle.js';

/**
 * `/docs`: Redoc renders `/openapi.json` in the browser from the bundle this server serves, so the
 * page, its search and its `#operation/...` links work with no network beyond this server (S2.4, F11).
 */
export function referencePage(lang: Lang): string {
  return documentationPage({
    lang,
    page: 'reference',
    title: pageTitle(lang, 'reference'),
    body: `<redoc spec-url="/openapi.json" scroll-y-offset=".hdld-nav" path-in-middle-panel></redoc>
<script src="/docs/assets/${REDOC_BUNDLE}"></script>`,
  });
}
