type BufferLike = {
  from(
    data: ArrayBufferLike | string,
    offsetOrEncoding?: number | string,
    length?: number,
  ): {
    toString(encoding: string): string;
    buffer: ArrayBufferLike;
    byteOffset: number;
    byteLength: number;
  };
};

// Node's Buffer is an order of magnitude faster than btoa for 10 MiB PDFs; browsers fall back.
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
const CHUNK = 0x8000;

/** Standard base64 with padding (RFC 4648 section 4), what `Base64Document` expects. */
export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) {
    const decoded = NodeBuffer.from(text, 'base64');
    return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
  }
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
