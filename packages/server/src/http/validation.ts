import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * The spec is OpenAPI 3.1, i.e. JSON Schema 2020-12, so requests are validated with Ajv's 2020 dialect.
 * Bodies are validated strictly (no type coercion, nothing removed); path, query and headers arrive
 * as strings and are coerced to the declared types.
 */
function createAjv(coerceTypes: boolean | 'array') {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
  });
  addFormats(ajv);
  // RFC 3339 allows a leap second (23:59:60), which JavaScript's Date cannot hold: every date-time
  // the server reads becomes a Date, so one it cannot parse is refused here (400 with the pointer).
  const rfc3339 = ajv.formats['date-time'] as { validate: (value: string) => boolean };
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => rfc3339.validate(value) && !Number.isNaN(Date.parse(value)),
  });
  return ajv;
}

type ObjectSchema = { properties?: Record<string, unknown>; required?: string[] };

/**
 * Node gives header names in lower case; the spec spells them as HTTP does (`Idempotency-Key`).
 * Fastify lowercases header schemas only for its own compiler, so ours must, or every header
 * limit of the spec (Idempotency-Key's 255 characters) goes unchecked.
 */
function lowerCaseHeaderNames(schema: ObjectSchema): ObjectSchema {
  return {
    ...schema,
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, value]) => [name.toLowerCase(), value]),
          ),
        }
      : {}),
    ...(schema.required ? { required: schema.required.map((name) => name.toLowerCase()) } : {}),
  };
}

export function useSpecValidation(app: FastifyInstance): void {
  const bodies = createAjv(false);
  const parameters = createAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return bodies.compile(schema as object);
    return parameters.compile(httpPart === 'headers' ? lowerCaseHeaderNames(schema as ObjectSchema) : schema);
  });
}
