import fc from 'fast-check';

/**
 * What a careless or hostile client sends instead of a valid value (issue 15): wrong types, lengths
 * at and past the spec's limits, Unicode edge cases, dates that are not dates, bad base64, missing
 * and extra fields, deep and huge JSON. Applied to one node of a valid value, to a parameter, or to
 * the whole body.
 */

/** Lengths around the limits the spec uses (64, 255, 500, 2000, 2048, 8192) and a few far past them. */
const LENGTHS = [0, 1, 2, 3, 4, 15, 16, 17, 63, 64, 65, 200, 201, 255, 256, 500, 501, 1000, 1001, 2000, 2001];
const LONG_LENGTHS = [2048, 2049, 4096, 8192, 8193, 70_000];

export const unicodeEdgeCases = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udbff\udfff',
  '\u202eRTL override\u202c',
  'مرحبا بالعالم',
  'שלום',
  'e\u0301\u0301\u0301\u0301',
  'Nguye\u0302\u0303n', // decomposed Vietnamese (NFD)
  'Nguyễn Văn A',
  '\ufeffBOM',
  '\u200b\u200d\u2060',
  '\u2028\u2029',
  '👩‍👩‍👧‍👦🇻🇳',
  '\u0007\u001b[31m',
  '\r\n\t',
  '\uffff\ufffe',
  '%00',
  '%ZZ',
  '../../etc/passwd',
  "'; DROP TABLE transactions; --",
  '$' + '{jndi:ldap://x}',
  '<script>alert(1)</script>',
  '   ',
  '',
];

export const dateEdgeCases = [
  '2026-12-31T23:59:60Z',
  '2026-06-30T23:59:60+07:00',
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '2026-01-01T00:00:00+25:00',
  '2026-01-01T24:00:00Z',
  '2026-01-01 00:00:00',
  '1970-01-01T00:00:00.0000000001Z',
];

export const base64EdgeCases = [
  '!!!!',
  'A',
  'AA',
  'AAA',
  'AAA=',
  '====',
  'QUJD\nREVG',
  'QUJD REVG',
  'data:application/pdf;base64,JVBERi0=',
  'JVBERi0xLjcK',
  '-_-_',
];

const numberEdgeCases = [-1, 0, 1, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 1e-300];

const wrongTypes: unknown[] = [null, true, false, 0, -1, 1.5, '', 'x', [], {}, [null], { a: {} }, ['x', 1]];

const repeated = fc
  .tuple(fc.constantFrom('a', 'ệ', '9', '😀', '\u0000'), fc.constantFrom(...LENGTHS, ...LONG_LENGTHS))
  .map(([unit, n]) => unit.repeat(n));

/** A hostile string: Unicode edge cases, boundary lengths, dates and base64 that are not. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...unicodeEdgeCases),
  repeated,
  fc.constantFrom(...dateEdgeCases),
  fc.constantFrom(...base64EdgeCases),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\ud800', '\udc00', 'a', '\u0000', '\u0301'), maxLength: 10 }),
);

/** Nested arrays or objects `depth` levels deep. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...wrongTypes) },
  { weight: 1, arbitrary: fc.constantFrom(...numberEdgeCases) },
  {
    weight: 1,
    // A description, built when applied: fast-check prints generated values, and recursively.
    arbitrary: fc.record({
      $nested: fc.constantFrom(50, 500, 2000),
      kind: fc.constantFrom('array', 'object'),
    }),
  },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 501, maxLength: 2000 }) },
);

const extraKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'extra',
  '',
  'a\u0000',
  '\ud800',
  'x'.repeat(300),
];

/** One change to a JSON value: at which node (by index in a walk of the tree) and what. */
export type Mutation =
  | { at: number; kind: 'replace'; value: unknown }
  | { at: number; kind: 'delete' }
  | { at: number; kind: 'extra'; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ at: fc.nat(), kind: fc.constant('replace' as const), value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ at: fc.nat(), kind: fc.constant('delete' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      at: fc.nat(),
      kind: fc.constant('extra' as const),
      key: fc.constantFrom(...extraKeys),
      value: hostileValue,
    }),
  },
);

type Slot = { parent: Record<string, unknown> | unknown[] | undefined; key: string | number; value: unknown };

function slots(root: unknown): Slot[] {
  const found: Slot[] = [{ parent: undefined, key: '', value: root }];
  for (let i = 0; i < found.length && found.length < 2000; i++) {
    const { value } = found[i]!;
    if (Array.isArray(value)) {
      for (const [key, child] of value.entries()) found.push({ parent: value, key, value: child });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        found.push({ parent: value as Record<string, unknown>, key, value: child });
      }
    }
  }
  return found;
}

type NestedDescription = { $nested: number; kind: 'array' | 'object' };
/**
 * The value a mutation puts in: a copy, since fast-check hands out the same constant object to
 * many cases (and a later mutation of the same case may land inside it: a cycle).
 */
const built = (value: unknown) =>
  value !== null && typeof value === 'object' && '$nested' in value
    ? nested((value as NestedDescription).$nested, (value as NestedDescription).kind)
    : structuredClone(value);

/** `value` with the mutations applied (a copy; the original is left as it was). */
export function applyMutations(value: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(value);
  for (const m of mutations) {
    const all = slots(root);
    const slot = all[m.at % all.length]!;
    if (m.kind === 'extra') {
      const target =
        slot.value !== null && typeof slot.value === 'object' && !Array.isArray(slot.value)
          ? slot.value
          : undefined;
      // defineProperty: a "__proto__" key must become an own property, as JSON.parse would make it.
      if (target)
        Object.defineProperty(target, m.key, {
          value: built(m.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      continue;
    }
    if (!slot.parent) {
      if (m.kind === 'replace') root = built(m.value);
      continue;
    }
    if (m.kind === 'delete') {
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete slot.parent[slot.key as string];
    } else (slot.parent as Record<string, unknown>)[slot.key] = built(m.value);
  }
  return root;
}

/** Whole bodies no schema allows: not JSON, not UTF-8, too deep, empty, the wrong shape. */
export const hostileBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '1',
    '"x"',
    'true',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{"a":1}{"b":2}',
    'NaN',
  ),
  fc.constantFrom(10_000, 100_000).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.constantFrom(10_000, 100_000).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.constant(Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  fc.constant(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
  fc.constant(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])),
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom(200_000, 2_000_000).map((n) => `{"providerReference":"${'a'.repeat(n)}"}`),
  fc.constant(`{"a":"\\ud800","b":"\\u0000"}`),
  fc.constant(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}`),
);

/** Content-Type headers other than the one an operation declares. */
export const wrongContentTypes = [
  'text/plain',
  'application/xml',
  'application/json; charset=iso-8859-1',
  'application/json;charset="UTF-8"',
  'APPLICATION/JSON',
  'application/json; boundary=x; charset=utf-8',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/problem+json',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
  'json',
  ';',
  '',
];
