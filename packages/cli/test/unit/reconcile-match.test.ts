import type { Transaction } from '@hdld/spec';
import { describe, expect, it } from 'vitest';
import { matchRecords } from '../../src/reconcile/match.js';

const tx = (
  reference: string,
  status: Transaction['status'],
  extra: Partial<Transaction> = {},
): Transaction => ({
  transactionId: `00000000-0000-4000-8000-${reference.padStart(12, '0').slice(-12)}`,
  kind: 'CONTRACT',
  status,
  providerReference: reference,
  receivedAt: '2026-03-02T08:00:00Z',
  payloadSha256: 'a'.repeat(64),
  late: false,
  replay: false,
  errors: [],
  ...extra,
});

describe('reconcile matching rule (F35)', () => {
  it('classifies every reference on either side', () => {
    const rows = matchRecords(
      [
        { reference: 'A', contractId: '1111' },
        { reference: 'B' },
        { reference: 'C', contractId: '2222' },
        { reference: 'D' },
        { reference: 'E' },
      ],
      [
        tx('A', 'SUCCEEDED', { contractId: '1111' }),
        tx('B', 'SUCCEEDED', { contractId: '3333' }),
        tx('C', 'SUCCEEDED', { contractId: '9999' }),
        tx('D', 'FAILED', { errors: [{ code: 'IDENTITY_NOT_FOUND', detail: 'x' }] }),
        tx('F', 'SUCCEEDED', { contractId: '4444' }),
      ],
    );
    expect(rows.map((r) => [r.reference, r.outcome])).toEqual([
      ['A', 'matched'],
      ['B', 'matched'],
      ['C', 'conflict'],
      ['D', 'failed'],
      ['E', 'missing'],
      ['F', 'unknown'],
    ]);
    expect(rows.find((r) => r.reference === 'D')?.errors).toEqual(['IDENTITY_NOT_FOUND']);
  });

  it('judges a reference by its latest transaction (a failure fixed and resent is matched)', () => {
    const rows = matchRecords(
      [{ reference: 'A' }],
      [
        tx('A', 'FAILED', { receivedAt: '2026-03-01T00:00:00Z' }),
        tx('A', 'SUCCEEDED', {
          contractId: '1',
          receivedAt: '2026-03-02T00:00:00Z',
          transactionId: '00000000-0000-4000-8000-000000000002',
        }),
      ],
    );
    expect(rows).toMatchObject([{ reference: 'A', outcome: 'matched', contractId: '1' }]);
  });

  it('counts transactions still in progress as pending, and ignores lifecycle documents', () => {
    const rows = matchRecords(
      [{ reference: 'A' }],
      [tx('A', 'PROCESSING'), tx('L', 'SUCCEEDED', { kind: 'LIFECYCLE' })],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['pending']);
  });

  it('flags a replay under another reference as a duplicate, and a refusal at intake as rejected', () => {
    const rows = matchRecords(
      [
        { reference: 'A', status: 'SUCCEEDED', contractId: '1' },
        { reference: 'B', status: 'SUCCEEDED', contractId: '1' },
        { reference: 'C', status: 'REJECTED', errors: ['REQUEST_INVALID'] },
      ],
      [
        tx('A', 'SUCCEEDED', { contractId: '1' }),
        tx('B', 'SUCCEEDED', { contractId: '1', replay: true }),
        tx('D', 'FAILED', {
          errors: [
            { code: 'SIGNATURE_DIGEST_MISMATCH', detail: 'employer' },
            { code: 'SIGNATURE_DIGEST_MISMATCH', detail: 'employee' },
            { code: 'SUBMISSION_LATE', detail: 'late', severity: 'WARNING' },
          ],
        }),
      ],
    );
    expect(rows.map((r) => [r.reference, r.outcome, r.errors])).toEqual([
      ['A', 'matched', []],
      ['B', 'duplicate', []],
      ['C', 'rejected', ['REQUEST_INVALID']],
      ['D', 'unknown', ['SIGNATURE_DIGEST_MISMATCH']],
    ]);
  });
});
