import { readFile } from 'node:fs/promises';
import { checkLaborRules, renderFinding, validateLocally } from '@hdld/sdk';
import { extractMainData, type TrustAnchorConfig } from '@hdld/sdk/documents';
import {
  ContractMainDataSchema,
  ContractSubmissionSchema,
  catalogEntry,
  isErrorCode,
  type Lang,
  type ProblemDetailItem,
} from '@hdld/spec';
import type { Input } from './collect.js';
import type { FileResult, ValidationFinding } from './model.js';

type Options = { trust: TrustAnchorConfig; lang: Lang; validationTime?: Date };

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

const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

/**
 * A submission: its envelope against the spec's schema, then the SDK's `validateLocally` (the
 * Platform's own checks: main data, labor rules, signatures, timestamps, evidence, embedded data).
 */
async function checkSubmission(bytes: Uint8Array, options: Options): Promise<ValidationFinding[]> {
  const parsed = ContractSubmissionSchema.safeParse(decode(bytes));
  if (!parsed.success) return schemaFindings(parsed.error, 'REQUEST_INVALID');
  const { documents, mainData, evidence } = parsed.data;
  const principal = documents[0]!;
  const result = await validateLocally({
    pdf: new Uint8Array(Buffer.from(principal.contentBase64, 'base64')),
    fileName: principal.fileName,
    mainData,
    evidence: new Uint8Array(Buffer.from(evidence.contentBase64, 'base64')),
    ...options,
  });
  return fromPlatform(result.errors);
}

/** A signed PDF on its own: the data attached to it, then the same checks without evidence. */
async function checkPdf(pdf: Uint8Array, options: Options): Promise<ValidationFinding[]> {
  const mainData = await extractMainData(pdf).catch(() => undefined);
  if (!mainData)
    return [
      { code: 'MAIN_DATA_INVALID', severity: 'error', message: 'no contract-data.json attached to the PDF' },
    ];
  return fromPlatform((await validateLocally({ pdf, mainData, ...options })).errors);
}

/** Main data alone: the schema, then the Labor Code rules the server applies (T9). */
function checkMainData(bytes: Uint8Array, lang: Lang): ValidationFinding[] {
  const parsed = ContractMainDataSchema.safeParse(decode(bytes));
  if (!parsed.success) return schemaFindings(parsed.error, 'REQUEST_INVALID');
  return fromPlatform(checkLaborRules(parsed.data).map((f) => renderFinding(f, lang)));
}

/** The checks the Platform runs before issuing an ID (T9, N2, F8), offline. */
export async function checkFile(input: Input, options: Options): Promise<FileResult> {
  const started = performance.now();
  let findings: ValidationFinding[];
  try {
    const bytes = new Uint8Array(await readFile(input.path));
    if (input.kind === 'pdf') findings = await checkPdf(bytes, options);
    else if (input.kind === 'main-data') findings = checkMainData(bytes, options.lang);
    else findings = await checkSubmission(bytes, options);
  } catch (error) {
    findings = [{ code: 'REQUEST_INVALID', severity: 'error', message: (error as Error).message }];
  }
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
