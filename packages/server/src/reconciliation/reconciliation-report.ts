import type { ErrorCode, Schemas } from '@hdld/spec';
import type { ProviderReconciliationRow, ReconciliationCounts } from '../storage/reconciliation-repo.js';

type Figures = Schemas['ReconciliationFigures'];
type Period = { from?: Date; to?: Date };

function figuresOf(counts: Omit<ReconciliationCounts, 'apiCalls'>): Figures {
  return {
    received: counts.received,
    notProcessed: counts.notProcessed,
    processing: counts.processing,
    succeeded: counts.succeeded,
    failed: counts.failed,
    awaitingExplanation: counts.awaitingExplanation,
    failuresByCode: counts.failuresByCode.map((f) => ({ code: f.code as ErrorCode, count: f.count })),
  };
}

/** The listTransactions request showing the same transactions (F35 drill-down). */
function transactionsUrl(providerId: string, period: Period, status?: 'FAILED'): string {
  const query = new URLSearchParams({ providerId });
  if (period.from) query.set('receivedFrom', period.from.toISOString());
  if (period.to) query.set('receivedTo', period.to.toISOString());
  if (status) query.set('status', status);
  return `/v1/transactions?${query}`;
}

/** Sums every provider's figures; failure codes merged, most frequent first. */
function totalsOf(rows: ProviderReconciliationRow[]): Figures {
  const byCode = new Map<string, number>();
  for (const row of rows) {
    for (const f of row.failuresByCode) byCode.set(f.code, (byCode.get(f.code) ?? 0) + f.count);
  }
  const sum = (pick: (row: ProviderReconciliationRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return figuresOf({
    received: sum((r) => r.received),
    notProcessed: sum((r) => r.notProcessed),
    processing: sum((r) => r.processing),
    succeeded: sum((r) => r.succeeded),
    failed: sum((r) => r.failed),
    awaitingExplanation: sum((r) => r.awaitingExplanation),
    failuresByCode: [...byCode]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  });
}

/** F35: the reconciliation report (schema `Reconciliation`) from the per-provider counts. */
export function reconciliationReport(
  rows: ProviderReconciliationRow[],
  period: Period,
  generatedAt: Date,
): Schemas['Reconciliation'] {
  return {
    ...(period.from ? { from: period.from.toISOString() } : {}),
    ...(period.to ? { to: period.to.toISOString() } : {}),
    generatedAt: generatedAt.toISOString(),
    providers: rows.map((row) => ({
      providerId: row.providerId,
      providerName: row.providerName,
      providerStatus: row.providerStatus,
      figures: figuresOf(row),
      apiCalls: row.apiCalls,
      transactionsUrl: transactionsUrl(row.providerId, period),
      failedTransactionsUrl: transactionsUrl(row.providerId, period, 'FAILED'),
    })),
    totals: totalsOf(rows),
  };
}
