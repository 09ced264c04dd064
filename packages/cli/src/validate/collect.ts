import type { Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '@hdld/spec';
import { SUFFIX } from '../contract/layout.js';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';

export type InputKind = 'submission' | 'pdf' | 'main-data';

export type Input = { path: string; kind: InputKind; size: number };

/** A file of a folder that is not checked, and why: listed in every report (JUnit: skipped). */
export type Skipped = { path: string; reason: string };

function kindOf(path: string): InputKind | undefined {
  if (path.endsWith(SUFFIX.submission)) return 'submission';
  if (path.endsWith(SUFFIX.mainData)) return 'main-data';
  if (path.toLowerCase().endsWith('.pdf')) return 'pdf';
  return undefined;
}

/** stat that follows links; a missing path is a usage error naming it (exit 2), not a raw ENOENT. */
async function statOf(path: string, lang: Lang): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    const missing = ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
    throw new UsageError(`${path}: ${t(lang, missing ? 'validate.noSuchPath' : 'validate.unreadable')}`);
  }
}

/** Every entry under `dir` but hidden ones (the sync journal, editor files) and node_modules. */
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
 * What `hdld validate` checks: a file named on the command line whatever its name (a FIFO or device
 * is refused, exit 2), and in a folder every submission, PDF and main data file, each on its own
 * (the PDF and main data next to a submission are checked too: they are what was signed and
 * declared). Other files of a folder are skipped and listed; a special file is never opened, so a
 * FIFO named `x.pdf` cannot hang the run. Nothing to check at all is a usage error (exit 2).
 */
export async function collectInputs(
  paths: readonly string[],
  lang: Lang,
): Promise<{ inputs: Input[]; skipped: Skipped[] }> {
  const inputs: Input[] = [];
  const skipped: Skipped[] = [];
  for (const path of paths) {
    const info = await statOf(path, lang);
    if (info.isFile()) {
      inputs.push({ path, kind: kindOf(path) ?? 'submission', size: info.size });
      continue;
    }
    if (!info.isDirectory()) throw new UsageError(`${path}: ${t(lang, 'validate.specialFile')}`);
    for (const file of (await walk(path)).sort()) {
      // lstat then stat: a link to a FIFO is as special as the FIFO.
      const entry = await lstat(file)
        .then((l) => (l.isSymbolicLink() ? stat(file) : l))
        .catch(() => undefined);
      const kind = kindOf(file);
      if (!entry?.isFile())
        skipped.push({ path: file, reason: t(lang, entry ? 'validate.specialFile' : 'validate.unreadable') });
      else if (!kind) skipped.push({ path: file, reason: t(lang, 'validate.notCheckable') });
      else inputs.push({ path: file, kind, size: entry.size });
    }
  }
  if (inputs.length === 0) throw new UsageError(`${t(lang, 'validate.noInputs')} ${paths.join(', ')}`);
  return { inputs, skipped };
}
