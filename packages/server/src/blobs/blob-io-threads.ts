import { Worker } from 'node:worker_threads';

/**
 * The durable half of the filesystem blob store, run with synchronous system calls on small worker
 * threads. A put is some ten file-system calls (write, fsync, rename, fsync of the folder...): as
 * promises each is a libuv request, a thread-pool hop and a wake-up of the event loop, which cost
 * three times the calls themselves (measured: 2.7 ms of CPU per 200 KB put, 0.9 ms synchronously).
 * Here the whole sequence is one message each way, and its CPU is off the event loop.
 *
 * The steps and their order are those of fs-blob-store.ts: write to `<dir>/tmp/`, fsync, rename into
 * `<dir>/ab/cd/<sha256>`, fsync the folder (and any folder created for it); same bytes already
 * stored: drop the copy and refresh the stored blob's time (the orphan collector's grace period).
 */
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash, randomUUID } = require('node:crypto');
const { dirname, join } = require('node:path');

function syncDirectory(path) {
  let fd;
  try { fd = fs.openSync(path, 'r'); } catch { return; }
  try { fs.fsyncSync(fd); } catch {} finally { fs.closeSync(fd); }
}

function finalize(dir, tmpPath, key) {
  const folder = join(dir, key.slice(0, 2), key.slice(2, 4));
  const finalPath = join(folder, key);
  if (fs.existsSync(finalPath)) {
    fs.unlinkSync(tmpPath);
    const now = new Date();
    fs.utimesSync(finalPath, now, now);
    return;
  }
  const firstCreated = fs.mkdirSync(folder, { recursive: true });
  fs.renameSync(tmpPath, finalPath);
  syncDirectory(folder);
  if (firstCreated !== undefined) {
    const stop = dirname(firstCreated);
    for (let created = folder; created !== stop && created !== dirname(created); created = dirname(created))
      syncDirectory(dirname(created));
  }
}

function openTemp(dir) {
  const tmpPath = join(dir, 'tmp', randomUUID() + '.part');
  try {
    return [tmpPath, fs.openSync(tmpPath, 'wx')];
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    fs.mkdirSync(join(dir, 'tmp'), { recursive: true });
    return [tmpPath, fs.openSync(tmpPath, 'wx')];
  }
}

function put(dir, data) {
  const [tmpPath, fd] = openTemp(dir);
  try {
    for (let written = 0; written < data.byteLength; )
      written += fs.writeSync(fd, data, written, data.byteLength - written);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmpPath, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  const key = createHash('sha256').update(data).digest('hex');
  finalize(dir, tmpPath, key);
  // The bytes go back (moved, not copied): the pipeline usually reads them again at once.
  return [{ key, size: data.byteLength, bytes: data }, [data.buffer]];
}

function get(path) {
  let bytes;
  try { bytes = fs.readFileSync(path); } catch (error) { if (error.code === 'ENOENT') return [undefined]; throw error; }
  // Small reads come from Node's shared buffer pool, which cannot be transferred: copy those.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  return [new Uint8Array(own.buffer, 0, own.byteLength), [own.buffer]];
}

parentPort.on('message', (batch) => {
  const replies = [];
  const transfer = [];
  for (const { id, op, args } of batch) {
    try {
      if (op === 'finalize') replies.push({ id, result: finalize(...args) });
      else {
        const [result, buffers] = op === 'put' ? put(...args) : get(...args);
        replies.push({ id, result });
        if (buffers) transfer.push(...buffers);
      }
    } catch (error) {
      replies.push({ id, error: { message: String(error && error.message), code: error && error.code } });
    }
  }
  parentPort.postMessage(replies, transfer);
});
`;

type Operations = {
  /** `bytes`: the data given, handed back. */
  put: { args: [dir: string, data: Uint8Array]; result: { key: string; size: number; bytes: Uint8Array } };
  finalize: { args: [dir: string, tmpPath: string, key: string]; result: undefined };
  get: { args: [path: string]; result: Uint8Array | undefined };
};

export type BlobIo = {
  /** `transfer`: buffers of the arguments that move to the thread instead of being copied (then detached here). */
  call<Op extends keyof Operations>(
    op: Op,
    args: Operations[Op]['args'],
    transfer?: ArrayBuffer[],
  ): Promise<Operations[Op]['result']>;
};

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type Request = { id: number; op: keyof Operations; args: unknown[] };
type Reply = { id: number; result?: unknown; error?: { message: string; code?: string } };
type Thread = { worker: Worker; pending: Map<number, Pending> };

/**
 * Two threads: an fsync waits for the disk (about a millisecond here), so one thread would cap the
 * store near 500 puts a second; the second keeps the disk busy while the first waits.
 */
const THREADS = 2;

function startThread(onExit: (thread: Thread) => void): Thread {
  const worker = new Worker(THREAD_SOURCE, { eval: true });
  // An idle thread never keeps the process alive; one with work in hand does (see call).
  worker.unref();
  const thread: Thread = { worker, pending: new Map() };
  // An unref before the thread is online does not hold (Node 20): unref again once it is, if idle.
  worker.on('online', () => {
    if (thread.pending.size === 0) worker.unref();
  });
  worker.on('message', (replies: Reply[]) => {
    for (const reply of replies) {
      const job = thread.pending.get(reply.id);
      if (!job) continue;
      thread.pending.delete(reply.id);
      if (reply.error) job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else job.resolve(reply.result);
    }
    if (thread.pending.size === 0) worker.unref();
  });
  const fail = (error: Error) => {
    for (const job of thread.pending.values()) job.reject(error);
    thread.pending.clear();
    onExit(thread);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`blob I/O thread exited with code ${code}`)));
  return thread;
}

/**
 * Calls made in the same tick travel as one message (both files of a submission, the puts of
 * concurrent requests): each message and its answer wake a sleeping thread, which costs about
 * 0.1 ms of CPU here, as much as a small put itself.
 */
function startBlobIo(): BlobIo {
  let nextId = 0;
  const threads: Thread[] = [];
  let batch: { request: Request; pending: Pending; transfer?: ArrayBuffer[] }[] = [];
  const replace = (dead: Thread) => {
    const index = threads.indexOf(dead);
    if (index >= 0) threads.splice(index, 1);
  };
  const flush = () => {
    const sending = batch;
    batch = [];
    while (threads.length < THREADS) threads.push(startThread(replace));
    const thread = threads.reduce((best, t) => (t.pending.size < best.pending.size ? t : best));
    if (thread.pending.size === 0) thread.worker.ref();
    for (const { request, pending } of sending) thread.pending.set(request.id, pending);
    thread.worker.postMessage(
      sending.map((s) => s.request),
      sending.flatMap((s) => s.transfer ?? []),
    );
  };
  return {
    call(op, args, transfer) {
      return new Promise((resolve, reject) => {
        if (batch.length === 0) queueMicrotask(flush);
        batch.push({
          request: { id: nextId++, op, args },
          pending: { resolve: resolve as (value: unknown) => void, reject },
          transfer,
        });
      });
    },
  };
}

let shared: BlobIo | undefined;

/** One set of I/O threads per process, started on first use, shared by every filesystem blob store. */
export function blobIo(): BlobIo {
  shared ??= startBlobIo();
  return shared;
}
