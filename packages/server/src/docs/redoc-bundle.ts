import { createRequire } from 'node:module';
import { packageFolder } from '../package-folder.js';

export const REDOC_BUNDLE = 'redoc.standalone.js';

/**
 * Redoc's self-contained browser bundle (the `redoc` package's `bundles/redoc.standalone.js`, MIT),
 * served by the server itself so `/docs` needs no CDN. In the workspace it is read from the dev
 * dependency; a packed server ships the copy the build puts in `dist/assets/` (tsup.config.ts).
 */
export function redocBundlePath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(`redoc/bundles/${REDOC_BUNDLE}`);
  } catch {
    try {
      return packageFolder(`dist/assets/${REDOC_BUNDLE}`);
    } catch {
      return undefined;
    }
  }
}
