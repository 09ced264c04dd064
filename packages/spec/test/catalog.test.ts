/**
 * (3) The error catalog (DOMAIN.md T9, T10, S2.4 "error codes"): unique codes equal to the
 * ErrorCode enum, bilingual title and fix, a status consistent with the code's class, and a
 * failureClass for every code a transaction can fail with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorCatalog } from '../src/generated/error-catalog.js';
import { doc, type JsonObject } from './helpers.js';

type Entry = {
  status: number;
  stage: string;
  action: string;
  failureClass?: string;
  severity?: string;
  since: string;
  retired?: string;
  legalBasis?: string;
  title: { en: string; vi: string };
  fix: { en: string; vi: string };
};

const source = readFileSync(new URL('../openapi/errors/catalog.yaml', import.meta.url), 'utf8');
const codes = errorCatalog.codes as unknown as Record<string, Entry>;
const entries = Object.entries(codes);
const schemas = (doc.components as JsonObject).schemas as Record<string, { enum?: string[] }>;

const STAGES = [
  'AUTH_TRANSPORT',
  'PACKAGE_SCHEMA',
  'SIGNATURE',
  'IDENTITY',
  'LABOR_RULES',
  'LIFECYCLE',
  'DUPLICATE',
  'PROVIDER_STATUS',
  'OPERATIONS',
  'PLATFORM',
];
const ACTIONS = ['RETRY', 'FIX_AND_RESUBMIT', 'EXPLAIN_AND_WAIT', 'NONE'];
/** Stages whose checks run after intake, on a transaction (N2, F8): their errors fail it. */
const TRANSACTION_STAGES = new Set(['SIGNATURE', 'IDENTITY', 'LABOR_RULES', 'LIFECYCLE']);
/** Codes the brief requires (issue 2). */
const REQUIRED =
  `TRANSACTION_NOT_FOUND REQUEST_INVALID UNAUTHENTICATED INTERNAL_ERROR TOKEN_INVALID TOKEN_EXPIRED
CLIENT_AUTH_FAILED FORBIDDEN RATE_LIMITED PAYLOAD_TOO_LARGE UNSUPPORTED_MEDIA_TYPE IDEMPOTENCY_KEY_REUSED
CONTRACT_NOT_FOUND DOCUMENT_NOT_FOUND BATCH_TOO_LARGE DUPLICATE_PROVIDER_REFERENCE MAIN_DATA_INVALID
MAIN_DATA_MISMATCH LABOR_TERM_INVALID EMPLOYEE_UNDERAGE DOCUMENT_MISSING FILE_TYPE_NOT_ALLOWED FILE_TOO_LARGE
PDF_MALFORMED PDF_TOO_MANY_PAGES PDF_NOT_SIGNED SIGNATURE_INVALID SIGNATURE_DIGEST_MISMATCH
SIGNATURE_BYTERANGE_INVALID SIGNATURE_MODIFIED_AFTER_SIGNING SIGNATURE_PARTY_MISSING CERTIFICATE_UNTRUSTED
CERTIFICATE_EXPIRED CERTIFICATE_REVOKED CERTIFICATE_USAGE_INVALID TIMESTAMP_MISSING TIMESTAMP_INVALID
TIMESTAMP_UNTRUSTED REVOCATION_UNAVAILABLE EVIDENCE_INVALID EVIDENCE_DOCUMENT_MISMATCH CONVERSION_LOG_INVALID
IDENTITY_NOT_FOUND IDENTITY_MISMATCH IDENTITY_REGISTRY_UNAVAILABLE LIFECYCLE_TRANSITION_INVALID
CONTRACT_NOT_CONVERTED PROVIDER_SUSPENDED PROVIDER_DISCONNECTED SANDBOX_ONLY SERVICE_UNAVAILABLE
SUBMISSION_LATE`.split(/\s+/);
/** Content problems found by the asynchronous checks also fail the transaction (T10 file/business). */
const ASYNC_CONTENT_CODES = [
  'DOCUMENT_MISSING',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TOO_LARGE',
  'PDF_MALFORMED',
  'PDF_TOO_MANY_PAGES',
  'MAIN_DATA_MISMATCH',
  'DUPLICATE_PROVIDER_REFERENCE',
  'EVIDENCE_INVALID',
  'EVIDENCE_DOCUMENT_MISMATCH',
  'CONVERSION_LOG_INVALID',
];
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

describe('error catalog', () => {
  it('has unique codes in the YAML source (no silently merged duplicate keys)', () => {
    const keys = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]*):\s*$/gm)].map((m) => m[1]);
    expect(keys.length).toBe(entries.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parse(source).codes).toEqual(errorCatalog.codes);
  });

  it('equals the ErrorCode enum, in the same order', () => {
    expect(schemas.ErrorCode?.enum).toEqual(Object.keys(codes));
  });

  it('contains every code the brief requires', () => {
    expect(Object.keys(codes)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('uses the documented catalog version and type base', () => {
    expect(errorCatalog.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(errorCatalog.typeBase).toMatch(/^https:\/\/.+\/$/);
  });

  describe.each(entries)('%s', (code, entry) => {
    it('is a SCREAMING_SNAKE_CASE code with known stage, action and version', () => {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
      expect(STAGES).toContain(entry.stage);
      expect(ACTIONS).toContain(entry.action);
      expect(entry.since).toMatch(/^\d+\.\d+\.\d+$/);
      if (entry.failureClass !== undefined) expect(schemas.FailureClass?.enum).toContain(entry.failureClass);
      if (entry.severity !== undefined) expect(['ERROR', 'WARNING']).toContain(entry.severity);
      if (entry.legalBasis !== undefined) expect(entry.legalBasis.length).toBeGreaterThan(3);
    });

    it('has an English and a Vietnamese title and fix', () => {
      for (const text of [entry.title, entry.fix]) {
        expect(text.en.trim().length).toBeGreaterThan(3);
        expect(text.vi.trim().length).toBeGreaterThan(3);
        expect(text.vi).not.toBe(text.en);
        expect(text.vi, `${code}: Vietnamese text with diacritics`).toMatch(VIETNAMESE);
        expect(text.en).not.toMatch(VIETNAMESE);
      }
      expect(entry.title.en.length).toBeLessThanOrEqual(200);
      expect(entry.title.vi.length).toBeLessThanOrEqual(200);
    });

    it('has a status that matches its class', () => {
      if (entry.severity === 'WARNING') {
        // Informational: never a problem response, never fails a transaction.
        expect(entry.status).toBeGreaterThanOrEqual(200);
        expect(entry.status).toBeLessThan(300);
        expect(entry.failureClass).toBeUndefined();
        expect(entry.action).toBe('NONE');
        return;
      }
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      if (entry.status >= 500 || entry.status === 429) expect(entry.action).toBe('RETRY');
      if (entry.status === 401) expect(entry.stage).toBe('AUTH_TRANSPORT');
      if (entry.stage === 'PROVIDER_STATUS') expect(entry.status).toBe(403);
      // A transaction failure is the client's to fix, except transient checks that are retried.
      if (entry.failureClass !== undefined && entry.status >= 500) expect(entry.action).toBe('RETRY');
    });

    it('has a failureClass when a transaction can fail with it', () => {
      const failsTransaction = TRANSACTION_STAGES.has(entry.stage) || ASYNC_CONTENT_CODES.includes(code);
      if (failsTransaction && entry.severity !== 'WARNING') expect(entry.failureClass).toBeDefined();
      if (['AUTH_TRANSPORT', 'PROVIDER_STATUS', 'OPERATIONS', 'PLATFORM'].includes(entry.stage)) {
        expect(entry.failureClass).toBeUndefined();
      }
    });
  });

  it('classifies file, signature and business failures as T10 expects', () => {
    expect(codes.PDF_MALFORMED?.failureClass).toBe('FILE');
    expect(codes.FILE_TYPE_NOT_ALLOWED?.failureClass).toBe('FILE');
    expect(codes.SIGNATURE_INVALID?.failureClass).toBe('SIGNATURE');
    expect(codes.TIMESTAMP_MISSING?.failureClass).toBe('SIGNATURE');
    expect(codes.IDENTITY_MISMATCH?.failureClass).toBe('BUSINESS');
    expect(codes.LABOR_TERM_INVALID?.failureClass).toBe('BUSINESS');
    expect(codes.REQUEST_INVALID?.failureClass).toBe('FORMAT');
    expect(codes.REVOCATION_UNAVAILABLE?.action).toBe('RETRY');
    expect(codes.IDENTITY_REGISTRY_UNAVAILABLE?.action).toBe('RETRY');
  });
});
