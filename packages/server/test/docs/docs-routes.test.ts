import { openapiDocument } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedApiDocument } from '../../src/docs/api-document.js';
import { docsLanguage } from '../../src/docs/docs-language.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const operationIds = new Set(
  Object.values(openapiDocument.paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: string }>).flatMap((op) => op.operationId ?? []),
  ),
);

/** S2.4, F11: the reference, the guide in both languages and the document, all from the server. */
describe('documentation served by the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'http://127.0.0.1:18500/' });
  });
  afterAll(async () => server?.close());

  it('publishes the bundled document with this server as its only server', async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const document = (await response.json()) as typeof openapiDocument;
    expect(document.servers).toEqual([
      { url: 'http://127.0.0.1:18500', description: expect.stringContaining('sandbox') },
    ]);
    expect(document.paths).toEqual(openapiDocument.paths);
  });

  it('lists the production URL, not the sandbox one, in production', () => {
    const document = publishedApiDocument('production', 'https://hdld.example.gov.vn');
    expect(document.servers).toEqual([
      { url: 'https://hdld.example.gov.vn', description: expect.any(String) },
    ]);
    expect(JSON.stringify(document.servers)).not.toMatch(/127\.0\.0\.1|sandbox/);
  });

  it('serves /docs with the renderer from this server only', async () => {
    const html = await (await fetch(`${server.url}/docs`)).text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.every((source) => source.startsWith('/'))).toBe(true);
    expect(html).toContain('spec-url="/openapi.json"');
    const bundle = await fetch(`${server.url}/docs/assets/redoc.standalone.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('text/javascript');
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(500_000);
  });

  it('picks the guide language from Accept-Language, Vietnamese by default', async () => {
    const to = async (headers: Record<string, string>) =>
      (await fetch(`${server.url}/docs/guide`, { headers, redirect: 'manual' })).headers.get('location');
    expect(await to({})).toBe('/docs/guide/vi');
    expect(await to({ 'accept-language': 'vi-VN,vi;q=0.9' })).toBe('/docs/guide/vi');
    expect(await to({ 'accept-language': 'en-GB,en;q=0.8' })).toBe('/docs/guide/en');
    expect(docsLanguage('fr, en;q=0.5')).toBe('vi');
    expect((await fetch(`${server.url}/docs/guide/fr`)).status).toBe(404);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`renders the ${lang} guide (flow, error handling, test environment) with working links`, async () => {
      const response = await fetch(`${server.url}/docs/guide/${lang}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      const headings =
        lang === 'vi'
          ? ['Luồng tích hợp', 'Xử lý lỗi', 'Môi trường thử nghiệm']
          : ['flow', 'Error handling', 'test environment'];
      for (const heading of headings) expect(html).toContain(heading);
      const links = [...new Set([...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!))];
      expect(links.length).toBeGreaterThan(10);
      for (const link of links) {
        expect(link.startsWith('/'), link).toBe(true);
        const [path, anchor] = link.split('#');
        expect((await fetch(`${server.url}${path}`)).status, link).toBe(200);
        if (anchor) expect(operationIds, link).toContain(anchor.replace(/^operation\//, ''));
      }
    });
  }

  it('has no English navigation on a Vietnamese page', async () => {
    const html = await (await fetch(`${server.url}/docs?lang=vi`)).text();
    expect(html).toContain('Tài liệu API');
    expect(html).toContain('Hướng dẫn tích hợp');
    expect(html).not.toMatch(/>API reference<|>Integration guide</);
  });
});
