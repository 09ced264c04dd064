import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../e2e/golden', import.meta.url));

/** Every digit (and, with `hex`, every hex letter) of a match as `x`: same width, so columns stay aligned. */
const mask =
  (hex = false) =>
  (match: string) =>
    match.replace(hex ? /[0-9a-f]/g : /\d/g, 'x');

/**
 * What changes run to run in output against a live server is masked: ids, times, contract IDs,
 * digests, local paths. The rest (layout, words, codes, figures) must stay as recorded.
 */
export function normalize(text: string, replacements: Record<string, string> = {}): string {
  let out = text;
  for (const [from, to] of Object.entries(replacements)) out = out.replaceAll(from, to);
  return out
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, mask(true))
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, mask())
    .replace(/\b\d{4}-\d{4}-\d{4}-\d{4}\b/g, mask())
    .replace(/"\d{16}"/g, mask())
    .replace(/\b[0-9a-f]{64}\b/g, mask(true));
}

/**
 * Golden files of the e2e tests (test/e2e/golden/<name>): the normalized output must equal the
 * recorded one; `UPDATE_GOLDEN=1` records it again, as for test/golden.
 */
export function expectGolden(name: string, text: string): void {
  const file = join(root, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text, name).toBe(readFileSync(file, 'utf8'));
}
