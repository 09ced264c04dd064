import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { blobIo } from './blob-io-threads.js';
import { assertBlobKey, type BlobInfo, type BlobStore, isBlobKey } from './blob-store.js';
import { createRecentBlobs } from './recent-blobs.js';

/** About a hundred ~300 KB submissions' files: those in flight, with room for a short backlog. */
const RECENT_BYTES = 32 * 1024 * 1024;

/**
 * Blobs live at `<dir>/ab/cd/<sha256>`. A put writes into `<dir>/tmp/` (streams are hashed as they
 * come), fsyncs the file, renames it into place and fsyncs the parent directory: after `put` resolves
 * the blob survives a crash, and a crash during `put` leaves at most a stray temp file, never a
 * partial blob. Reads, writes and the final rename run on the I/O threads (blob-io-threads.ts).
 * The bytes of a put come back from the I/O thread and serve the next read of that blob once.
 */
export function createFsBlobStore({
  dir,
  recentBytes = RECENT_BYTES,
}: {
  dir: string;
  /** Memory for the bytes of blobs just put, read once from there (recent-blobs.ts); 0 for none. */
  recentBytes?: number;
}): BlobStore {
  const tmpDir = join(dir, 'tmp');
  const recent = createRecentBlobs(recentBytes);
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(dir, key.slice(0, 2), key.slice(2, 4), key);
  };

  return {
    async put(data, options) {
      if (data instanceof Uint8Array) {
        // Bytes in hand: the I/O threads write, hash and fsync them in one message. A message copies
        // a view's whole ArrayBuffer (twice: in and out of the message), so a view into a larger
        // buffer is cut out first, and that copy, or bytes the caller gives up, move instead.
        const whole =
          data.byteOffset === 0 &&
          data.byteLength === data.buffer.byteLength &&
          data.buffer instanceof ArrayBuffer;
        // new Uint8Array copies (a Buffer's slice would share the memory).
        const own = whole ? data : new Uint8Array(data);
        const moves = own !== data || options?.transfer === true;
        const { key, size, bytes } = await blobIo().call(
          'put',
          [dir, own],
          moves ? [own.buffer as ArrayBuffer] : undefined,
        );
        recent.add(key, bytes);
        return { key, size };
      }
      await mkdir(tmpDir, { recursive: true });
      const tmpPath = join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const file = await open(tmpPath, 'wx');
      try {
        for await (const chunk of data) {
          hash.update(chunk);
          size += chunk.byteLength;
          await file.write(chunk);
        }
        await file.sync();
      } catch (error) {
        await file.close();
        await rm(tmpPath, { force: true });
        throw error;
      }
      await file.close();
      const key = hash.digest('hex');
      await blobIo().call('finalize', [dir, tmpPath, key]);
      return { key, size };
    },

    get: async (key) => recent.take(key) ?? blobIo().call('get', [pathOf(key)]),

    async stream(key) {
      const path = pathOf(key);
      return (await exists(path)) ? createReadStream(path) : undefined;
    },

    has: async (key) => exists(pathOf(key)),

    async delete(key) {
      recent.take(key);
      try {
        await unlink(pathOf(key));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async *list(): AsyncIterable<BlobInfo> {
      for (const first of await subdirectories(dir, /^[0-9a-f]{2}$/)) {
        for (const second of await subdirectories(join(dir, first), /^[0-9a-f]{2}$/)) {
          const folder = join(dir, first, second);
          for (const name of await readdir(folder)) {
            if (!isBlobKey(name)) continue;
            const info = await stat(join(folder, name)).catch(() => undefined);
            if (info) yield { key: name, size: info.size, modifiedAt: info.mtime };
          }
        }
      }
    },
  };
}

async function subdirectories(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && pattern.test(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
