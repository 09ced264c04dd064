import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  checkFileSize,
  checkLaborRules,
  MAX_DOCUMENT_BYTES,
  renderFinding,
  validateLocally,
} from '@hdld/sdk';
import { extractMainData, type TrustAnchorConfig } from '@hdld/sdk/documents';
import {
  ContractMainDataSchema,
  ContractSubmissionSchema,
  catalogEntry,
  isErrorCode,
  type Lang,
  type ProblemDetailItem,
} from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';
import type { Input } from './collect.js';
import type { FileResult, ValidationFinding } from './model.js';

export type CheckOptions = {
  trust: TrustAnchorConfig;
  lang: Lang;
  validationTime?: Date;
  /** When the files would be sent (SUBMISSION_LATE): --at, else now. */
  submittedAt: Date;
};

type SchemaError = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

const schemaFindings = (error: SchemaError, code: string): ValidationFinding[] =>
  error.issues.map((issue) => ({
    code,
    severity: 'error',
    message: issue.message,
    pointer: `/${issue.path.map(String).join('/')}`,
  }));

const fromPlatform = (items: readonly ProblemDetailItem[]): ValidationFinding[] =>
  items.map((e) => ({
    code: e.code,
    severity: e.severity === 'WARNING' ? 'warning' : 'error',
    message: e.detail,
    ...(e.pointer ? { pointer: e.pointer } : {}),
  }));

class NotJson extends Error {}

function decode(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new NotJson();
  }
}

/**
 * A submission: its envelope against the spec's schema, then the SDK's `validateLocally` (the
 * Platform's own checks: main data, labor rules, file limits, signatures, timestamps, evidence and
 * what it names, embedded data, the 24-hour rule).
 */
async function checkSubmission(bytes: Uint8Array, options: CheckOptions): Promise<ValidationFinding[]> {
  const parsed = ContractSubmissionSchema.safeParse(decode(bytes));
  if (!parsed.success) return schemaFindings(parsed.error, 'REQUEST_INVALID');
  const { documents, mainData, evidence, providerReference } = parsed.data;
  const principal = documents[0]!;
  const result = await validateLocally({
    pdf: new Uint8Array(Buffer.from(principal.contentBase64, 'base64')),
    fileName: principal.fileName,
    mainData,
    evidence: new Uint8Array(Buffer.from(evidence.contentBase64, 'base64')),
    providerReference,
    ...options,
  });
  return fromPlatform(result.errors);
}

/**
 * A signed PDF on its own: the main data attached to it, then the same checks without evidence. A
 * PDF with none attached (made by another eContract system) still has every signature verified: the
 * missing main data is one more finding, so a byte changed after signing never goes unnoticed.
 */
async function checkPdf(pdf: Uint8Array, path: string, options: CheckOptions): Promise<ValidationFinding[]> {
  const mainData = await extractMainData(pdf).catch(() => undefined);
  return fromPlatform(
    (await validateLocally({ pdf, fileName: basename(path), mainData, ...options })).errors,
  );
}

/** Main data alone: the schema, then the Labor Code rules the server applies (T9), as if sent at `--at`. */
function checkMainData(bytes: Uint8Array, options: CheckOptions): ValidationFinding[] {
  const parsed = ContractMainDataSchema.safeParse(decode(bytes));
  if (!parsed.success) return schemaFindings(parsed.error, 'REQUEST_INVALID');
  const findings = checkLaborRules(parsed.data, { submittedAt: options.submittedAt });
  return fromPlatform(findings.map((f) => renderFinding(f, options.lang)));
}

async function findingsOf(input: Input, options: CheckOptions): Promise<ValidationFinding[]> {
  const { lang } = options;
  // The Platform refuses a document over 10 MiB at intake: it is not even read (T9).
  if (input.kind === 'pdf' && input.size > MAX_DOCUMENT_BYTES)
    return fromPlatform(
      checkFileSize(input.size, MAX_DOCUMENT_BYTES, input.path).map((f) => renderFinding(f, lang)),
    );
  const bytes = await readFile(input.path).catch(() => {
    throw new UsageError(`${input.path}: ${t(lang, 'validate.unreadable')}`);
  });
  try {
    if (input.kind === 'pdf') return await checkPdf(new Uint8Array(bytes), input.path, options);
    if (input.kind === 'main-data') return checkMainData(bytes, options);
    return await checkSubmission(bytes, options);
  } catch (error) {
    if (error instanceof NotJson)
      return [{ code: 'REQUEST_INVALID', severity: 'error', message: t(lang, 'validate.notJson') }];
    // Whatever a hostile file makes a parser throw is a finding on that file, never a crash.
    const code = input.kind === 'pdf' ? 'PDF_MALFORMED' : 'REQUEST_INVALID';
    return [{ code, severity: 'error', message: (error as Error).message }];
  }
}

/** The checks the Platform runs before issuing an ID (T9, N2, F8), offline. */
export async function checkFile(input: Input, options: CheckOptions): Promise<FileResult> {
  const started = performance.now();
  const findings = await findingsOf(input, options);
  const titled = findings.map((f) =>
    isErrorCode(f.code) ? { ...f, title: catalogEntry(f.code).title[options.lang] } : f,
  );
  return {
    file: input.path,
    kind: input.kind,
    ok: !findings.some((f) => f.severity === 'error'),
    findings: titled,
    seconds: (performance.now() - started) / 1000,
  };
}
