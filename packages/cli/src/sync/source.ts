import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Schemas } from '@hdld/spec';
import { listSubmissionFiles, referenceOf } from '../contract/layout.js';
import { UsageError } from '../output/errors.js';

/** One contract to send: its reference (known without reading the file) and a lazy loader. */
export type SyncItem = {
  reference: string;
  path: string;
  load(): Promise<Schemas['ContractSubmission']>;
};

const item = (path: string): SyncItem => ({
  reference: referenceOf(path).reference,
  path,
  // Loaded only when sent: a 1,000-contract folder never sits in memory at once.
  load: async () => JSON.parse(await readFile(path, 'utf8')) as Schemas['ContractSubmission'],
});

/**
 * What `hdld sync` reads: a folder of `<ref>.submission.json` files (the layout `contract package`
 * and `demo` write), or a manifest, an NDJSON file with one `{"submission": "<path>"}` a line
 * (paths relative to the manifest), for submissions spread over several folders.
 */
export async function readSyncSource(path: string): Promise<{ items: SyncItem[]; folder: string }> {
  if ((await stat(path)).isDirectory()) {
    return { items: (await listSubmissionFiles(path)).map(item), folder: path };
  }
  const base = dirname(path);
  const lines = (await readFile(path, 'utf8')).split('\n');
  const items: SyncItem[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const entry = JSON.parse(line) as { submission?: unknown };
    if (typeof entry.submission !== 'string')
      throw new UsageError(`${path}:${index + 1}: expected {"submission": "<path>"}`);
    items.push(item(resolve(base, entry.submission)));
  });
  return { items, folder: base };
}
