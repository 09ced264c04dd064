import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '@hdld/spec';
import { marked } from 'marked';
import { packageFolder } from '../package-folder.js';
import { documentationPage, pageTitle } from './page-layout.js';

const rendered = new Map<Lang, Promise<string>>();

/**
 * `/docs/guide/{vi,en}`: the integration guide (S2.4: flow, data formats, error handling, the test
 * environment), written in Markdown under the package's `guide/` folder, readable there too.
 */
export function guidePage(lang: Lang): Promise<string> {
  let page = rendered.get(lang);
  if (!page) {
    page = readFile(join(packageFolder('guide'), `integration.${lang}.md`), 'utf8').then((markdown) =>
      documentationPage({
        lang,
        page: 'guide',
        title: pageTitle(lang, 'guide'),
        body: `<main class="hdld-guide">${marked.parse(markdown, { async: false })}</main>`,
      }),
    );
    rendered.set(lang, page);
  }
  return page;
}
