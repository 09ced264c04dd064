/** One problem found by `hdld validate`, with the catalog code the Platform would answer (T9). */
export type ValidationFinding = {
  code: string;
  severity: 'error' | 'warning';
  /** The catalog's title of the code, in the user's language. */
  title?: string;
  /** Technical detail (English, never personal data). */
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
};
