/** One page of a cursor-paginated list operation. */
export type Page<T> = { items: T[]; nextCursor?: string | null };

export type PageIterable<T> = AsyncIterable<T> & {
  /** Collects items into an array, stopping after `limit` (default 10,000, to bound memory). */
  toArray(options?: { limit?: number }): Promise<T[]>;
};

/** `for await` over every item of a list operation, fetching pages lazily. */
export function paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PageIterable<T> {
  async function* iterate(): AsyncGenerator<T> {
    let cursor: string | undefined;
    do {
      const page = await fetchPage(cursor);
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    [Symbol.asyncIterator]: iterate,
    async toArray({ limit = 10_000 } = {}) {
      const items: T[] = [];
      if (limit <= 0) return items;
      for await (const item of iterate()) {
        items.push(item);
        if (items.length >= limit) break;
      }
      return items;
    },
  };
}
