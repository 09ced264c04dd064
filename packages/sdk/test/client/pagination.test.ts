import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE_URL, mockPlatform, transaction } from './support/mock-platform.js';

const platform = mockPlatform();

/** Three pages of two transactions each, chained by cursors "p2" and "p3". */
function threePages() {
  platform.server.use(
    http.get(`${BASE_URL}/v1/transactions`, ({ request }) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const page = cursor === null ? 1 : Number(cursor.slice(1));
      const items = [1, 2].map((i) => transaction({ providerReference: `HD-${page}-${i}` }));
      return HttpResponse.json({ items, nextCursor: page < 3 ? `p${page + 1}` : null });
    }),
  );
}

describe('pagination (issue 5; T10 sync history)', () => {
  it('iterates every item of every page with for await, passing the filters on each page', async () => {
    threePages();
    const references: string[] = [];
    for await (const t of platform.client().transactions.list({ status: 'FAILED', limit: 2 })) {
      references.push(t.providerReference);
    }
    expect(references).toEqual(['HD-1-1', 'HD-1-2', 'HD-2-1', 'HD-2-2', 'HD-3-1', 'HD-3-2']);
    const paths = platform.calls('/v1/transactions?status=FAILED&limit=2').length;
    expect(paths).toBe(1);
    expect(platform.calls('/v1/transactions?status=FAILED&limit=2&cursor=p3')).toHaveLength(1);
  });

  it('toArray stops fetching once the limit is reached', async () => {
    threePages();
    const items = await platform.client().transactions.list().toArray({ limit: 3 });
    expect(items.map((t) => t.providerReference)).toEqual(['HD-1-1', 'HD-1-2', 'HD-2-1']);
    expect(platform.seen.filter((r) => r.path.startsWith('/v1/transactions'))).toHaveLength(2);
  });

  it('an empty list yields nothing', async () => {
    platform.server.use(http.get(`${BASE_URL}/v1/transactions`, () => HttpResponse.json({ items: [] })));
    expect(await platform.client().transactions.list().toArray()).toEqual([]);
  });
});
