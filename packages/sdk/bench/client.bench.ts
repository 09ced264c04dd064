/**
 * Client benchmarks (issue 5): (1) overhead per request of the SDK client vs bare fetch on loopback
 * (target <= 5 %), (2) batch RSS flat in N (1,000 vs 20,000 items within 50 MB) against a minimal
 * acknowledging server, (3) batch intake throughput vs bare concurrent POSTs to the reference server.
 * Run: npx tsx --conditions=@hdld/source packages/sdk/bench/client.bench.ts
 */

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Schemas } from '@hdld/spec';
import { openFileJournal } from '../src/batch/file-journal.js';
import { type BatchItem, syncBatch } from '../src/batch/sync-batch.js';
import { sampleContractMainData } from '../src/documents/index.js';
import { createHdldClient } from '../src/index.js';

export type ClientBenchRow = { name: string; value: number; unit: string; target?: string };

const TX_ID = '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e';
const TRANSACTION = JSON.stringify({
  transactionId: TX_ID,
  kind: 'CONTRACT',
  status: 'SUCCEEDED',
  providerReference: 'HD-1',
  receivedAt: '2026-03-02T08:15:30Z',
  payloadSha256: 'a'.repeat(64),
  late: false,
  replay: false,
  errors: [],
});

/** A loopback Platform stand-in: a token, one transaction, and a 202 for every submission. */
async function minimalPlatform(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/v1/oauth/token') {
        response.end(JSON.stringify({ access_token: 'bench', token_type: 'Bearer', expires_in: 3600 }));
      } else if (request.method === 'POST') {
        const { providerReference } = JSON.parse(Buffer.concat(chunks).toString()) as {
          providerReference: string;
        };
        const transactionId = randomUUID();
        response.statusCode = 202;
        response.end(
          JSON.stringify({
            transactionId,
            receivedAt: new Date().toISOString(),
            payloadSha256: 'a'.repeat(64),
            providerReference,
            status: 'RECEIVED',
            statusUrl: `/v1/transactions/${transactionId}`,
          }),
        );
      } else {
        response.end(TRANSACTION);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function perRequestMicros(run: () => Promise<unknown>, count: number): Promise<number> {
  for (let i = 0; i < 200; i++) await run(); // warm up sockets and JIT
  const start = performance.now();
  for (let i = 0; i < count; i++) await run();
  return ((performance.now() - start) * 1000) / count;
}

async function overheadRows(url: string): Promise<ClientBenchRow[]> {
  const client = createHdldClient({
    baseUrl: url,
    credentials: { clientId: 'bench', clientSecret: 'bench' },
  });
  const bare = () =>
    fetch(`${url}/v1/transactions/${TX_ID}`, { headers: { authorization: 'Bearer bench' } }).then((r) =>
      r.json(),
    );
  const sdk = () => client.transactions.get(TX_ID);
  // Interleaved rounds, best of each, so machine noise hits both sides alike.
  let bareBest = Number.POSITIVE_INFINITY;
  let sdkBest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    bareBest = Math.min(bareBest, await perRequestMicros(bare, 2000));
    sdkBest = Math.min(sdkBest, await perRequestMicros(sdk, 2000));
  }
  return [
    { name: 'GET transaction, bare fetch (loopback)', value: Math.round(bareBest), unit: 'µs/request' },
    { name: 'GET transaction, SDK client (loopback)', value: Math.round(sdkBest), unit: 'µs/request' },
    {
      name: 'SDK client overhead vs bare fetch',
      value: Math.round(((sdkBest - bareBest) / bareBest) * 1000) / 10,
      unit: '%',
      target: '<= 5',
    },
  ];
}

/** A synthetic submission with a ~64 KB "PDF", built only when the batch asks for it. */
function syntheticItems(count: number): Iterable<BatchItem> {
  const mainData = sampleContractMainData(1);
  const pdf = Buffer.alloc(48 * 1024, 7).toString('base64');
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) {
        const providerReference = `HD-BENCH-${i}`;
        yield {
          providerReference,
          load: async (): Promise<Schemas['ContractSubmission']> => ({
            providerReference,
            mainData,
            documents: [
              {
                role: 'CONTRACT',
                fileName: 'c.pdf',
                mediaType: 'application/pdf',
                contentBase64: `${pdf}${i}`,
              },
            ],
            evidence: { contentBase64: 'MIAGCSqGSIb3' },
            transactionLog: {
              system: { name: 'bench', version: '1' },
              events: [{ at: '2026-03-02T08:00:00Z', type: 'SIGNED', actor: 'a', actorRole: 'EMPLOYEE' }],
            },
          }),
        };
      }
    },
  };
}

async function batchPeakRss(url: string, count: number): Promise<{ peakMb: number; itemsPerSecond: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'hdld-bench-'));
  const journal = await openFileJournal(join(dir, 'journal.ndjson'));
  const client = createHdldClient({
    baseUrl: url,
    credentials: { clientId: 'bench', clientSecret: 'bench' },
  });
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const summary = await syncBatch(client, syntheticItems(count), {
    concurrency: 8,
    journal,
    waitForOutcomes: false,
  });
  clearInterval(sampler);
  await journal.close();
  await rm(dir, { recursive: true });
  return { peakMb: Math.round(peak / 1e5) / 10, itemsPerSecond: Math.round(summary.itemsPerSecond) };
}

/** Each size in a fresh process (same loader flags), so one run's garbage cannot hide in another's RSS. */
async function batchPeakRssIsolated(
  url: string,
  count: number,
): Promise<{ peakMb: number; itemsPerSecond: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--batch-rss',
    url,
    String(count),
  ]);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { peakMb: number; itemsPerSecond: number };
}

async function rssRows(url: string): Promise<ClientBenchRow[]> {
  const small = await batchPeakRssIsolated(url, 1_000);
  const large = await batchPeakRssIsolated(url, 20_000);
  return [
    { name: 'batch of 1,000: peak RSS', value: small.peakMb, unit: 'MB' },
    { name: 'batch of 20,000: peak RSS', value: large.peakMb, unit: 'MB' },
    {
      name: 'batch RSS growth 1,000 -> 20,000',
      value: Math.round((large.peakMb - small.peakMb) * 10) / 10,
      unit: 'MB',
      target: '<= 50',
    },
    { name: 'batch acknowledgements, minimal server', value: large.itemsPerSecond, unit: 'items/s' },
  ];
}

/** Intake rate of the reference server: bare concurrent POSTs vs syncBatch, same bodies. */
async function intakeRows(count = 400, concurrency = 8): Promise<ClientBenchRow[]> {
  const { startTestServer } = await import('../../server/test/support/test-server.js');
  const server = await startTestServer({ pipelineConcurrency: 1 });
  try {
    const client = createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.sandbox.clientId, clientSecret: server.sandbox.clientSecret },
    });
    const token = (await (
      await fetch(`${server.url}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: server.sandbox.clientId,
          client_secret: server.sandbox.clientSecret,
        }),
      })
    ).json()) as { access_token: string };
    const items = [...syntheticItems(count * 2)];
    let next = 0;
    const bareStart = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const body = await items[next++]!.load();
          const response = await fetch(`${server.url}/v1/contracts`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token.access_token}`,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify(body),
          });
          await response.arrayBuffer();
        }
      }),
    );
    const bare = (count * 1000) / (performance.now() - bareStart);
    const summary = await syncBatch(client, items.slice(count), { concurrency, waitForOutcomes: false });
    return [
      {
        name: `reference server intake, bare POSTs (concurrency ${concurrency})`,
        value: Math.round(bare),
        unit: 'items/s',
      },
      {
        name: `reference server intake, syncBatch (concurrency ${concurrency})`,
        value: Math.round(summary.itemsPerSecond),
        unit: 'items/s',
      },
      {
        name: 'syncBatch share of the bare intake rate',
        value: Math.round((summary.itemsPerSecond / bare) * 100),
        unit: '%',
      },
    ];
  } finally {
    await server.close();
  }
}

export async function runClientBenchmark(): Promise<ClientBenchRow[]> {
  const { url, server } = await minimalPlatform();
  try {
    return [...(await overheadRows(url)), ...(await rssRows(url)), ...(await intakeRows())];
  } finally {
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, url, count] = process.argv.slice(2);
  if (mode === '--batch-rss' && url && count) {
    console.log(JSON.stringify(await batchPeakRss(url, Number(count))));
  } else {
    console.table(await runClientBenchmark());
  }
}
