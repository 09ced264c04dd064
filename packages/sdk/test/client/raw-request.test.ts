import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { BASE_URL, mockPlatform, problem } from './support/mock-platform.js';

const platform = mockPlatform();

/** `client.request`: the raw escape hatch `hdld api` is built on (issue 14). */
describe('client.request (raw call)', () => {
  it('sends the path with its query, the token, the language and one Idempotency-Key for a POST', async () => {
    const bodies: unknown[] = [];
    platform.server.use(
      http.post(`${BASE_URL}/v1/explanations/x/decision`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ ok: true });
      }),
      http.get(`${BASE_URL}/v1/providers`, () => HttpResponse.json({ items: [] })),
    );
    const client = platform.client({ lang: 'vi' });
    const post = await client.request({
      method: 'POST',
      path: '/v1/explanations/x/decision',
      body: JSON.stringify({ decision: 'APPROVED' }),
      headers: { 'content-type': 'application/json', 'x-note': 'a' },
    });
    expect(await post.json()).toEqual({ ok: true });
    expect(bodies).toEqual([{ decision: 'APPROVED' }]);
    const [seen] = platform.calls('/v1/explanations/x/decision');
    expect(seen?.headers.get('authorization')).toBe('Bearer token-1');
    expect(seen?.headers.get('accept-language')).toBe('vi');
    expect(seen?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.headers.get('x-note')).toBe('a');

    const get = await client.request({ method: 'GET', path: '/v1/providers?status=ACTIVE' });
    expect(get.status).toBe(200);
    expect(platform.calls('/v1/providers?status=ACTIVE')).toHaveLength(1);
  });

  it('returns a refusal as the Response, not as a thrown error', async () => {
    platform.server.use(http.get(`${BASE_URL}/v1/providers`, () => problem(403, 'FORBIDDEN')));
    const response = await platform.client().request({ method: 'GET', path: '/v1/providers' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each(['https://elsewhere.test/v1/providers', '//elsewhere.test/x', 'v1/providers'])(
    'refuses %s: the token goes to the configured Platform only',
    (path) => {
      expect(() => platform.client().request({ method: 'GET', path })).toThrow(/must start with \//);
    },
  );
});
