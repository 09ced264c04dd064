import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceOf, SUFFIX } from '../contract/layout.js';

export type InputKind = 'submission' | 'pdf' | 'main-data';

export type Input = { path: string; kind: InputKind };

function kindOf(path: string): InputKind | undefined {
  if (path.endsWith(SUFFIX.submission)) return 'submission';
  if (path.endsWith(SUFFIX.mainData)) return 'main-data';
  if (path.toLowerCase().endsWith('.pdf')) return 'pdf';
  return undefined;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/**
 * Files named on the command line are checked whatever their kind; in a folder, each contract is
 * checked once, in its most complete form: the submission, else the PDF, else the main data.
 */
export async function collectInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    if (!(await stat(path)).isDirectory()) {
      inputs.push({ path, kind: kindOf(path) ?? 'submission' });
      continue;
    }
    const files = (await walk(path)).sort();
    const best = new Map<string, Input>();
    const rank: Record<InputKind, number> = { submission: 3, pdf: 2, 'main-data': 1 };
    for (const file of files) {
      const kind = kindOf(file);
      if (!kind) continue;
      const { dir, reference } = referenceOf(file);
      const key = join(dir, reference);
      const current = best.get(key);
      if (!current || rank[kind] > rank[current.kind]) best.set(key, { path: file, kind });
    }
    inputs.push(...best.values());
  }
  return inputs;
}
