import { createHash } from 'node:crypto';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHashedJsonBodies } from '../../src/http/json-body.js';

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  useHashedJsonBodies(app);
  app.post('/echo', async (request) => ({ sha256: request.bodySha256, body: request.body }));
  await app.ready();
});
afterAll(() => app.close());

async function post(payload: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/echo',
    payload,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.statusCode, json: response.json() as { sha256?: string; body?: unknown } };
}

const base64 = fc.uint8Array({ minLength: 0, maxLength: 3000 }).map((b) => Buffer.from(b).toString('base64'));
/** Submission-like bodies: Vietnamese text, files under contentBase64 at several depths, odd spacing. */
const body = fc.record({
  providerReference: fc.string(),
  mainData: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.constant('Nguyễn Văn Ánh'), fc.integer())),
  documents: fc.array(fc.record({ fileName: fc.string(), contentBase64: base64 }), { maxLength: 3 }),
  evidence: fc.record({ contentBase64: base64 }),
  note: fc.constantFrom('"contentBase64": "AAAA"', '\\"contentBase64\\":', 'contentBase64'),
});

// HTTP JSON bodies (T5): the parsed body and its SHA-256 are those of the bytes sent, however large.
describe('hashed JSON bodies', () => {
  it('parses any body exactly as JSON.parse does, large or small (property)', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(0, 2, 'spaced' as const), async (value, style) => {
        // Padding makes some bodies large enough for the files to be cut out before parsing.
        const padded = { ...value, padding: 'x'.repeat(value.documents.length % 2 ? 70_000 : 0) };
        let text = JSON.stringify(padded, null, style === 'spaced' ? undefined : style);
        if (style === 'spaced') text = text.replaceAll('"contentBase64":', '"contentBase64" :\n ');
        const { status, json } = await post(text);
        expect(status).toBe(200);
        expect(json.body).toEqual(JSON.parse(text));
        expect(json.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      }),
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
    expect((await post(escaped)).json.body).toEqual(JSON.parse(escaped));
  });
});
