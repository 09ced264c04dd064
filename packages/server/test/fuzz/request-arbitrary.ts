import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CREDENTIALS, type CredentialName } from './credentials.js';
import type { IdPool, PoolKind, PoolRef } from './id-pool.js';
import {
  applyMutations,
  hostileBody,
  hostileString,
  type Mutation,
  mutation,
  wrongContentTypes,
} from './mutations.js';
import { type Override, schemaValue } from './schema-arbitrary.js';
import type { Operation, Parameter, Schema } from './spec-operations.js';

/**
 * One generated request (issue 15), as data fast-check can print and replay: ids of existing
 * resources are references into the IdPool, resolved when the request is sent.
 */
export type ParamValue =
  | { valid: unknown }
  | { pool: PoolRef }
  | { hostile: string }
  /** Put in the URL as it is: bad percent-encoding, slashes, dot segments. */
  | { raw: string };

export type BodyCase =
  | { kind: 'json'; contentType: string | undefined; value: unknown; mutations: Mutation[] }
  | { kind: 'raw'; contentType: string | undefined; payload: string | Uint8Array };

export type FuzzCase = {
  operationId: string;
  credential: CredentialName;
  path: Record<string, ParamValue>;
  query: [string, ParamValue][];
  headers: Record<string, string>;
  body?: BodyCase;
};

/** Which pooled ids a parameter or property takes, by its name (and the operation's path). */
function poolKindOf(name: string, operation: Operation): PoolKind | undefined {
  switch (name) {
    case 'transactionId':
    case 'transactionIds':
      return 'transaction';
    case 'contractId':
    case 'targetContractId':
      return 'contract';
    case 'documentId':
      return 'document';
    case 'explanationId':
      return 'explanation';
    case 'reportId':
      return operation.path.includes('provider-reports') ? 'providerReport' : 'violationReport';
    case 'providerId':
      // Status and technical-info changes go to providers kept for it: a disconnected sandbox provider
      // (DISCONNECTED is final) would turn the rest of the run into 403s.
      return operation.method === 'GET' || operation.operationId === 'rotateWebhookSecret'
        ? 'provider'
        : 'victim';
    case 'providerReference':
      return 'providerReference';
    case 'cursor':
      return 'cursor';
    case 'client_id':
      return 'clientId';
    case 'client_secret':
      return 'clientSecret';
    default:
      return undefined;
  }
}

const poolRef = (kind: PoolKind) => fc.nat().map((pick): PoolRef => ({ $pool: kind, pick }));

/** Addresses as the allow-list takes them (N8); random strings would only ever be refused. */
const cidr = fc.oneof(
  fc.ipV4(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`),
  fc.ipV6(),
);

/** Body properties naming resources get pooled ids half of the time. */
function bodyOverride(operation: Operation): Override {
  return (name, schema) => {
    if (name === 'ipAllowList') return fc.oneof(schemaValue(schema), fc.array(cidr, { maxLength: 3 }));
    const kind = poolKindOf(name, operation);
    if (!kind || kind === 'document') return undefined;
    const own = schemaValue(schema);
    if (schema.type === 'array') {
      return fc.oneof(
        own,
        fc.array(poolRef(kind), { minLength: 1, maxLength: Math.min(schema.maxItems ?? 3, 3) }),
      );
    }
    return fc.oneof(own, poolRef(kind));
  };
}

/** Encoded path segments no client library would build, but any client can send. */
const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%00',
  '%ED%A0%80',
  '%C0%AF',
  '%2e%2e',
  '..',
  '.',
  'a%2Fb',
  'a/b',
  '%20',
  '%F0%9F',
  ';',
  '*',
];

function parameterValue(parameter: Parameter, operation: Operation): fc.Arbitrary<ParamValue> {
  const kind = poolKindOf(parameter.name, operation);
  return fc.oneof(
    { weight: 4, arbitrary: schemaValue(parameter.schema).map((valid) => ({ valid })) },
    ...(kind ? [{ weight: 5, arbitrary: poolRef(kind).map((pool) => ({ pool })) }] : []),
    { weight: 2, arbitrary: hostileString.map((hostile) => ({ hostile })) },
    ...(parameter.in === 'path'
      ? [{ weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((raw) => ({ raw })) }]
      : []),
  );
}

/** Header values as HTTP can carry them (visible Latin-1; Node refuses the rest before any server code). */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

function headerValue(parameter: Parameter): fc.Arbitrary<string> {
  const examples: Record<string, string[]> = {
    'accept-language': ['vi', 'en', 'vi-VN,vi;q=0.9,en;q=0.8', 'fr', '*', 'EN', 'vi;q=abc', ''],
    prefer: [
      'wait=0',
      'wait=1',
      'wait=abc',
      'wait=-1',
      'wait=99999999999999999999',
      'respond-async',
      'wait=1, handling=strict',
    ],
    'if-none-match': ['*', '"abc"', 'W/"abc"', '"', '""'],
  };
  return fc.oneof(
    { weight: 3, arbitrary: schemaValue(parameter.schema).map((v) => headerSafe(String(v))) },
    { weight: 3, arbitrary: fc.constantFrom(...(examples[parameter.name.toLowerCase()] ?? ['x'])) },
    { weight: 1, arbitrary: hostileString.map(headerSafe) },
  );
}

function credentialOf(operation: Operation): fc.Arbitrary<CredentialName> {
  if (!operation.requiresToken) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant('none' as const) },
      { weight: 2, arbitrary: fc.constantFrom(...CREDENTIALS) },
    );
  }
  const operatorOnly = operation.scopes.includes('operations');
  return fc.oneof(
    { weight: operatorOnly ? 2 : 6, arbitrary: fc.constant('provider' as const) },
    { weight: operatorOnly ? 6 : 3, arbitrary: fc.constant('operator' as const) },
    { weight: 2, arbitrary: fc.constant('otherProvider' as const) },
    { weight: 2, arbitrary: fc.constantFrom(...CREDENTIALS) },
  );
}

function bodyOf(operation: Operation): fc.Arbitrary<BodyCase | undefined> {
  if (!operation.body) {
    // A body where the operation takes none, now and then.
    return fc.oneof(
      { weight: 10, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          contentType: fc.constantFrom('application/json', 'text/plain', undefined),
          payload: fc.constantFrom('{}', 'x', '{"a":1}'),
        }),
      },
    );
  }
  const [declared, schema] = Object.entries(operation.body.content)[0] as [string, Schema];
  const valid = schemaValue(schema, bodyOverride(operation));
  const json = (contentType: fc.Arbitrary<string | undefined>, mutations: fc.Arbitrary<Mutation[]>) =>
    fc.record({ kind: fc.constant('json' as const), contentType, value: valid, mutations });
  return fc.oneof(
    { weight: 6, arbitrary: json(fc.constant(declared), fc.constant([])) },
    { weight: 6, arbitrary: json(fc.constant(declared), fc.array(mutation, { minLength: 1, maxLength: 3 })) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        contentType: fc.constant(declared),
        payload: hostileBody,
      }),
    },
    { weight: 1, arbitrary: json(fc.constantFrom(...wrongContentTypes, undefined), fc.constant([])) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Requests for one operation: valid by its schemas, or with some part mutated. */
export function caseOf(operation: Operation): fc.Arbitrary<FuzzCase> {
  const byPlace = (place: Parameter['in']) => operation.parameters.filter((p) => p.in === place);
  const path = fc.record(
    Object.fromEntries(byPlace('path').map((p) => [p.name, parameterValue(p, operation)])),
  ) as fc.Arbitrary<Record<string, ParamValue>>;
  const queryParameters = byPlace('query');
  const query = fc
    .tuple(
      fc
        .subarray(queryParameters)
        .chain((chosen) =>
          chosen.length === 0
            ? fc.constant([] as [string, ParamValue][])
            : fc.tuple(
                ...chosen.map((p) =>
                  parameterValue(p, operation).map((v): [string, ParamValue] => [p.name, v]),
                ),
              ),
        ),
      // Unknown and repeated parameters.
      fc.option(
        fc.constantFrom<[string, ParamValue]>(
          ['unknown', { valid: 'x' }],
          ['limit', { raw: '1&limit=2' }],
          ['', { raw: '' }],
          ['cursor', { raw: '%' }],
        ),
        { freq: 8 },
      ),
    )
    .map(([known, extra]) => (extra ? [...known, extra] : known));
  const headerParameters = byPlace('header');
  const headers = fc
    .tuple(
      ...headerParameters.map((p) =>
        fc.option(headerValue(p), { freq: 2 }).map((v) => [p.name.toLowerCase(), v] as const),
      ),
    )
    .map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== null)) as Record<string, string>);
  return fc.record(
    {
      operationId: fc.constant(operation.operationId),
      credential: credentialOf(operation),
      path,
      query,
      headers,
      body: bodyOf(operation),
    },
    { requiredKeys: ['operationId', 'credential', 'path', 'query', 'headers'] },
  );
}

/**
 * Replaces pool references anywhere in a JSON value by the ids they name, and gives an uploaded
 * file the SHA-256 of its content (a random digest would only ever be ATTACHMENT_DIGEST_MISMATCH).
 */
function withPooledIds(value: unknown, pool: IdPool): unknown {
  if (Array.isArray(value)) return value.map((v) => withPooledIds(v, pool));
  if (value === null || typeof value !== 'object') return value;
  if ('$pool' in value && 'pick' in value) return pool.pick(value as PoolRef);
  const record = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPooledIds(v, pool)]));
  if (typeof record.contentBase64 === 'string' && typeof record.sha256 === 'string') {
    record.sha256 = createHash('sha256').update(Buffer.from(record.contentBase64, 'base64')).digest('hex');
  }
  return record;
}

function formEncoded(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return String(value);
  return new URLSearchParams(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ).toString();
}

export type BuiltRequest = {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

/** The request of a case, with its ids resolved from the pool (authorization is added by the caller). */
export function buildRequest(operation: Operation, c: FuzzCase, pool: IdPool): BuiltRequest {
  const encode = (value: ParamValue): string => {
    if ('raw' in value) return value.raw;
    if ('hostile' in value) return encodeHostile(value.hostile);
    if ('pool' in value) return encodeURIComponent(pool.pick(value.pool));
    return encodeURIComponent(String(value.valid));
  };
  const pathValues: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.path)) pathValues[name] = encode(value);
  // A pooled document comes with its contract, so downloads can succeed.
  const document = c.path.documentId;
  if (document && 'pool' in document) {
    const [contractId, documentId] = pool.pick(document.pool).split('/');
    pathValues.documentId = encodeURIComponent(documentId ?? '');
    if (c.path.contractId && 'pool' in c.path.contractId)
      pathValues.contractId = encodeURIComponent(contractId ?? '');
  }
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name] ?? '');
  const query = c.query.map(([name, value]) => `${encodeURIComponent(name)}=${encode(value)}`).join('&');
  const headers = { ...c.headers };
  let payload: string | Buffer | undefined;
  if (c.body) {
    if (c.body.contentType !== undefined) headers['content-type'] = c.body.contentType;
    if (c.body.kind === 'raw')
      payload = typeof c.body.payload === 'string' ? c.body.payload : Buffer.from(c.body.payload);
    else {
      const value = applyMutations(withPooledIds(c.body.value, pool), c.body.mutations);
      payload =
        c.body.contentType === 'application/x-www-form-urlencoded'
          ? formEncoded(value)
          : (JSON.stringify(value) ?? '');
    }
  }
  return {
    method: operation.method,
    url: query ? `${path}?${query}` : path,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  };
}

/** Encoding hostile strings: lone surrogates cannot be percent-encoded as UTF-8, so they go as `%ED%A0%80`. */
export function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const code = ch.codePointAt(0)!;
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      })
      .join('');
  }
}
