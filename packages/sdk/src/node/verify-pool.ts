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
  /** Verifies on the least busy worker; the bytes are copied once (then moved), the caller keeps its buffer. */
  verifyPdf(
    pdf: Uint8Array,
    overrides?: Pick<PoolVerifyOptions, 'validationTime' | 'lang'>,
  ): Promise<PdfVerificationResult>;
  /** Resolves once every worker has loaded the verifier (optional: requests sent earlier wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Each worker imports the verifier and keeps it warm: the parsed trust anchors, certificate and chain-link
 * caches live per worker, so after the first file every CA/TSA chain is a cache hit (performance goal of
 * issue 3: use every core for N2/F8 checks).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loader = workerData.tsLoader ? import(workerData.tsLoader).then((tsx) => tsx.register()) : Promise.resolve();
const verifier = loader.then(() => import(workerData.moduleUrl));
const message = (error) => String((error && error.message) || error);
parentPort.on('message', ({ id, pdf, overrides }) => {
  verifier.then(({ verifyPdf }) => verifyPdf(pdf, { ...workerData.options, ...overrides })).then(
    (report) => parentPort.postMessage({ id, report }),
    (error) => parentPort.postMessage({ id, error: message(error) }),
  );
});
verifier.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: message(error) }),
);
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

type WorkerMessage =
  | { ready: boolean; error?: string }
  | { id: number; report?: PdfVerificationResult; error?: string };

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
    let loaded!: { resolve(): void; reject(error: Error): void };
    const ready = new Promise<void>((resolve, reject) => {
      loaded = { resolve, reject };
    });
    ready.catch(() => undefined); // also reported through each request; unhandled only if nobody asks
    const state = { worker, inFlight: 0, ready };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        if (message.ready) loaded.resolve();
        else loaded.reject(new Error(message.error ?? 'verification worker failed to start'));
        return;
      }
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      state.inFlight--;
      if (message.report) job.resolve(message.report);
      else job.reject(new Error(message.error ?? 'verification worker failed'));
    });
    worker.on('error', (error) => {
      loaded.reject(error);
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
        // One copy, moved to the worker: cheaper than structured cloning, which copies twice. (The constructor
        // copies; Buffer#slice would be a view, and moving its buffer would detach the caller's memory.)
        const copy = new Uint8Array(pdf);
        target.worker.postMessage({ id, pdf: copy, overrides }, [copy.buffer]);
      });
    },
    async ready() {
      await Promise.all(workers.map((w) => w.ready));
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
