import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';
import type { BatchSummary } from '../../src/batch/batch-progress.js';
import type { JournalRecord } from '../../src/batch/journal.js';
import { contractSubmission, createHdldClient } from '../../src/index.js';
import { contractFactory } from '../submissions/support/signed-submissions.js';

const N = 40;
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/batch-child.ts', import.meta.url));

let server: TestServer;
let dir: string;

beforeAll(async () => {
  const factory = await contractFactory();
  server = await startTestServer({}, { trust: factory.trust });
  dir = await mkdtemp(join(tmpdir(), 'hdld-crash-'));
  for (let i = 0; i < N; i++) {
    const reference = `HD-CRASH-${String(i).padStart(4, '0')}`;
    const input = await factory.contract(1000 + i, reference, { small: true });
    await server.platform.identity.register([factory.identityOf(input.mainData)]);
    await writeFile(join(dir, `${reference}.json`), JSON.stringify(contractSubmission(input)));
  }
});
afterAll(() => server?.close());

function runChild(journal: string): ChildProcess & { output: Promise<string> } {
  const child = spawn(
    process.execPath,
    ['--conditions=@hdld/source', '--import', 'tsx', CHILD, dir, journal],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        HDLD_URL: server.url,
        HDLD_CLIENT_ID: server.sandbox.clientId,
        HDLD_PRIVATE_KEY: server.sandbox.privateKeyPem,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const output = new Promise<string>((resolve) => child.on('exit', () => resolve(stdout)));
  return Object.assign(child, { output });
}

async function readJournal(path: string): Promise<JournalRecord[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as JournalRecord];
      } catch {
        return []; // the line SIGKILL tore
      }
    });
}

describe('syncBatch crash and resume (T5; issue 5)', () => {
  it('a run killed with SIGKILL halfway resumes from its journal: one ID per contract, nothing resent', async () => {
    const journal = join(dir, '..', `${dir.split('/').pop()}-journal.ndjson`);
    const first = runChild(journal);
    for (;;) {
      const acknowledged = (await readJournal(journal)).filter((r) => r.type === 'acknowledged').length;
      if (acknowledged >= N / 2) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.kill('SIGKILL');
    await first.output;
    const beforeRerun = await readJournal(journal);
    const acknowledgedBefore = new Set(
      beforeRerun.filter((r) => r.type === 'acknowledged').map((r) => r.providerReference),
    );
    expect(acknowledgedBefore.size).toBeLessThan(N);

    const summary = JSON.parse(await runChild(journal).output) as BatchSummary;
    expect(summary.counts.succeeded + summary.counts.skipped).toBe(N);

    const after = (await readJournal(journal)).slice(beforeRerun.length);
    // The rerun sent no new intent for anything the first run had already got acknowledged.
    const resent = after.filter((r) => r.type === 'intent' && acknowledgedBefore.has(r.providerReference));
    expect(resent).toEqual([]);

    // On the Platform: exactly one transaction and one distinct contract ID per contract.
    const client = createHdldClient({
      baseUrl: server.url,
      credentials: { clientId: server.sandbox.clientId, clientSecret: server.sandbox.clientSecret },
    });
    const transactions = await client.transactions.list({ limit: 500 }).toArray();
    const mine = transactions.filter((t) => t.providerReference.startsWith('HD-CRASH-'));
    expect(mine).toHaveLength(N);
    expect(new Set(mine.map((t) => t.providerReference)).size).toBe(N);
    expect(mine.every((t) => t.status === 'SUCCEEDED')).toBe(true);
    expect(new Set(mine.map((t) => t.contractId)).size).toBe(N);
  });
});
