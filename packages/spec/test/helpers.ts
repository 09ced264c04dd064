/**
 * Shared helpers for the spec tests: the bundled document as plain JSON, an Ajv 2020 instance that
 * knows it (so `#/components/...` references resolve), and walkers over every example.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openapiDocument } from '../src/generated/document.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const doc = structuredClone(openapiDocument) as unknown as JsonObject;
const SPEC_ID = 'https://hdld.invalid/openapi.json';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901 pointer of a path of keys. */
export function pointer(keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function get(keys: readonly string[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of keys) node = isObject(node) ? node[key] : undefined;
  return node;
}

/** Follows a local `$ref` (`#/components/...`) once; returns the object unchanged otherwise. */
export function deref(value: Json | undefined): Json | undefined {
  let current = value;
  for (let hops = 0; hops < 10 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`Non-local $ref ${ref}`);
    current = get(
      ref
        .slice(2)
        .split('/')
        .map((k) => decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~')),
    );
    if (current === undefined) throw new Error(`Unresolved $ref ${ref}`);
  }
  return current;
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI-only formats that carry no constraint on a JSON string.
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  ajv.addSchema(doc as object, SPEC_ID);
  return ajv;
}

const ajv = createAjv();
const validators = new Map<string, ValidateFunction>();

/** A validator for the schema at a JSON pointer of the bundled document. */
export function validatorAt(schemaPointer: string): ValidateFunction {
  let validate = validators.get(schemaPointer);
  if (!validate) {
    const fragment = schemaPointer
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/');
    validate = ajv.compile({ $ref: `${SPEC_ID}#${fragment}` });
    validators.set(schemaPointer, validate);
  }
  return validate;
}

export function componentValidator(name: string): ValidateFunction {
  return validatorAt(pointer(['components', 'schemas', name]));
}

export type ExampleCase = { where: string; schemaPointer: string; value: Json; componentName?: string };

/** Media-type examples (`example` and `examples.*.value`) of a media type object at `keys`. */
function mediaTypeExamples(media: JsonObject, keys: (string | number)[], into: ExampleCase[]): void {
  if (!isObject(media.schema)) return;
  const schemaPointer = pointer([...keys, 'schema']);
  const ref = media.schema.$ref;
  const componentName =
    typeof ref === 'string' && ref.startsWith('#/components/schemas/')
      ? ref.slice('#/components/schemas/'.length)
      : undefined;
  const base = { schemaPointer, ...(componentName ? { componentName } : {}) };
  if (media.example !== undefined)
    into.push({ where: `${pointer(keys)}/example`, value: media.example, ...base });
  if (isObject(media.examples)) {
    for (const [name, example] of Object.entries(media.examples)) {
      const resolved = deref(example);
      if (isObject(resolved) && resolved.value !== undefined) {
        into.push({ where: `${pointer(keys)}/examples/${name}`, value: resolved.value, ...base });
      }
    }
  }
}

function contentExamples(owner: JsonObject, keys: (string | number)[], into: ExampleCase[]): void {
  if (!isObject(owner.content)) return;
  for (const [type, media] of Object.entries(owner.content)) {
    if (isObject(media)) mediaTypeExamples(media, [...keys, 'content', type], into);
  }
}

/** `example` on a parameter or header validated against its `schema`. */
function schemaOwnerExample(owner: JsonObject, keys: (string | number)[], into: ExampleCase[]): void {
  if (owner.example !== undefined && isObject(owner.schema)) {
    into.push({
      where: pointer([...keys, 'example']),
      schemaPointer: pointer([...keys, 'schema']),
      value: owner.example,
    });
  }
}

/** Every media-type, parameter and header example of the document (components and paths). */
export function mediaExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const components = doc.components as JsonObject;
  for (const [name, response] of Object.entries((components.responses ?? {}) as JsonObject)) {
    if (isObject(response)) contentExamples(response, ['components', 'responses', name], cases);
  }
  for (const [name, parameter] of Object.entries((components.parameters ?? {}) as JsonObject)) {
    if (isObject(parameter)) schemaOwnerExample(parameter, ['components', 'parameters', name], cases);
  }
  for (const [name, header] of Object.entries((components.headers ?? {}) as JsonObject)) {
    if (isObject(header)) schemaOwnerExample(header, ['components', 'headers', name], cases);
  }
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const keys = ['paths', path, method];
      (Array.isArray(op.parameters) ? op.parameters : []).forEach((p, i) => {
        if (isObject(p) && p.$ref === undefined) schemaOwnerExample(p, [...keys, 'parameters', i], cases);
      });
      if (isObject(op.requestBody)) contentExamples(op.requestBody, [...keys, 'requestBody'], cases);
      for (const [status, response] of Object.entries((op.responses ?? {}) as JsonObject)) {
        if (!isObject(response) || response.$ref !== undefined) continue;
        contentExamples(response, [...keys, 'responses', status], cases);
        for (const [name, header] of Object.entries((response.headers ?? {}) as JsonObject)) {
          if (isObject(header) && header.$ref === undefined) {
            schemaOwnerExample(header, [...keys, 'responses', status, 'headers', name], cases);
          }
        }
      }
    }
  }
  return cases;
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs'] as const;
const SUBSCHEMA_LISTS = ['oneOf', 'anyOf', 'allOf', 'prefixItems'] as const;
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'] as const;

function walkSchema(
  schema: Json,
  keys: (string | number)[],
  into: ExampleCase[],
  componentName?: string,
): void {
  if (!isObject(schema)) return;
  const schemaPointer = pointer(keys);
  const base = { schemaPointer, ...(componentName ? { componentName } : {}) };
  if (schema.example !== undefined)
    into.push({ where: `${schemaPointer}/example`, value: schema.example, ...base });
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, i) => {
      into.push({ where: `${schemaPointer}/examples/${i}`, value, ...base });
    });
  }
  for (const key of SUBSCHEMA_MAPS) {
    if (isObject(schema[key])) {
      for (const [name, sub] of Object.entries(schema[key])) walkSchema(sub, [...keys, key, name], into);
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) {
      list.forEach((sub, i) => {
        walkSchema(sub, [...keys, key, i], into);
      });
    }
  }
  for (const key of SUBSCHEMA_SINGLE) walkSchema(schema[key] as Json, [...keys, key], into);
}

/** Every `example`/`examples` inside component schemas (only top-level ones carry `componentName`). */
export function schemaExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const schemas = (doc.components as JsonObject).schemas as JsonObject;
  for (const [name, schema] of Object.entries(schemas)) {
    walkSchema(schema, ['components', 'schemas', name], cases, name);
  }
  return cases;
}

/** All operations as [path, method, operation]. */
export function operations(): [string, string, JsonObject][] {
  const out: [string, string, JsonObject][] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (isObject(op)) out.push([path, method, op]);
    }
  }
  return out;
}
