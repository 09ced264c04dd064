/**
 * Synchronise a folder of contracts (T5): bounded concurrency, files read lazily, an NDJSON journal
 * so that a crashed or cancelled run resumes without duplicates. Run it again to resume.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BatchItem, createHdldClient, syncBatch } from '@hdld/sdk';
import { openFileJournal } from '@hdld/sdk/node';
import type { Schemas } from '@hdld/spec';

const client = createHdldClient({
  baseUrl: process.env.HDLD_URL ?? 'http://127.0.0.1:8080',
  credentials: { clientId: 'prov-econtract-demo', privateKey: await readFile('provider-key.pem', 'utf8') },
});

async function* contracts(dir: string): AsyncGenerator<BatchItem> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    yield {
      providerReference: name.slice(0, -'.json'.length),
      load: async () => JSON.parse(await readFile(join(dir, name), 'utf8')) as Schemas['ContractSubmission'],
    };
  }
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort()); // Ctrl-C: stop cleanly, resume later
const journal = await openFileJournal('sync-journal.ndjson');
const summary = await syncBatch(client, contracts('outbox'), {
  concurrency: 8,
  journal,
  signal: controller.signal,
  onProgress: ({ counts, itemsPerSecond, latestErrors }) =>
    console.log(
      `${counts.succeeded} ok, ${counts.failed + counts.rejected} failed, ${itemsPerSecond.toFixed(1)}/s`,
      latestErrors.at(-1) ?? '',
    ),
});
await journal.close();
console.log(summary.cancelled ? 'Cancelled: run again to resume.' : 'Done.', summary.counts);
