import type { TransactionListQuery } from '@hdld/sdk';
import { catalogEntry, type Lang, type Schemas, type Transaction } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { grid, table } from '../output/terminal.js';
import { STATUS_FILTERS, type StatusFilter } from './status-filters.js';

/**
 * The listTransactions filters of `hdld errors list`: every FAILED transaction, or those whose
 * explanation stands at `status`. A re-pushed one is no longer FAILED (a new failure makes it
 * AWAITING_EXPLANATION again), so that filter alone drops the status.
 */
export function failedQuery(options: {
  status?: StatusFilter;
  from?: Date;
  to?: Date;
}): TransactionListQuery {
  return {
    ...(options.status ? { explanationStatus: STATUS_FILTERS[options.status] } : { status: 'FAILED' }),
    ...(options.from ? { receivedFrom: options.from.toISOString() } : {}),
    ...(options.to ? { receivedTo: options.to.toISOString() } : {}),
  };
}

/** The findings that failed it: warnings (e.g. SUBMISSION_LATE) never fail a transaction. */
export const failures = (tx: Transaction) => tx.errors.filter((e) => e.severity !== 'WARNING');

/** "CODE localized catalog title", and how many other codes follow. */
function failureCell(tx: Transaction, lang: Lang): string {
  const [first, ...more] = failures(tx);
  if (!first) return '-';
  return `${first.code} ${catalogEntry(first.code).title[lang]}${more.length ? ` (+${more.length})` : ''}`;
}

/** The `hdld errors list` table (F36): what failed, why, when, and where its explanation stands. */
export function failedTable(transactions: readonly Transaction[], lang: Lang): string {
  return grid(
    [
      t(lang, 'column.transaction'),
      t(lang, 'column.reference'),
      t(lang, 'column.failedAt'),
      t(lang, 'column.explanation'),
      t(lang, 'column.failure'),
    ],
    transactions.map((tx) => [
      tx.transactionId,
      tx.providerReference,
      tx.completedAt ?? '-',
      explanationCell(tx, lang),
      failureCell(tx, lang),
    ]),
  );
}

/** Where the explanation stands; a failure replaced by a corrected package names its successor (F36, F37). */
function explanationCell(tx: Transaction, lang: Lang): string {
  const state = t(lang, `explanationStatus.${tx.explanationStatus ?? 'NONE'}`);
  return tx.supersededBy ? `${state} → ${tx.supersededBy}` : state;
}

/** The duplicates (F9) `hdld errors list` shows after the failures: of which reference and ID. */
export function duplicatesTable(transactions: readonly Transaction[], lang: Lang): string {
  return grid(
    [t(lang, 'column.transaction'), t(lang, 'column.reference'), t(lang, 'column.duplicateOf')],
    transactions.map((tx) => [
      tx.transactionId,
      tx.providerReference,
      `${tx.duplicateOfReference ?? '-'} (${tx.contractId ?? '-'})`,
    ]),
  );
}

/** Each failure's catalog advice, once per code, in the caller's language. */
export function fixes(tx: Transaction, lang: Lang): string[] {
  const codes = [...new Set(failures(tx).map((e) => e.code))];
  return codes.map((code) => `  - ${code}: ${catalogEntry(code).fix[lang]}`);
}

/** Explanations as `hdld errors show` and `explain` print them: every step with who and when (F36, F37). */
export function describeExplanations(explanations: readonly Schemas['Explanation'][], lang: Lang): string {
  const by = t(lang, 'field.by');
  return explanations
    .map((e) => {
      const rows: [string, string][] = [
        [t(lang, 'field.explanationStatus'), `${e.explanationId} ${t(lang, `explanationState.${e.state}`)}`],
        [t(lang, 'field.submitted'), `${e.submittedAt} ${by} ${e.submittedBy}`],
      ];
      if (e.decidedAt) rows.push([t(lang, 'field.decided'), `${e.decidedAt} ${by} ${e.decidedBy ?? '-'}`]);
      if (e.decisionReason) rows.push([t(lang, 'field.reason'), e.decisionReason]);
      for (const x of e.transactions) {
        const pushed = x.repushedAt
          ? ` ${t(lang, 'field.repushed')} ${x.repushedAt} ${by} ${x.repushedBy ?? '-'}`
          : '';
        rows.push([t(lang, 'field.transaction'), `${x.transactionId} ${x.providerReference}${pushed}`]);
      }
      for (const a of e.attachments) {
        rows.push([t(lang, 'field.attachments'), `${a.fileName} (${a.size} B, SHA-256 ${a.sha256})`]);
      }
      return `${table(rows)}\n${e.text.replace(/^/gm, '  > ')}`;
    })
    .join('\n\n');
}
