/**
 * Emits zod 4 source code for the JSON Schema (OpenAPI 3.1) subset the spec uses. Unknown keywords
 * fail loudly so that the generated validators never silently accept more than the spec allows.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  discriminator?: { propertyName: string };
  description?: string;
  [keyword: string]: unknown;
};

const IGNORED = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentMediaType',
  'contentEncoding',
  'externalDocs',
]);

const STRING_FORMATS: Record<string, string> = {
  date: 'z.iso.date()',
  'date-time': 'z.iso.datetime({ offset: true })',
  uuid: 'z.uuid()',
  email: 'z.email()',
  uri: 'z.url()',
  ipv4: 'z.ipv4()',
  byte: 'z.base64()',
};

export function schemaRefName(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

export function zodExpression(
  schema: JsonSchema,
  name: (ref: string) => string,
  path: string,
  depth = 1,
): string {
  for (const key of Object.keys(schema)) {
    if (!IGNORED.has(key) && !key.startsWith('x-') && !HANDLED.has(key)) {
      throw new Error(`${path}: keyword "${key}" is not supported by the zod generator`);
    }
  }
  let expr = baseExpression(schema, name, path, depth);
  if (Array.isArray(schema.type) && schema.type.includes('null')) expr += '.nullable()';
  if (schema.description) expr += `.describe(${JSON.stringify(schema.description.trim())})`;
  return expr;
}

const HANDLED = new Set([
  '$ref',
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'oneOf',
  'anyOf',
  'allOf',
  'discriminator',
]);

function baseExpression(
  schema: JsonSchema,
  name: (ref: string) => string,
  path: string,
  depth: number,
): string {
  if (schema.$ref) return name(schema.$ref);
  if (schema.const !== undefined) return `z.literal(${JSON.stringify(schema.const)})`;
  if (schema.enum) {
    if (schema.enum.every((v) => typeof v === 'string')) return `z.enum(${JSON.stringify(schema.enum)})`;
    return `z.union([${schema.enum.map((v) => `z.literal(${JSON.stringify(v)})`).join(', ')}])`;
  }
  if (schema.oneOf || schema.anyOf) {
    const members = (schema.oneOf ?? schema.anyOf)!.map((s, i) =>
      zodExpression(s, name, `${path}/oneOf/${i}`, depth),
    );
    if (schema.discriminator) {
      return `z.discriminatedUnion(${JSON.stringify(schema.discriminator.propertyName)}, [${members.join(', ')}])`;
    }
    return `z.union([${members.join(', ')}])`;
  }
  if (schema.allOf) {
    const members = schema.allOf.map((s, i) => zodExpression(s, name, `${path}/allOf/${i}`, depth));
    return members.reduce((acc, m) => `z.intersection(${acc}, ${m})`);
  }
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null')[0] : schema.type;
  switch (type) {
    case 'string':
      return stringExpression(schema, path);
    case 'integer':
    case 'number':
      return numberExpression(schema, type);
    case 'boolean':
      return 'z.boolean()';
    case 'null':
      return 'z.null()';
    case 'array': {
      if (!schema.items) throw new Error(`${path}: array without items`);
      let expr = `z.array(${zodExpression(schema.items, name, `${path}/items`, depth)})`;
      if (schema.minItems !== undefined) expr += `.min(${schema.minItems})`;
      if (schema.maxItems !== undefined) expr += `.max(${schema.maxItems})`;
      return expr;
    }
    case 'object':
      return objectExpression(schema, name, path, depth);
    default:
      throw new Error(`${path}: schema without a supported type`);
  }
}

function stringExpression(schema: JsonSchema, path: string): string {
  let expr = 'z.string()';
  if (schema.format) {
    const formatted = STRING_FORMATS[schema.format];
    if (formatted) expr = formatted;
    else if (schema.format !== 'binary' && schema.format !== 'password') {
      throw new Error(`${path}: string format "${schema.format}" is not supported`);
    }
  }
  if (schema.minLength !== undefined) expr += `.min(${schema.minLength})`;
  if (schema.maxLength !== undefined) expr += `.max(${schema.maxLength})`;
  if (schema.pattern) expr += `.regex(new RegExp(${JSON.stringify(schema.pattern)}, 'u'))`;
  return expr;
}

function numberExpression(schema: JsonSchema, type: 'integer' | 'number'): string {
  let expr = type === 'integer' ? 'z.int()' : 'z.number()';
  if (schema.minimum !== undefined) expr += `.gte(${schema.minimum})`;
  if (schema.maximum !== undefined) expr += `.lte(${schema.maximum})`;
  if (schema.exclusiveMinimum !== undefined) expr += `.gt(${schema.exclusiveMinimum})`;
  if (schema.exclusiveMaximum !== undefined) expr += `.lt(${schema.exclusiveMaximum})`;
  return expr;
}

function objectExpression(
  schema: JsonSchema,
  name: (ref: string) => string,
  path: string,
  depth: number,
): string {
  const pad = '  '.repeat(depth);
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(schema.properties ?? {}).map(([key, prop]) => {
    const expr = zodExpression(prop, name, `${path}/properties/${key}`, depth + 1);
    return `${pad}${JSON.stringify(key)}: ${required.has(key) ? expr : `${expr}.optional()`},`;
  });
  const shape = entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${'  '.repeat(depth - 1)}}`;
  const extra = schema.additionalProperties;
  if (extra === false) return `z.strictObject(${shape})`;
  if (typeof extra === 'object') {
    const value = zodExpression(extra, name, `${path}/additionalProperties`, depth + 1);
    return entries.length === 0 ? `z.record(z.string(), ${value})` : `z.object(${shape}).catchall(${value})`;
  }
  // JSON Schema allows unknown properties unless told otherwise; keep them, as the server does.
  return `z.looseObject(${shape})`;
}

/** Collects the component names a schema refers to, for a dependency-ordered output. */
export function referencedSchemas(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) referencedSchemas(s, into);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') into.add(schemaRefName(value));
      else referencedSchemas(value, into);
    }
  }
  return into;
}
