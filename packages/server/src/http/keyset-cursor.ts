import { ProblemError } from './problem.js';

/**
 * Keyset position in a newest-first list ordered by (time DESC, id DESC): opaque to clients and
 * stable while new rows arrive (transactions T10, explanations F36).
 */
export type KeysetCursor = { at: Date; id: string };

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): KeysetCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    const time = new Date(at);
    if (Number.isNaN(time.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { at: time, id };
  } catch {
    throw new ProblemError('REQUEST_INVALID', {
      errors: [
        { code: 'REQUEST_INVALID', pointer: '/query/cursor', detail: 'cursor is not one this API returned' },
      ],
    });
  }
}
