import { openapiDocument } from '@hdld/spec';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, unknown> };
};
type Operation = {
  operationId?: string;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
};

const doc = structuredClone(openapiDocument) as unknown as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc as object, 'spec');

const escapePointer = (segment: string) =>
  encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));

/** Every operation of the spec, as `operationId` → where it lives in the document. */
export const operations = new Map<string, { path: string; method: string }>();
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (op?.operationId) operations.set(op.operationId, { path, method });
  }
}

/** JSON pointer of the schema the spec declares for this operation, status and media type. */
function schemaPointer(operationId: string, status: number, mediaType: string): string | undefined {
  const location = operations.get(operationId);
  if (!location) throw new Error(`unknown operation ${operationId}`);
  const responses = doc.paths[location.path]![location.method]!.responses;
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : undefined;
  if (!key) throw new Error(`${operationId} declares no ${status} response`);
  let base = `/paths/${escapePointer(location.path)}/${location.method}/responses/${key}`;
  let response = responses[key]!;
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    base = `/components/responses/${escapePointer(name)}`;
    response = doc.components.responses[name] as typeof response;
  }
  if (!response.content) return undefined;
  if (!(mediaType in response.content)) {
    throw new Error(
      `${operationId} ${status}: ${mediaType} is not declared (${Object.keys(response.content).join(', ')})`,
    );
  }
  return `${base}/content/${escapePointer(mediaType)}/schema`;
}

/** Operations whose responses were checked in this test file. */
export const covered = new Set<string>();

/**
 * Checks a real response against the spec (status declared, media type declared, body valid against
 * its schema) and returns the parsed body. Throws with Ajv's errors otherwise.
 */
export async function conforming(operationId: string, response: Response): Promise<unknown> {
  return conformingPayload(operationId, {
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    payload: new Uint8Array(await response.arrayBuffer()),
  });
}

/** The same check on a response as bytes, for `app.inject` answers (test/fuzz). */
export function conformingPayload(
  operationId: string,
  response: { status: number; contentType: string | undefined; payload: Uint8Array },
): unknown {
  const mediaType = (response.contentType ?? '').split(';')[0]!.trim();
  const pointer = schemaPointer(operationId, response.status, mediaType);
  covered.add(operationId);
  if (!pointer) return undefined;
  if (!mediaType.endsWith('json')) return response.payload;
  const body: unknown = JSON.parse(new TextDecoder().decode(response.payload));
  const validate = ajv.getSchema(`spec#${pointer}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  if (!validate(body)) {
    throw new Error(
      `${operationId} ${response.status} does not match the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    );
  }
  return body;
}
