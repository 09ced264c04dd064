import { createHash } from 'node:crypto';
import { openapiDocument } from '@hdld/spec';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFilesOf } from '../../src/http/body-files.js';
import { FILES_AS_BYTES_ROUTES, useHashedJsonBodies } from '../../src/http/json-body.js';
import { itemSha256 } from '../../src/intake/packages-from-requests.js';

let app: FastifyInstance;
/** A route whose files may stay bytes, and one whose files are always strings. */
const BYTES_ROUTE = '/v1/contracts';
const ROUTES = [BYTES_ROUTE, '/echo'];

beforeAll(async () => {
  app = Fastify();
  useHashedJsonBodies(app);
  for (const url of ROUTES) {
    app.post(url, async (request) => ({
      sha256: request.bodySha256,
      cut: request.bodyFiles !== undefined,
      parsed: request.body,
      // The body as the client wrote it: every placeholder back to its file.
      body: JSON.parse(bodyFilesOf(request).spliced(JSON.stringify(request.body)).join('')),
    }));
  }
  app.post('/v1/contracts/batch', async (request) => {
    const { items } = request.body as { items: unknown[] };
    return items.map((item) => itemSha256(item, bodyFilesOf(request)));
  });
  await app.ready();
});
afterAll(() => app.close());

async function post(payload: string, url = BYTES_ROUTE) {
  const response = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json' },
  });
  return {
    status: response.statusCode,
    json: response.json() as { sha256?: string; cut?: boolean; parsed?: unknown; body?: unknown },
  };
}

const base64 = fc.uint8Array({ minLength: 0, maxLength: 3000 }).map((b) => Buffer.from(b).toString('base64'));
/** Submission-like bodies: Vietnamese text, files under contentBase64 at several depths, odd spacing. */
const body = fc.record({
  providerReference: fc.string(),
  // '__proto__' is refused (prototype poisoning), as the next test shows.
  mainData: fc.dictionary(
    fc.string().filter((key) => key !== '__proto__'),
    fc.oneof(fc.string(), fc.constant('Nguyễn Văn Ánh'), fc.integer()),
  ),
  documents: fc.array(fc.record({ fileName: fc.string(), contentBase64: base64 }), { maxLength: 3 }),
  evidence: fc.record({ contentBase64: base64 }),
  note: fc.constantFrom('"contentBase64": "AAAA"', '\\"contentBase64\\":', 'contentBase64'),
});

// HTTP JSON bodies (T5): the parsed body and its SHA-256 are those of the bytes sent, however large.
describe('hashed JSON bodies', () => {
  it('parses any body exactly as JSON.parse does, large or small (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom(0, 2, 'spaced' as const),
        fc.constantFrom(...ROUTES),
        async (value, style, url) => {
          // Padding makes some bodies large enough for the files to be cut out before parsing.
          const padded = { ...value, padding: 'x'.repeat(value.documents.length % 2 ? 70_000 : 0) };
          let text = JSON.stringify(padded, null, style === 'spaced' ? undefined : style);
          if (style === 'spaced') text = text.replaceAll('"contentBase64":', '"contentBase64" :\n ');
          const { status, json } = await post(text, url);
          expect(status).toBe(200);
          expect(json.body).toEqual(JSON.parse(text));
          expect(json.sha256).toBe(createHash('sha256').update(text).digest('hex'));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses what JSON.parse refuses, and prototype poisoning, in large bodies too', async () => {
    const file = 'QUFB'.repeat(20_000);
    for (const text of [
      `{"contentBase64":"${file}"`,
      `{"contentBase64":"${file}",}`,
      `{"contentBase64":"${file}","__proto__":{"x":1}}`,
      `{"a":"\\"contentBase64\\":\\"${file}"}x`,
    ]) {
      expect((await post(text)).status).toBe(400);
    }
    // A file with an escape or a non-ASCII character is parsed as it is, with the whole body.
    const escaped = `{"contentBase64":"${file}\\u0041","other":"${file}é"}`;
    expect((await post(escaped)).json).toMatchObject({ cut: false, body: JSON.parse(escaped) });
  });

  it('keeps large files as bytes on submission routes only, short values in the text', async () => {
    const file = 'QUFB'.repeat(20_000);
    const text = JSON.stringify({ documents: [{ contentBase64: file }], evidence: { contentBase64: '' } });
    const submission = (await post(text)).json;
    expect(submission).toMatchObject({ cut: true, body: JSON.parse(text) });
    expect(submission.parsed).toEqual({
      documents: [{ contentBase64: expect.not.stringMatching(file) }],
      evidence: { contentBase64: '' },
    });
    expect((await post(text, '/echo')).json).toMatchObject({ cut: false, parsed: JSON.parse(text) });
  });

  it('gives each batch item the SHA-256 of its JSON, files included, when they stay bytes', async () => {
    const file = (n: number) => Buffer.alloc(30_000 + n, n).toString('base64');
    const items = [0, 1, 2].map((n) => ({
      providerReference: `HĐ-${n}`,
      documents: [{ fileName: 'hợp đồng.pdf', contentBase64: file(n) }],
      evidence: { contentBase64: file(n + 3) },
    }));
    const response = await app.inject({
      method: 'POST',
      url: '/v1/contracts/batch',
      payload: JSON.stringify({ items }),
      headers: { 'content-type': 'application/json' },
    });
    const sha256 = (item: unknown) => createHash('sha256').update(JSON.stringify(item)).digest('hex');
    expect(response.json()).toEqual(items.map(sha256));
  });

  it('keeps files as bytes only where the spec asks of a file nothing a placeholder fails', () => {
    const spec = openapiDocument as unknown as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: object }> } } }>;
      components: { schemas: Record<string, object> };
    };
    const resolve = (schema: unknown) => {
      const ref = (schema as { $ref?: string } | undefined)?.$ref;
      return ref ? spec.components.schemas[ref.split('/').pop()!] : schema;
    };
    /** The `contentBase64` schemas reachable from `schema`, references followed. */
    const fileSchemas = (schema: unknown, seen = new Set<unknown>()): object[] => {
      const node = resolve(schema);
      if (!node || typeof node !== 'object' || seen.has(node)) return [];
      seen.add(node);
      const file = (node as { properties?: { contentBase64?: unknown } }).properties?.contentBase64;
      return [
        ...(file ? [resolve(file) as object] : []),
        ...Object.values(node).flatMap((child) => fileSchemas(child, seen)),
      ];
    };
    for (const url of FILES_AS_BYTES_ROUTES) {
      const operation = spec.paths[url.replace(/:(\w+)/g, '{$1}')]?.post;
      const files = fileSchemas(operation?.requestBody.content['application/json']?.schema);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        // A placeholder is a string of 36 characters or more.
        expect(file).not.toHaveProperty('format');
        expect(file).not.toHaveProperty('maxLength');
        expect(file).not.toHaveProperty('pattern');
        expect((file as { minLength?: number }).minLength ?? 0).toBeLessThanOrEqual(36);
      }
    }
  });
});
