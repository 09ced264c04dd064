import { readFile } from 'node:fs/promises';
import {
  extractMainData,
  type Finding,
  type TrustAnchorConfig,
  verifyEvidence,
  verifyPdf,
} from '@hdld/sdk/documents';
import {
  ContractMainDataSchema,
  ContractSubmissionSchema,
  catalogEntry,
  isErrorCode,
  type Lang,
} from '@hdld/spec';
import type { Input } from './collect.js';
import type { FileResult, ValidationFinding } from './model.js';

type Options = { trust: TrustAnchorConfig; lang: Lang; validationTime?: Date };

type SchemaError = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };

const schemaFindings = (error: SchemaError, code: string, prefix = ''): ValidationFinding[] =>
  error.issues.map((issue) => ({
    code,
    severity: 'error',
    message: issue.message,
    pointer: `${prefix}/${issue.path.map(String).join('/')}`,
  }));

const verificationFindings = (findings: readonly Finding[], pointer: string): ValidationFinding[] =>
  findings.map((f) => ({
    code: f.code,
    severity: f.code === 'REVOCATION_UNAVAILABLE' ? 'warning' : 'error',
    message: f.detail,
    pointer,
  }));

async function checkPdf(pdf: Uint8Array, pointer: string, options: Options): Promise<ValidationFinding[]> {
  // The Platform requires timestamped (B-T) party signatures (N2).
  const report = await verifyPdf(pdf, {
    trust: options.trust,
    requireTimestamp: true,
    lang: options.lang,
    validationTime: options.validationTime,
  });
  const findings = [
    ...verificationFindings(report.findings, pointer),
    ...report.signatures.flatMap((s) =>
      verificationFindings(s.findings, `${pointer}#signature${s.index + 1}`),
    ),
  ];
  const embedded = await extractMainData(pdf).catch(() => undefined);
  if (!embedded)
    findings.push({
      code: 'MAIN_DATA_INVALID',
      severity: 'error',
      message: 'no contract-data.json attached to the PDF',
      pointer,
    });
  return findings;
}

async function checkSubmission(bytes: Uint8Array, options: Options): Promise<ValidationFinding[]> {
  const parsed = ContractSubmissionSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) return schemaFindings(parsed.error, 'REQUEST_INVALID');
  const submission = parsed.data;
  const documents = submission.documents.map((d) => ({
    name: d.fileName,
    bytes: new Uint8Array(Buffer.from(d.contentBase64, 'base64')),
  }));
  const findings = (
    await Promise.all(documents.map((d, i) => checkPdf(d.bytes, `/documents/${i}`, options)))
  ).flat();
  const evidence = await verifyEvidence(
    new Uint8Array(Buffer.from(submission.evidence.contentBase64, 'base64')),
    {
      trust: options.trust,
      documents,
      lang: options.lang,
      validationTime: options.validationTime,
    },
  );
  findings.push(...verificationFindings(evidence.findings, '/evidence'));
  const principal = documents[0];
  const embedded = principal ? await extractMainData(principal.bytes).catch(() => undefined) : undefined;
  if (embedded && JSON.stringify(embedded) !== JSON.stringify(submission.mainData)) {
    findings.push({
      code: 'MAIN_DATA_MISMATCH',
      severity: 'error',
      message: 'mainData differs from the data attached to the signed PDF',
      pointer: '/mainData',
    });
  }
  return findings;
}

/** The checks the Platform runs before issuing an ID (T9, N2, F8), offline. */
export async function checkFile(input: Input, options: Options): Promise<FileResult> {
  const started = performance.now();
  let findings: ValidationFinding[];
  try {
    const bytes = new Uint8Array(await readFile(input.path));
    if (input.kind === 'pdf') findings = await checkPdf(bytes, '', options);
    else if (input.kind === 'main-data') {
      const parsed = ContractMainDataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      findings = parsed.success ? [] : schemaFindings(parsed.error, 'MAIN_DATA_INVALID');
    } else findings = await checkSubmission(bytes, options);
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
