/** Documented exit codes of `hdld` (README, `hdld --help`). Scripts and CI rely on them. */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  validationFailed: 3,
  auth: 4,
  partialBatchFailure: 5,
  cancelled: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
