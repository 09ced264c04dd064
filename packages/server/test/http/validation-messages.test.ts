import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AjvIssue, describeIssue } from '../../src/http/validation-messages.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

/** The issues Ajv itself reports for `value` against `schema` (real params, real messages). */
function issues(schema: object, value: unknown): AjvIssue[] {
  const validate = ajv.compile(schema);
  validate(value);
  return (validate.errors ?? []) as AjvIssue[];
}

/** English words of Ajv's messages: none may be left in a Vietnamese detail. */
const ENGLISH =
  /\b(must|should|have|fewer|more|than|characters|items|match|pattern|format|allowed|equal|property|properties|required|schema|type|string|integer|number|object|array|invalid)\b/i;

const CASES: [string, object, unknown][] = [
  ['required', { type: 'object', required: ['text'] }, {}],
  ['additionalProperties', { type: 'object', additionalProperties: false }, { extra: 1 }],
  ['type', { type: 'integer' }, 'x'],
  ['minLength', { type: 'string', minLength: 10 }, 'short'],
  ['maxLength', { type: 'string', maxLength: 2 }, 'long'],
  ['pattern', { type: 'string', pattern: '^[0-9]{12}$' }, 'x'],
  ['format', { type: 'string', format: 'date' }, '2026-13-40'],
  ['enum', { enum: ['MALE', 'FEMALE'] }, 'X'],
  ['const', { const: 'A' }, 'B'],
  ['minimum', { type: 'integer', minimum: 1 }, 0],
  ['maximum', { type: 'integer', maximum: 500 }, 501],
  ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 0 }, 0],
  ['multipleOf', { type: 'number', multipleOf: 5 }, 7],
  ['minItems', { type: 'array', minItems: 1 }, []],
  ['maxItems', { type: 'array', maxItems: 1 }, [1, 2]],
  ['uniqueItems', { type: 'array', uniqueItems: true }, [1, 1]],
  ['minProperties', { type: 'object', minProperties: 1 }, {}],
  ['oneOf', { oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] }, 'x'],
  ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true],
  ['not', { not: { type: 'string' } }, 'x'],
];

/** Issue 14: every field error of the validator in Vietnamese too, the JSON pointer kept (T9). */
describe('validator messages en + vi', () => {
  it.each(CASES)('%s: a Vietnamese text without English, the pointer first', (keyword, schema, value) => {
    const found = issues({ type: 'object', properties: { field: schema } }, { field: value }).filter(
      (i) => i.keyword === keyword,
    );
    expect(found.length, keyword).toBeGreaterThan(0);
    for (const issue of found) {
      const { pointer, detail } = describeIssue(issue, '/query');
      expect(pointer.startsWith('/query/field')).toBe(true);
      expect(detail.en.startsWith(`${pointer} `)).toBe(true);
      expect(detail.vi.startsWith(`${pointer} `)).toBe(true);
      expect(detail.vi.slice(pointer.length)).not.toMatch(ENGLISH);
      expect(detail.vi).not.toContain('không hợp lệ');
    }
  });

  it('keeps any pointer as given, whatever the property names', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z0-9_~]{1,8}$/), { maxLength: 4 }), (parts) => {
        const instancePath = parts.map((p) => `/${p}`).join('');
        const issue = { instancePath, keyword: 'minLength', params: { limit: 3 }, message: 'x' };
        const { pointer, detail } = describeIssue(issue, '');
        expect(pointer).toBe(instancePath || '/');
        expect(detail.vi).toBe(`${pointer} phải có ít nhất 3 ký tự`);
      }),
    );
  });

  describe('over HTTP, chosen by Accept-Language', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => server?.close());

    it('answers the same pointers in both languages', async () => {
      const token = await fetch(`${server.url}/v1/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: server.sandbox.clientId,
          client_secret: server.sandbox.clientSecret,
        }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const ask = (lang: string) =>
        fetch(`${server.url}/v1/explanations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'accept-language': lang,
            'idempotency-key': crypto.randomUUID(),
          },
          body: JSON.stringify({ transactionIds: ['x'], text: 'short', extra: true }),
        }).then(async (r) => (await r.json()) as { errors: { pointer: string; detail: string }[] });
      const [vi, en] = [await ask('vi'), await ask('en')];
      expect(vi.errors.map((e) => e.pointer)).toEqual(en.errors.map((e) => e.pointer));
      expect(vi.errors.map((e) => e.detail)).toEqual(
        expect.arrayContaining([
          '/text phải có ít nhất 10 ký tự',
          '/extra không được phép (trường không có trong lược đồ)',
        ]),
      );
      expect(en.errors.map((e) => e.detail)).toContain('/text must NOT have fewer than 10 characters');
      for (const e of vi.errors) expect(e.detail.slice(e.pointer.length)).not.toMatch(ENGLISH);
    });
  });
});
