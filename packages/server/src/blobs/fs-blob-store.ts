import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertBlobKey, type BlobInfo, type BlobStore, isBlobKey } from './blob-store.js';

/**
 * Blobs live at `<dir>/ab/cd/<sha256>`. A put streams into `<dir>/tmp/`, hashing as it goes, fsyncs
 * the file, renames it into place and fsyncs the parent directory: after `put` resolves the blob
 * survives a crash, and a crash during `put` leaves at most a stray temp file, never a partial blob.
 */
export function createFsBlobStore({ dir }: { dir: string }): BlobStore {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(dir, key.slice(0, 2), key.slice(2, 4), key);
  };

  return {
    async put(data) {
      await mkdir(tmpDir, { recursive: true });
      const tmpPath = join(tmpDir, `${randomUUID()}.part`);
      const hash = createHash('sha256');
      let size = 0;
      const file = await open(tmpPath, 'wx');
      try {
        for await (const chunk of data instanceof Uint8Array ? [data] : data) {
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
      const finalPath = pathOf(key);
      if (await exists(finalPath)) {
        // Same bytes already stored. Refresh the timestamp so a concurrent orphan collection, which only
        // removes blobs older than its grace period, cannot delete the blob this caller is about to reference.
        await unlink(tmpPath);
        const now = new Date();
        await utimes(finalPath, now, now);
        return { key, size };
      }
      const folder = dirname(finalPath);
      const firstCreated = await mkdir(folder, { recursive: true });
      await rename(tmpPath, finalPath);
      await syncDirectory(folder);
      // Freshly created fan-out folders must be durable too, or the rename could vanish with them.
      if (firstCreated !== undefined) {
        const stop = dirname(firstCreated);
        for (
          let created = folder;
          created !== stop && created !== dirname(created);
          created = dirname(created)
        ) {
          await syncDirectory(dirname(created));
        }
      }
      return { key, size };
    },

    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async stream(key) {
      const path = pathOf(key);
      return (await exists(path)) ? createReadStream(path) : undefined;
    },

    has: async (key) => exists(pathOf(key)),

    async delete(key) {
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

/** Makes the rename itself durable. Some platforms (Windows) cannot fsync a directory; skip there. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync().catch(() => {});
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
