import { createHash } from 'node:crypto';
import type { ProblemDetailItem } from '@hdld/spec';
import { ProblemError } from '../http/problem.js';

export type DecodedFile = { bytes: Uint8Array; sha256: string; pointer: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decoded size limits (spec: Base64Document, CertificationEvidenceFile). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const decodedLength = (base64: string) =>
  (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/**
 * Decodes the base64 files of a submission, checking each once (format and decoded size): a
 * malformed or oversized file is refused at once (T9), so nothing half-usable is ever stored.
 */
export function decodeFiles(
  files: { pointer: string; contentBase64: string; maxBytes: number }[],
): DecodedFile[] {
  const malformed: ProblemDetailItem[] = [];
  const oversized: ProblemDetailItem[] = [];
  for (const f of files) {
    if (!BASE64.test(f.contentBase64)) {
      malformed.push({
        code: 'REQUEST_INVALID',
        pointer: f.pointer,
        detail: `${f.pointer} is not valid base64`,
      });
    } else if (decodedLength(f.contentBase64) > f.maxBytes) {
      oversized.push({
        code: 'FILE_TOO_LARGE',
        pointer: f.pointer,
        detail: `${f.pointer} is larger than ${f.maxBytes} bytes`,
      });
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
  return files.map((f) => {
    const decoded = Buffer.from(f.contentBase64, 'base64');
    const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
    return { bytes, sha256: sha256Hex(bytes), pointer: f.pointer };
  });
}
