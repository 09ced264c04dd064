import type { Finding } from '@hdld/sdk';
import type { ErrorCode } from '@hdld/spec';
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
 * transaction stays PROCESSING and its job is retried later, not failed for it (issue 4) until every
 * attempt is used, about a day (transaction-job.ts; then PROCESSING_FAILED, fail-attempt.ts).
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

export { type Finding, item, renderFinding } from '@hdld/sdk';

export function failIfAny(failureClass: FailureClass, errors: Finding[]): void {
  if (errors.length > 0) throw new CheckFailure(failureClass, errors);
}
