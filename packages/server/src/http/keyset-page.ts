import { decodeCursor, encodeCursor, type KeysetCursor } from './keyset-cursor.js';

/** The paging parameters every list operation takes. */
export type PageQuery = { cursor?: string; limit?: number };

const DEFAULT_LIMIT = 100;

/**
 * One page of a newest-first list operation: reads `limit + 1` rows after the cursor (the extra row
 * tells whether another page follows) and returns `limit` of them as items, with the cursor of the
 * next page, null on the last one.
 */
export async function keysetPage<Row, Item>(
  query: PageQuery,
  read: (window: { after?: KeysetCursor; limit: number }) => Promise<Row[]>,
  keyOf: (row: Row) => KeysetCursor,
  itemOf: (row: Row) => Item,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await read({ after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(itemOf),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
