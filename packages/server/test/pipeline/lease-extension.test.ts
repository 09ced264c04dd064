import { describe, expect, it } from 'vitest';
import { PROCESS_TRANSACTION_JOB } from '../../src/pipeline/transaction-job.js';
import { createJobQueue } from '../../src/queue/index.js';
import { claimTransactionJobs } from '../../src/storage/transaction-jobs.js';
import { engines } from '../support/databases.js';
import { waitForFinal } from '../support/sandbox-kit.js';
import { useHeldPipeline } from '../support/test-pipeline.js';

const LEASE_MS = 1000;

/**
 * A short lease (quick takeover after a crash) is safe for slow checks: the runner renews the lease
 * of the jobs it holds, so a transaction whose processing outlasts the lease is not claimed by
 * another worker meanwhile, and is processed once.
 */
describe.each(engines)('lease renewal of running jobs, on %s', (engine) => {
  const held = useHeldPipeline(engine);

  it('keeps a job processing for three leases its own, then completes it once', async () => {
    const db = held.kit.server.platform.storage.db;
    const sample = await held.kit.sample(71);
    const response = await held.kit.api('/v1/contracts', { body: sample.submission });
    const { transactionId } = (await response.json()) as { transactionId: string };
    const hold = held.registry.holdNext();
    // One job at a time: while it is held, only another worker could claim it.
    held.start({ leaseMs: LEASE_MS, concurrency: 1 });
    await hold.entered;

    // Another worker tries to claim, as a second process would, while the check takes 3 leases.
    const takenOver: unknown[] = [];
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 5));
      takenOver.push(
        ...(await claimTransactionJobs(db, {
          workerId: 'another-process',
          leaseMs: LEASE_MS,
          kind: PROCESS_TRANSACTION_JOB,
          limit: 10,
          completed: [],
        })),
      );
    }
    hold.release();

    expect(takenOver).toEqual([]);
    expect(await waitForFinal(held.kit, transactionId)).toMatchObject({ status: 'SUCCEEDED', replay: false });
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM jobs WHERE payload ->> 'transactionId' = $1`,
      [transactionId],
    );
    await held.stop();
    // Claimed once, and marked done by its holder (the stop marks what finished since the last claim).
    const job = await createJobQueue(db).findById(Number(rows[0]!.id));
    expect(job).toMatchObject({ attempts: 1 });
    expect(job?.doneAt).toBeInstanceOf(Date);
    expect((await held.kit.server.platform.storage.transactions.findById(transactionId))?.attempts).toBe(1);
  });
});
