import { describe, expect, it } from 'vitest';
import {
  PROCESS_TRANSACTION_MAX_ATTEMPTS,
  RETRY_HORIZON_MS,
  retryDelay,
} from '../../src/pipeline/transaction-job.js';

const waitedBefore = (attempt: number) =>
  Array.from({ length: attempt - 1 }, (_, i) => retryDelay(i + 1)).reduce((a, b) => a + b, 0);

describe('retries of a transaction job (issue 4: transient causes leave it pending, not failed)', () => {
  it('keeps retrying for a day, and not much longer, before PROCESSING_FAILED', () => {
    expect(waitedBefore(PROCESS_TRANSACTION_MAX_ATTEMPTS)).toBeGreaterThanOrEqual(RETRY_HORIZON_MS);
    expect(waitedBefore(PROCESS_TRANSACTION_MAX_ATTEMPTS - 1)).toBeLessThan(RETRY_HORIZON_MS);
  });

  it('backs off from 2 s, doubling, to at most 10 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(50)).toBe(600_000);
  });
});
