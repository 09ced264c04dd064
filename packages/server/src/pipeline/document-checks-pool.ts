import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VerifyOptions } from '@hdld/sdk/documents';
import {
  type DocumentChecksInput,
  type DocumentChecksOutcome,
  runDocumentChecks,
} from './document-checks.js';

/**
 * Runs the per-file checks of transactions (document-checks.ts: PDF structure, signatures and
 * timestamps, evidence, embedded main data) on worker threads, one per core by default, so the
 * event loop keeps to HTTP and the database and both cores verify. A transaction's files cross once,
 * transferred (not copied), and the verdict comes back as plain data.
 *
 * The SDK's verify pool (@hdld/sdk/node createVerifyPool) runs verifyPdf only; the evidence and the
 * embedded data would then be checked on the event loop or cross to a worker a second time.
 */
export type DocumentChecker = {
  check(input: DocumentChecksInput): Promise<DocumentChecksOutcome>;
  close(): Promise<void>;
};

export type DocumentCheckerOptions = {
  trust: VerifyOptions['trust'];
  /** Worker threads; 0 runs the checks on the calling thread. Default: one per core. */
  threads?: number;
  /** Told when the threads cannot start; later checks then run on the calling thread. */
  onError?: (error: unknown) => void;
};

type Reply = { id: number; outcome?: DocumentChecksOutcome; error?: string; ready?: true };
type Pending = { resolve(outcome: DocumentChecksOutcome): void; reject(error: Error): void };
type Thread = { worker: Worker; pending: Map<number, Pending>; ready: boolean };

/** Development and tests run the TypeScript sources: the thread registers tsx, as the SDK's pool does. */
function workerScript(): { source: string; eval: boolean; execArgv?: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts'))
    // Worker wants a path (or URL object) for a file, never a file:// string.
    return { source: fileURLToPath(new URL('./document-checks-worker.js', here)), eval: false };
  const tsLoader = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(here).resolve('tsx'))).href;
  return {
    source: `import(${JSON.stringify(tsLoader)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(
      new URL('./document-checks-worker.ts', here).href,
    )}));`,
    eval: true,
    // The sources import the workspace packages through their source export condition.
    execArgv: ['--conditions=@hdld/source'],
  };
}

/** The transaction's buffers, when each is wholly its own (then they move instead of being copied). */
function transferable(input: DocumentChecksInput): ArrayBuffer[] {
  const buffers = input.files.map((f) => f.bytes.buffer);
  const whole = input.files.every(
    (f) => f.bytes.byteOffset === 0 && f.bytes.byteLength === f.bytes.buffer.byteLength,
  );
  return whole && new Set(buffers).size === buffers.length && buffers.every((b) => b instanceof ArrayBuffer)
    ? (buffers as ArrayBuffer[])
    : [];
}

/** The threads' script, or undefined (then the checks run inline) when it cannot be located. */
function locateScript(onError: DocumentCheckerOptions['onError']) {
  try {
    return workerScript();
  } catch (error) {
    onError?.(error);
    return undefined;
  }
}

export function createDocumentChecker(options: DocumentCheckerOptions): DocumentChecker {
  const size = options.threads ?? availableParallelism();
  const script = size === 0 ? undefined : locateScript(options.onError);
  const threads: Thread[] = [];
  let inline = script === undefined;
  let closed = false;
  let nextId = 0;

  const start = (): Thread => {
    const worker = new Worker(script!.source, {
      eval: script!.eval,
      execArgv: script!.execArgv,
      workerData: { trust: options.trust },
    });
    const thread: Thread = { worker, pending: new Map(), ready: false };
    worker.unref();
    // An unref before the thread is online does not hold (Node 20): unref again once it is, if idle.
    worker.on('online', () => {
      if (thread.pending.size === 0) worker.unref();
    });
    worker.on('message', (reply: Reply) => {
      if (reply.ready) {
        thread.ready = true;
        return;
      }
      const job = thread.pending.get(reply.id);
      if (!job) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if (reply.outcome) job.resolve(reply.outcome);
      else job.reject(new Error(reply.error ?? 'document checks failed'));
    });
    const fail = (error: Error) => {
      const index = threads.indexOf(thread);
      if (index >= 0) threads.splice(index, 1);
      // A thread that never started never will (a missing or broken build): check on this thread.
      if (!thread.ready && !inline && !closed) {
        inline = true;
        options.onError?.(error);
      }
      for (const job of thread.pending.values()) job.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`document checks thread exited with code ${code}`)));
    return thread;
  };

  return {
    check(input) {
      if (inline) return runDocumentChecks(input, options.trust);
      try {
        while (threads.length < size) threads.push(start());
      } catch (error) {
        // A thread that cannot even be created never will: check on this thread from now on.
        inline = true;
        options.onError?.(error);
        return runDocumentChecks(input, options.trust);
      }
      const thread = threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
      const id = nextId++;
      if (thread.pending.size === 0) thread.worker.ref();
      // A thread that dies takes the transferred bytes with it: the job fails and is retried later.
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, input }, transferable(input));
      });
    },
    async close() {
      closed = true;
      await Promise.all(threads.splice(0).map((t) => t.worker.terminate()));
    },
  };
}
