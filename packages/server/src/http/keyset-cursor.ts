import { ProblemError } from '../http/problem.js';

/** Keyset position in the newest-first transaction list: opaque to clients, stable under inserts. */
export type TransactionCursor = { receivedAt: Date; id: string };

export function encodeCursor(cursor: TransactionCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): TransactionCursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    const receivedAt = new Date(at);
    if (Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { receivedAt, id };
  } catch {
    throw new ProblemError('REQUEST_INVALID', {
      errors: [
        { code: 'REQUEST_INVALID', pointer: '/query/cursor', detail: 'cursor is not one this API returned' },
      ],
    });
  }
}
