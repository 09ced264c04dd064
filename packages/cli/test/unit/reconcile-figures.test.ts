import type { ErrorCode, Schemas } from '@hdld/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFigures, journalFigures } from '../../src/reconcile/figures.js';
import { inPeriod } from '../../src/reconcile/journal.js';
import type { LocalRecord } from '../../src/reconcile/match.js';

const platform = (
  overrides: Partial<Schemas['ReconciliationFigures']> = {},
): Schemas['ReconciliationFigures'] => ({
  received: 4,
  notProcessed: 0,
  processing: 1,
  succeeded: 2,
  failed: 1,
  awaitingExplanation: 1,
  failuresByCode: [{ code: 'IDENTITY_MISMATCH', count: 1 }],
  ...overrides,
});

const records: LocalRecord[] = [
  { reference: 'A', transactionId: 't1', status: 'SUCCEEDED', contractId: '1' },
  { reference: 'B', transactionId: 't2', status: 'SUCCEEDED', contractId: '2' },
  {
    reference: 'C',
    transactionId: 't3',
    status: 'FAILED',
    errors: ['IDENTITY_MISMATCH', 'IDENTITY_MISMATCH'],
  },
  { reference: 'D', transactionId: 't4' },
  { reference: 'E', status: 'REJECTED', errors: ['REQUEST_INVALID'] },
  { reference: 'F' },
];

describe('reconciliation figures (F35)', () => {
  it('counts the journal as the Platform counts transactions', () => {
    expect(journalFigures(records)).toEqual({
      received: 4,
      notFinal: 1,
      succeeded: 2,
      failed: 1,
      failuresByCode: [{ code: 'IDENTITY_MISMATCH', count: 1 }],
      refusedAtIntake: 1,
      unacknowledged: 1,
    });
  });

  it('agrees with equal figures, the journal not telling not yet processed from processing', () => {
    const comparison = compareFigures(journalFigures(records), platform(), 12);
    expect(comparison).toMatchObject({ agree: true, differences: [], apiCalls: 12 });
    expect(comparison.lines.map((l) => l.figure)).toEqual([
      'received',
      'notFinal',
      'succeeded',
      'failed',
      'failedWithCode',
    ]);
  });

  it('lists every differing figure, codes on either side only included', () => {
    const comparison = compareFigures(
      journalFigures(records),
      platform({
        received: 5,
        failed: 2,
        failuresByCode: [
          { code: 'PDF_MALFORMED', count: 1 },
          { code: 'IDENTITY_MISMATCH', count: 1 },
        ],
      }),
      0,
    );
    expect(comparison.agree).toBe(false);
    expect(comparison.differences).toEqual([
      { figure: 'received', journal: 4, platform: 5 },
      { figure: 'failed', journal: 1, platform: 2 },
      { figure: 'failedWithCode', code: 'PDF_MALFORMED', journal: 0, platform: 1 },
    ]);
  });

  it('keeps the Platform identity received = not final + succeeded + failed for any journal', () => {
    const code = fc.constantFrom<ErrorCode>('IDENTITY_MISMATCH', 'SIGNATURE_INVALID', 'PDF_MALFORMED');
    const record = fc.record({
      reference: fc.string(),
      transactionId: fc.option(fc.uuid(), { nil: undefined }),
      status: fc.option(fc.constantFrom('SUCCEEDED' as const, 'FAILED' as const, 'REJECTED' as const), {
        nil: undefined,
      }),
      errors: fc.array(code, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 50 }), (journal) => {
        const f = journalFigures(journal);
        expect(f.received).toBe(f.notFinal + f.succeeded + f.failed);
        expect(f.received + f.refusedAtIntake + f.unacknowledged).toBe(journal.length);
        for (const { count } of f.failuresByCode) expect(count).toBeLessThanOrEqual(f.failed);
      }),
    );
  });

  it('places an entry in the period by the Platform receipt time, else by its intent', () => {
    const period = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
    expect(
      inPeriod({ reference: 'A', at: '2026-02-28T23:59:00Z', receivedAt: '2026-03-01T00:00:00Z' }, period),
    ).toBe(true);
    expect(
      inPeriod({ reference: 'B', at: '2026-03-31T23:59:00Z', receivedAt: '2026-04-01T00:00:00Z' }, period),
    ).toBe(false);
    expect(inPeriod({ reference: 'C', at: '2026-03-15T00:00:00Z' }, period)).toBe(true);
  });
});
