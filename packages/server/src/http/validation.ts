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
  return ajv;
}

export function useSpecValidation(app: FastifyInstance): void {
  const bodies = createAjv(false);
  const parameters = createAjv('array');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? bodies : parameters).compile(schema as object),
  );
}
