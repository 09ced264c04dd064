/**
 * Worker thread entry of document-checks-pool.ts: runs the per-file checks of one transaction at a
 * time as they arrive. The trust anchors come once, in workerData, so the verifier's anchor and
 * certificate caches stay warm for the life of the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { VerifyOptions } from '@hdld/sdk/documents';
import { type DocumentChecksInput, runDocumentChecks } from './document-checks.js';

const { trust } = workerData as { trust: VerifyOptions['trust'] };
const port = parentPort!;

port.on('message', ({ id, input }: { id: number; input: DocumentChecksInput }) => {
  runDocumentChecks(input, trust).then(
    (outcome) => port.postMessage({ id, outcome }),
    (error: unknown) =>
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
port.postMessage({ ready: true });
