import { openapiDocument } from '@hdld/spec';
import { operations } from '../support/spec-responses.js';

/** A JSON Schema of the spec, as the fuzzer reads it (`$ref`s point into the document). */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

export type Parameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema };

/** What the fuzzer needs of one operation of the spec (issue 15): where it is and what it takes. */
export type Operation = {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** As in the spec: `/v1/contracts/{contractId}`. */
  path: string;
  parameters: Parameter[];
  /** Media type → schema of the request body; undefined for operations without one. */
  body?: { required: boolean; content: Record<string, Schema> };
  requiresToken: boolean;
  /** The OAuth2 scopes the spec lists (`operations` is for Ministry operators). */
  scopes: string[];
  /** Statuses the spec declares (the response check rejects any other). */
  statuses: string[];
};

type Document = {
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, RawOperation>>;
  components: Record<string, Record<string, unknown>>;
};
type RawOperation = {
  parameters?: ({ $ref: string } | Parameter)[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
};

export const document = openapiDocument as unknown as Document;

/** The object a local `$ref` (`#/components/...`) names, following chains of references. */
export function resolve<T>(value: T | { $ref: string }): T {
  let current: unknown = value;
  while (current && typeof current === 'object' && '$ref' in current) {
    const path = (current as { $ref: string }).$ref.replace(/^#\//, '').split('/');
    current = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document);
  }
  return current as T;
}

function readOperation(operationId: string, path: string, method: string): Operation {
  const raw = document.paths[path]![method]!;
  const security = raw.security ?? document.security ?? [];
  return {
    operationId,
    method: method.toUpperCase() as Operation['method'],
    path,
    parameters: (raw.parameters ?? []).map((p) => resolve<Parameter>(p)),
    ...(raw.requestBody
      ? {
          body: {
            required: raw.requestBody.required === true,
            content: Object.fromEntries(
              Object.entries(raw.requestBody.content).map(([type, media]) => [type, media.schema]),
            ),
          },
        }
      : {}),
    requiresToken: security.length > 0,
    scopes: security.flatMap((requirement) => Object.values(requirement).flat()),
    statuses: Object.keys(raw.responses),
  };
}

/** Every operation of the spec (38 at the time of writing), in document order. */
export const specOperations: readonly Operation[] = [...operations].map(([id, { path, method }]) =>
  readOperation(id, path, method),
);
