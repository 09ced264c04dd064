import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VerifyOptions } from '../documents/verify/options.js';
import type { PdfVerificationResult } from '../documents/verify/verify-pdf.js';

/** Options a pool sends to its workers once: plain data only (an OCSP hook cannot cross threads). */
export type PoolVerifyOptions = Omit<VerifyOptions, 'ocsp'>;

export interface VerifyPoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  size?: number;
  verify: PoolVerifyOptions;
}

export interface VerifyPool {
  /** Verifies on the least busy worker; the bytes are copied, the caller keeps its buffer. */
  verifyPdf(
    pdf: Uint8Array,
    overrides?: Pick<PoolVerifyOptions, 'validationTime' | 'lang'>,
  ): Promise<PdfVerificationResult>;
  close(): Promise<void>;
}

/**
 * Each worker imports the verifier and keeps it warm: the parsed trust anchors, certificate and chain-link
 * caches live per worker, so after the first file every CA/TSA chain is a cache hit (performance goal of
 * issue 3: use every core for N2/F8 checks).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = workerData.tsLoader ? import(workerData.tsLoader).then((tsx) => tsx.register()) : Promise.resolve();
ready.then(() => import(workerData.moduleUrl)).then(({ verifyPdf }) => {
  parentPort.on('message', ({ id, pdf, overrides }) => {
    verifyPdf(pdf, { ...workerData.options, ...overrides }).then(
      (report) => parentPort.postMessage({ id, report }),
      (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
    );
  });
});
`;

declare const __filename: string | undefined;

/** Where the verifier lives relative to this file: TS sources in development, the tsup bundle when built. */
function verifierModule(): { moduleUrl: string; tsLoader?: string } {
  // import.meta.url is empty in the CommonJS bundle, where __filename exists instead.
  const here = import.meta.url || pathToFileURL(__filename ?? '').href;
  if (here.endsWith('.ts')) {
    // Development (tests, tsx scripts): workers register tsx's ESM hooks (its ESM API, next to its loader) to load .ts sources.
    const tsLoader = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(here).resolve('tsx'))).href;
    return { moduleUrl: new URL('../documents/verify/verify-pdf.ts', here).href, tsLoader };
  }
  return { moduleUrl: new URL(here.endsWith('.cjs') ? './documents.cjs' : './documents.js', here).href };
}

interface Pending {
  resolve(report: PdfVerificationResult): void;
  reject(error: Error): void;
}

export function createVerifyPool(options: VerifyPoolOptions): VerifyPool {
  const workerData = { ...verifierModule(), options: options.verify };
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const workers = Array.from({ length: Math.max(1, options.size ?? availableParallelism()) }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    const state = { worker, inFlight: 0 };
    worker.on('message', (message: { id: number; report?: PdfVerificationResult; error?: string }) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      state.inFlight--;
      if (message.report) job.resolve(message.report);
      else job.reject(new Error(message.error ?? 'verification worker failed'));
    });
    worker.on('error', (error) => {
      for (const [id, job] of pending) {
        pending.delete(id);
        job.reject(error);
      }
    });
    return state;
  });
  return {
    verifyPdf(pdf, overrides = {}) {
      const target = workers.reduce((best, w) => (w.inFlight < best.inFlight ? w : best));
      const id = nextId++;
      target.inFlight++;
      return new Promise<PdfVerificationResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.worker.postMessage({ id, pdf, overrides });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
