import type { ErrorCode, Lang, ProblemDetailItem } from '@hdld/spec';
import type { Localized } from '../http/problem.js';
import type { FailureClass } from '../storage/transactions-repo.js';

/** A check that found the submission wrong: the transaction fails with this class (T10). */
export class CheckFailure extends Error {
  constructor(
    readonly failureClass: FailureClass,
    readonly errors: Finding[],
  ) {
    super(errors.map((e) => e.code).join(', '));
    this.name = 'CheckFailure';
  }
}

/**
 * A check that could not decide now (revocation data or the population registry unavailable): the
 * transaction stays PROCESSING and its job is retried later, never failed for it (issue 4).
 */
export class TransientCheckError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'TransientCheckError';
  }
}

/** A finding as stored on the transaction: rendered in the reader's language when it is read. */
export type Finding = Omit<ProblemDetailItem, 'detail'> & { detail: Localized };

export const item = (code: ErrorCode, detail: Localized, pointer?: string): Finding => ({
  code,
  detail,
  ...(pointer ? { pointer } : {}),
});

export function renderFinding(finding: Finding, lang: Lang): ProblemDetailItem {
  return { ...finding, detail: finding.detail[lang] ?? finding.detail.en };
}

export function failIfAny(failureClass: FailureClass, errors: Finding[]): void {
  if (errors.length > 0) throw new CheckFailure(failureClass, errors);
}
