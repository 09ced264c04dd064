import fc from 'fast-check';
import { resolve, type Schema } from './spec-operations.js';

/**
 * fast-check arbitraries of values valid against a JSON Schema of the spec (issue 15): what a
 * correct client may send. Long limits are sampled short (a 2,000-character field gets a few dozen
 * characters) since the mutations (mutations.ts) try the boundaries themselves.
 */

/** Lets the caller substitute values by property name (ids of existing resources, real credentials). */
export type Override = (property: string, schema: Schema) => fc.Arbitrary<unknown> | undefined;

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-_/';
const VIETNAMESE = 'ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐĂÂÊÔƠƯ';
/** One code point per unit, so the schema's lengths (Ajv counts code points) hold. */
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 3, arbitrary: fc.constantFrom(...VIETNAMESE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** How long a sampled string or array may get past its minimum. */
const SPAN = 24;

const bound = (min: number | undefined, max: number | undefined) => {
  const low = min ?? 0;
  return { minLength: low, maxLength: Math.max(low, Math.min(max ?? low + SPAN, low + SPAN)) };
};

const date = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function base64(schema: Schema): fc.Arbitrary<string> {
  const { minLength, maxLength } = bound(schema.minLength, schema.maxLength);
  // 3 bytes per 4 characters; at least 3 bytes when a minimum length applies.
  return fc
    .uint8Array({ minLength: Math.ceil((minLength * 3) / 4), maxLength: Math.ceil((maxLength * 3) / 4) })
    .map((bytes) => Buffer.from(bytes).toString('base64'));
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const lengths = bound(schema.minLength, schema.maxLength);
  const fits = (s: string) =>
    [...s].length >= (schema.minLength ?? 0) &&
    [...s].length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return date.map((d) => d.slice(0, 10));
    case 'date-time':
      return date;
    case 'uri':
      return fc.webUrl().filter(fits);
    case 'email':
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.stringMatching(/^[a-z]{1,10}$/))
        .map(([local, domain]) => `${local}@${domain}.vn`);
    case 'byte':
      return base64(schema);
  }
  if ((schema as { contentEncoding?: string }).contentEncoding === 'base64') return base64(schema);
  return fc.string({ unit: textUnit, ...lengths });
}

function objectOf(schema: Schema, override: Override | undefined): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const shape = Object.fromEntries(
    properties.map(([name, property]) => [
      name,
      override?.(name, property) ?? schemaValue(property, override),
    ]),
  );
  const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
  const extra = schema.additionalProperties;
  if (!extra || extra === true || properties.length > 0) return record;
  // A map (additionalProperties is a schema): a few entries with any keys.
  return fc.dictionary(
    fc.string({ unit: textUnit, minLength: 1, maxLength: 12 }),
    schemaValue(extra, override),
    {
      maxKeys: 3,
    },
  );
}

function byType(type: string, schema: Schema, override: Override | undefined): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(
        schema.items ? schemaValue(schema.items, override) : fc.anything(),
        bound(schema.minItems, schema.maxItems),
      );
    default:
      return objectOf(schema, override);
  }
}

const cache = new WeakMap<Schema, fc.Arbitrary<unknown>>();

/** Values valid against `schema`; `override` replaces the values of chosen properties. */
export function schemaValue(given: Schema, override?: Override): fc.Arbitrary<unknown> {
  const schema = resolve(given);
  const cached = override ? undefined : cache.get(schema);
  if (cached) return cached;
  let arbitrary: fc.Arbitrary<unknown>;
  if (schema.const !== undefined) arbitrary = fc.constant(schema.const);
  else if (schema.enum) arbitrary = fc.constantFrom(...schema.enum);
  else if (schema.oneOf ?? schema.anyOf) {
    arbitrary = fc.oneof(...(schema.oneOf ?? schema.anyOf)!.map((branch) => schemaValue(branch, override)));
  } else if (Array.isArray(schema.type)) {
    arbitrary = fc.oneof(...schema.type.map((type) => byType(type, schema, override)));
  } else {
    arbitrary = byType(schema.type ?? (schema.properties ? 'object' : 'string'), schema, override);
  }
  if (!override) cache.set(schema, arbitrary);
  return arbitrary;
}
