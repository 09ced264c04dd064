/** One problem found by `hdld validate`, with the catalog code the Platform would answer (T9). */
export type ValidationFinding = {
  code: string;
  severity: 'error' | 'warning';
  /** The catalog's title of the code, in the user's language. */
  title?: string;
  /** Detail in the user's language where the check gives one (never personal data). */
  message: string;
  /** JSON pointer into the submission, or the document and signature concerned. */
  pointer?: string;
};

export type FileResult = {
  file: string;
  kind: string;
  ok: boolean;
  findings: ValidationFinding[];
  /** Wall time of the checks, for the JUnit report. */
  seconds: number;
  /** Set when the file was not checked (folder mode): why. A skipped file is neither passed nor failed. */
  skipped?: string;
};

/** What one run found: per-file results, and what concerns the run as a whole (no trust anchors...). */
export type ValidationReport = {
  results: FileResult[];
  notices: ValidationFinding[];
  /** --strict: a warning fails the run as an error does. */
  strict: boolean;
};

/** Whether the run fails (exit 3): any error, or with --strict any warning too. */
export function runFails(report: ValidationReport): boolean {
  const findings = [...report.notices, ...report.results.flatMap((r) => r.findings)];
  return (
    report.results.some((r) => !r.ok && !r.skipped) ||
    findings.some((f) => f.severity === 'error' || (report.strict && f.severity === 'warning'))
  );
}
