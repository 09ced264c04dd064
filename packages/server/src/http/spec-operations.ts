import { openapiDocument } from '@hdld/spec';
import type { FastifyRequest } from 'fastify';

/** What the HTTP edge must know of an operation before its handler runs, read from the spec. */
export type SpecOperation = {
  operationId: string;
  /** False for `security: []` (health, JWKS, the token endpoint…). */
  requiresToken: boolean;
  /** The request body's media types, lower case; undefined when the operation takes no body. */
  bodyMediaTypes?: readonly string[];
  /** `requestBody.required`: Fastify validates a body only when one came, so the guards check this. */
  bodyRequired: boolean;
};

type OperationObject = {
  operationId?: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, unknown> };
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function indexOperations(): ReadonlyMap<string, SpecOperation> {
  const document = openapiDocument as unknown as {
    security?: unknown[];
    paths: Record<string, Partial<Record<(typeof METHODS)[number], OperationObject>>>;
  };
  const index = new Map<string, SpecOperation>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const security = operation.security ?? document.security ?? [];
      const content = operation.requestBody?.content;
      index.set(operation.operationId, {
        operationId: operation.operationId,
        requiresToken: security.length > 0,
        bodyRequired: operation.requestBody?.required === true,
        ...(content ? { bodyMediaTypes: Object.keys(content).map((type) => type.toLowerCase()) } : {}),
      });
    }
  }
  return index;
}

const OPERATIONS = indexOperations();

/** The spec operation a request was routed to (fastify-openapi-glue keeps the operationId in the route schema). */
export function specOperationOf(request: FastifyRequest): SpecOperation | undefined {
  const schema = request.routeOptions.schema as { operationId?: string } | undefined;
  return schema?.operationId ? OPERATIONS.get(schema.operationId) : undefined;
}
