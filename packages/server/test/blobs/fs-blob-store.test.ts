import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/blobs/blob-store.js';
import { createBlobStore } from '../../src/blobs/index.js';

// Content-addressed contract file store (T7, T8, S1.2).
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunks(...parts: Uint8Array[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield part;
}

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of iterable) parts.push(part);
  return Buffer.concat(parts);
}

describe('filesystem blob store', () => {
  let dir: string;
  let store: BlobStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hdld-blobs-'));
    store = createBlobStore({ dir });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 in a two-level fan-out', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 hợp đồng lao động');
    const { key, size } = await store.put(bytes);
    expect(key).toBe(sha256(bytes));
    expect(size).toBe(bytes.byteLength);
    expect(await readdir(join(dir, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
    expect(await store.get(key)).toEqual(new Uint8Array(bytes));
    expect(await store.has(key)).toBe(true);
    expect(await collect((await store.stream(key))!)).toEqual(Buffer.from(bytes));
  });

  it("keeps the caller's bytes unless given up (transfer), and stores the same either way", async () => {
    const bytes = randomBytes(200_000);
    const copy = Buffer.from(bytes);
    const kept = await store.put(bytes);
    expect(bytes.equals(copy)).toBe(true);
    // A view into a larger buffer: its own copy is what travels.
    const view = Buffer.concat([Buffer.from('x'), copy]).subarray(1);
    expect((await store.put(view, { transfer: true })).key).toBe(kept.key);
    expect(view.equals(copy)).toBe(true);
    const given = new Uint8Array(copy);
    expect(await store.put(given, { transfer: true })).toEqual(kept);
    expect(given.byteLength).toBe(0); // moved to the I/O thread, not copied
    expect(await store.get(kept.key)).toEqual(new Uint8Array(copy));
  });

  it('serves the next read of a blob just put from memory, once; later reads from disk', async () => {
    const bytes = randomBytes(100_000);
    const { key } = await store.put(new Uint8Array(bytes), { transfer: true });
    const first = await store.get(key);
    expect(first).toEqual(new Uint8Array(bytes));
    // The reader owns what it got: spoiling it changes neither the blob nor the next read.
    first!.fill(0);
    expect(await store.get(key)).toEqual(new Uint8Array(bytes));
    // The file on disk is the same bytes (the memory copy is not the only one).
    await rm(join(dir, key.slice(0, 2), key.slice(2, 4), key));
    expect(await store.get(key)).toBeUndefined();
  });

  it('streams: any chunking of the same bytes gives the same key and content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.array(fc.nat(4096), { maxLength: 5 }),
        async (bytes, cuts) => {
          const points = [...new Set(cuts.map((cut) => Math.min(cut, bytes.length)))].sort((a, b) => a - b);
          const parts = [0, ...points].map((start, index) =>
            bytes.subarray(start, [...points, bytes.length][index]),
          );
          const streamed = await store.put(chunks(...parts));
          expect(streamed).toEqual({ key: sha256(bytes), size: bytes.length });
          expect(await store.get(streamed.key)).toEqual(bytes);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps one copy of identical content and leaves no temp files behind', async () => {
    const bytes = randomBytes(100_000);
    const first = await store.put(bytes);
    const second = await store.put(chunks(bytes.subarray(0, 10), bytes.subarray(10)));
    expect(second).toEqual(first);
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([{ key: first.key, size: 100_000, modifiedAt: expect.any(Date) }]);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('a put that fails midway leaves neither a blob nor a temp file (atomic)', async () => {
    async function* failing(): AsyncIterable<Uint8Array> {
      yield randomBytes(1000);
      throw new Error('client disconnected');
    }
    await expect(store.put(failing())).rejects.toThrow('client disconnected');
    const listed = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([]);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('deletes, and answers absent keys without throwing', async () => {
    const { key } = await store.put(randomBytes(10));
    expect(await store.delete(key)).toBe(true);
    expect(await store.delete(key)).toBe(false);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.has(key)).toBe(false);
    expect(await store.stream(key)).toBeUndefined();
  });

  it('refuses keys that are not SHA-256 hex (no path traversal)', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(RangeError);
    await expect(store.has('A'.repeat(64))).rejects.toThrow(RangeError);
  });
});
