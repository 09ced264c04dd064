import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { checkFileSize, renderFinding } from '@hdld/sdk';
import type { ProblemDetailItem } from '@hdld/spec';
import { ProblemError } from '../http/problem.js';

/** `sha256` is computed when first read: the intake leaves hashing to the blob store. */
export type DecodedFile = { bytes: Uint8Array; readonly sha256: string; pointer: string };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Base64 text as received: a string, or its ASCII bytes (a file cut out of a large body). */
export type Base64Text = string | Uint8Array;

const PAD = 0x3d;
/** Characters per decoded piece of a file held as bytes: a multiple of 4, small enough to be cheap. */
const CHUNK_CHARS = 8192;

/** Decoded size the length and padding promise; any skipped or stopping character leaves fewer. */
function decodedLength(text: string | Buffer): number {
  const code = (i: number) => (typeof text === 'string' ? text.charCodeAt(i) : text[i]);
  const n = text.length;
  return (n / 4) * 3 - (code(n - 1) === PAD ? (code(n - 2) === PAD ? 2 : 1) : 0);
}

/** What Node's decoder would accept beyond the alphabet: the URL-safe '-' and '_', non-ASCII. */
function hasForeignCharacters(text: string | Buffer): boolean {
  if (typeof text === 'string') {
    // Characters above U+007F take two or more UTF-8 bytes.
    return text.includes('-') || text.includes('_') || Buffer.byteLength(text, 'utf8') !== text.length;
  }
  return text.indexOf(0x2d) !== -1 || text.indexOf(0x5f) !== -1 || !isAscii(text);
}

/**
 * Strict RFC 4648 base64 (the regular expression below), decoded into a buffer of its own (movable
 * to another thread without a copy), or undefined when malformed:
 * `^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$`. That expression costs 2 ms on a
 * 270 KB document; this check costs a tenth of it. Node's decoder skips characters outside the
 * alphabet and stops at an inner '=', so any such character leaves fewer bytes than the length
 * promises; what it does accept beyond the alphabet is refused before decoding. Bytes are decoded
 * a few kB at a time (4-aligned, so only the last piece can hold padding, and each piece gives its
 * full share only if clean): a 270 KB string would cost more than the decoding itself.
 */
export function decodeBase64(base64: Base64Text): Buffer | undefined {
  const text =
    typeof base64 === 'string' ? base64 : Buffer.from(base64.buffer, base64.byteOffset, base64.byteLength);
  if (text.length % 4 !== 0 || hasForeignCharacters(text)) return undefined;
  const out = Buffer.allocUnsafeSlow(decodedLength(text));
  let written = 0;
  if (typeof text === 'string') written = out.write(text, 'base64');
  else {
    for (let at = 0; at < text.length; at += CHUNK_CHARS) {
      written += out.write(text.toString('latin1', at, at + CHUNK_CHARS), written, 'base64');
    }
  }
  return written === out.length ? out : undefined;
}

/**
 * Decodes the base64 files of a submission, checking each once (format and decoded size): a
 * malformed or oversized file is refused at once (T9), so nothing half-usable is ever stored.
 */
export function decodeFiles(
  files: { pointer: string; contentBase64: Base64Text; maxBytes: number }[],
): DecodedFile[] {
  const malformed: ProblemDetailItem[] = [];
  const oversized: ProblemDetailItem[] = [];
  const decoded: Buffer[] = [];
  for (const f of files) {
    const bytes = decodeBase64(f.contentBase64);
    if (!bytes) {
      malformed.push({
        code: 'REQUEST_INVALID',
        pointer: f.pointer,
        detail: `${f.pointer} is not valid base64`,
      });
    } else {
      // The limit `hdld validate` applies offline too (sdk/src/validation/file-checks.ts).
      const tooLarge = checkFileSize(bytes.length, f.maxBytes, f.pointer, f.pointer);
      if (tooLarge.length > 0) oversized.push(...tooLarge.map((finding) => renderFinding(finding, 'en')));
      else decoded.push(bytes);
    }
  }
  if (malformed.length > 0) {
    throw new ProblemError('REQUEST_INVALID', {
      errors: malformed,
      detail: {
        en: 'A file is not valid base64 (RFC 4648).',
        vi: 'Tệp không đúng mã hóa base64 (RFC 4648).',
      },
    });
  }
  if (oversized.length > 0) {
    throw new ProblemError('FILE_TOO_LARGE', {
      errors: oversized,
      detail: {
        en: 'A file is larger than the Platform accepts.',
        vi: 'Tệp vượt quá kích thước Nền tảng chấp nhận.',
      },
    });
  }
  return files.map((f, i) => {
    const buffer = decoded[i]!;
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    let sha256: string | undefined;
    return {
      bytes,
      pointer: f.pointer,
      get sha256() {
        sha256 ??= sha256Hex(bytes);
        return sha256;
      },
    };
  });
}
