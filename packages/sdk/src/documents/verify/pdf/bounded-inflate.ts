import type * as NodeZlib from 'node:zlib';

/** node:zlib where available (process.getBuiltinModule: Node >= 20.16); browsers use DecompressionStream. */
const zlib = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:zlib') as typeof NodeZlib | undefined;

/**
 * zlib inflate of a PDF stream, refusing more than `limit` bytes: a few kB of compressed zeros expand to
 * gigabytes, so the output is capped before it is allocated. `undefined` for corrupt or oversized data.
 * node:zlib is preferred: a DecompressionStream costs about 0.7 ms per call, the data 0.03 ms.
 */
export async function inflateAtMost(data: Uint8Array, limit: number): Promise<Uint8Array | undefined> {
  if (zlib) {
    try {
      return new Uint8Array(zlib.inflateSync(data, { maxOutputLength: Math.max(1, limit) }));
    } catch {
      return undefined;
    }
  }
  const reader = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    await reader.cancel().catch(() => {});
    return undefined;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
