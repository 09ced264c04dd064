/**
 * (2) Every operation is fully described (operationId, summary, description, tags, explicit
 * security, a 2xx response with an example) and every error response is an RFC 9457 problem whose
 * examples carry a catalog code with the response's status (DOMAIN.md S2.4, T9).
 */
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../src/generated/error-catalog.js';
import { deref, doc, isObject, type JsonObject, operations } from './helpers.js';

const ops = operations();
const codes = errorCatalog.codes as Record<string, { status: number }>;
/** Liveness/readiness probes answer plain JSON (load balancers read them), not problems. */
const PROBES = new Set(['getHealth', 'getReadiness']);

const EXPECTED_OPERATIONS = [
  'createToken',
  'getCaller',
  'submitContract',
  'submitContractBatch',
  'submitConvertedPaperContract',
  'getContract',
  'submitLifecycleDocument',
  'downloadDocument',
  'listTransactions',
  'getTransactionByReference',
  'getTransaction',
  'repushTransaction',
  'getReconciliation',
  'listExplanations',
  'createExplanation',
  'getExplanation',
  'decideExplanation',
  'listProviders',
  'getProvider',
  'changeProviderStatus',
  'updateProviderTechnicalInfo',
  'rotateWebhookSecret',
  'listPublicProviders',
  'listNotifications',
  'listProviderReports',
  'submitProviderReport',
  'getProviderReportTracking',
  'getProviderReport',
  'listViolationReports',
  'generateViolationReport',
  'getViolationReport',
  'actOnViolation',
  'getSandboxClock',
  'registerSandboxIdentities',
  'advanceSandboxClock',
  'getPlatformKeys',
  'getHealth',
  'getReadiness',
];

function responsesOf(op: JsonObject): [string, JsonObject][] {
  return Object.entries((op.responses ?? {}) as JsonObject).map(([status, r]) => {
    const resolved = deref(r);
    if (!isObject(resolved)) throw new Error(`response ${status} is not an object`);
    return [status, resolved];
  });
}

function hasExample(response: JsonObject): boolean {
  if (!isObject(response.content)) return false;
  return Object.values(response.content).some(
    (m) =>
      isObject(m) &&
      (m.example !== undefined || (isObject(m.examples) && Object.keys(m.examples).length > 0)),
  );
}

function headerNames(response: JsonObject): string[] {
  return Object.keys(isObject(response.headers) ? response.headers : {}).map((h) => h.toLowerCase());
}

function parameterNames(op: JsonObject): string[] {
  return (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
    const resolved = deref(p);
    return isObject(resolved) ? String(resolved.name) : '';
  });
}

describe('operations', () => {
  it('has exactly the expected, unique operationIds', () => {
    const ids = ops.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('declares the providerToken and oauth2 security schemes', () => {
    const schemes = (doc.components as JsonObject).securitySchemes as JsonObject;
    expect(Object.keys(schemes).sort()).toEqual(['oauth2', 'providerToken']);
    const oauth2 = schemes.oauth2 as JsonObject;
    const flow = (oauth2.flows as JsonObject).clientCredentials as JsonObject;
    expect(flow.tokenUrl).toBe('/v1/oauth/token');
  });

  describe.each(ops.map(([path, method, op]) => [`${method.toUpperCase()} ${path}`, method, op] as const))(
    '%s',
    (_name, method, op) => {
      const id = String(op.operationId);

      it('has operationId, summary, description, tags and explicit security', () => {
        expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(typeof op.summary).toBe('string');
        expect(String(op.summary).length).toBeGreaterThan(5);
        if (!PROBES.has(id)) expect(String(op.description ?? '').length).toBeGreaterThan(20);
        expect(Array.isArray(op.tags) && op.tags.length > 0).toBe(true);
        expect(Array.isArray(op.security)).toBe(true);
      });

      it('has a 2xx response with an example', () => {
        const ok = responsesOf(op).filter(([status]) => /^2\d\d$/.test(status));
        expect(ok.length).toBeGreaterThan(0);
        expect(ok.some(([, r]) => hasExample(r))).toBe(true);
      });

      it('answers every 4xx/5xx with application/problem+json and the Problem schema', () => {
        for (const [status, response] of responsesOf(op)) {
          if (!/^[45]\d\d$/.test(status) || PROBES.has(id)) continue;
          const content = response.content as JsonObject;
          expect(Object.keys(content), `${id} ${status}`).toEqual(['application/problem+json']);
          const media = content['application/problem+json'] as JsonObject;
          expect((media.schema as JsonObject).$ref, `${id} ${status}`).toBe('#/components/schemas/Problem');
          expect(headerNames(response), `${id} ${status}`).toContain('x-request-id');
          if (status === '429' || status === '503') expect(headerNames(response)).toContain('retry-after');
          // Examples: a catalog code whose status is the response status.
          const examples = [
            ...(media.example !== undefined ? [media.example] : []),
            ...Object.values(isObject(media.examples) ? media.examples : {}).map(
              (e) => (deref(e) as JsonObject).value,
            ),
          ];
          expect(examples.length, `${id} ${status} has a problem example`).toBeGreaterThan(0);
          for (const example of examples) {
            const problem = example as JsonObject;
            expect(problem.status, `${id} ${status}`).toBe(Number(status));
            const entry = codes[String(problem.code)];
            expect(entry, `${id} ${status}: ${String(problem.code)} is in the catalog`).toBeDefined();
            expect(entry?.status, `${id} ${status}: catalog status of ${String(problem.code)}`).toBe(
              Number(status),
            );
            expect(problem.type).toBe(`${errorCatalog.typeBase}${String(problem.code)}`);
          }
        }
      });

      it('carries X-Request-Id on every response except probes and 304', () => {
        if (PROBES.has(id)) return;
        for (const [status, response] of responsesOf(op)) {
          if (status === '304') continue;
          expect(headerNames(response), `${id} ${status}`).toContain('x-request-id');
        }
      });

      it('accepts Idempotency-Key on a POST', () => {
        if (method === 'post') expect(parameterNames(op)).toContain('Idempotency-Key');
      });

      // Issue 15: what the HTTP edge refuses before any handler runs is declared for every operation
      // (400 for a bad parameter or body, 401 without a token, 413 and 415 for a body), and so is 500.
      it('declares every refusal of the HTTP edge', () => {
        const statuses = responsesOf(op).map(([status]) => status);
        const takesInput = parameterNames(op).length > 0 || op.requestBody !== undefined;
        const expected = [
          '500',
          ...(takesInput ? ['400'] : []),
          ...((op.security as unknown[]).length > 0 ? ['401'] : []),
          ...(op.requestBody !== undefined ? ['413', '415'] : []),
        ];
        expect(statuses, id).toEqual(expect.arrayContaining(expected));
      });
    },
  );

  it('lets every submission answer 202 with Location, 200 on replay and 409 on key reuse', () => {
    const submissions = [
      'submitContract',
      'submitContractBatch',
      'submitConvertedPaperContract',
      'submitLifecycleDocument',
    ];
    for (const id of submissions) {
      const op = ops.find(([, , o]) => o.operationId === id)?.[2];
      if (!op) throw new Error(`missing ${id}`);
      const responses = new Map(responsesOf(op));
      expect([...responses.keys()], id).toEqual(
        expect.arrayContaining(['200', '202', '400', '401', '403', '409', '413', '415', '429', '503']),
      );
      if (id !== 'submitContractBatch') expect(headerNames(responses.get('202')!)).toContain('location');
      expect(headerNames(responses.get('200')!)).toContain('idempotent-replayed');
    }
  });

  it('publishes the token and JWKS endpoints without authentication', () => {
    for (const id of ['createToken', 'getPlatformKeys', 'getHealth', 'getReadiness', 'listPublicProviders']) {
      const op = ops.find(([, , o]) => o.operationId === id)?.[2];
      expect(op?.security, id).toEqual([]);
    }
  });
});
