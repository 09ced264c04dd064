import { createHash } from 'node:crypto';
import type { ProblemDetailItem } from '@hdld/spec';
import { ProblemError } from '../http/problem.js';

export type DecodedFile = { bytes: Uint8Array; sha256: string; pointer: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Decodes the base64 files of a submission. Malformed base64 is a format error of the package,
 * answered at once (T9) so nothing half-usable is ever stored.
 */
export function decodeFiles(files: { pointer: string; contentBase64: string }[]): DecodedFile[] {
  const invalid: ProblemDetailItem[] = files
    .filter((f) => !BASE64.test(f.contentBase64))
    .map((f) => ({
      code: 'REQUEST_INVALID',
      pointer: f.pointer,
      detail: `${f.pointer} is not valid base64`,
    }));
  if (invalid.length > 0) {
    throw new ProblemError('REQUEST_INVALID', {
      errors: invalid,
      detail: {
        en: 'A file is not valid base64 (RFC 4648).',
        vi: 'Tệp không đúng mã hóa base64 (RFC 4648).',
      },
    });
  }
  return files.map((f) => {
    const bytes = new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
    return { bytes, sha256: sha256Hex(bytes), pointer: f.pointer };
  });
}
