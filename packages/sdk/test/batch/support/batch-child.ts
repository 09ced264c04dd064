/**
 * A provider's batch job in its own process, for the crash test: submits every JSON submission of
 * a directory with `syncBatch` and a file journal, then prints the summary as JSON.
 * Usage: node --conditions=@hdld/source --import tsx batch-child.ts <dir> <journal>
 * Environment: HDLD_URL, HDLD_CLIENT_ID, HDLD_PRIVATE_KEY (PEM).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Schemas } from '@hdld/spec';
import { openFileJournal } from '../../../src/batch/file-journal.js';
import { syncBatch } from '../../../src/batch/sync-batch.js';
import { createHdldClient } from '../../../src/index.js';

const [dir, journalPath] = process.argv.slice(2) as [string, string];
const client = createHdldClient({
  baseUrl: process.env.HDLD_URL!,
  credentials: {
    clientId: process.env.HDLD_CLIENT_ID!,
    privateKey: process.env.HDLD_PRIVATE_KEY!,
    keyId: 'sandbox-1',
  },
});

async function* items() {
  for (const name of (await readdir(dir)).sort()) {
    yield {
      providerReference: name.replace(/\.json$/, ''),
      load: async () => JSON.parse(await readFile(join(dir, name), 'utf8')) as Schemas['ContractSubmission'],
    };
  }
}

const journal = await openFileJournal(journalPath);
const summary = await syncBatch(client, items(), { concurrency: 2, journal, pollIntervalMs: 200 });
await journal.close();
process.stdout.write(`${JSON.stringify(summary)}\n`);
