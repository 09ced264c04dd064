import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import type { Outcome, ReconcileRow } from './match.js';

/** The figures of the one-line verdict a clerk reads first (issue 14, F35). */
export type VerdictCounts = {
  sent: number;
  haveId: number;
  failed: number;
  /** Contract IDs the duplicates were given already, once each. */
  duplicatesOf: string[];
  duplicates: number;
  pending: number;
  missing: number;
  unknown: number;
  conflict: number;
};

export function verdictCounts(rows: readonly ReconcileRow[]): VerdictCounts {
  const count = (...outcomes: Outcome[]) => rows.filter((r) => outcomes.includes(r.outcome)).length;
  const duplicates = rows.filter((r) => r.outcome === 'duplicate');
  return {
    // Everything the journals sent: all rows but those the Platform has and no journal sent.
    sent: rows.length - count('unknown'),
    // A duplicate has an ID, the one its contract already had; a conflict has one, not the journal's.
    haveId: count('matched', 'duplicate', 'conflict'),
    failed: count('failed', 'rejected'),
    duplicates: duplicates.length,
    duplicatesOf: [...new Set(duplicates.flatMap((r) => (r.contractId ? [r.contractId] : [])))],
    pending: count('pending'),
    missing: count('missing'),
    unknown: count('unknown'),
    conflict: count('conflict'),
  };
}

/** "607 sent, 604 have an ID, 3 failed, 1 duplicate of HD-2026-…": zero parts after the first three are left out. */
export function verdictLine(counts: VerdictCounts, lang: Lang, formatId: (id: string) => string): string {
  const parts = [
    `${counts.sent} ${t(lang, 'verdict.sent')}`,
    `${counts.haveId} ${t(lang, 'verdict.haveId')}`,
    `${counts.failed} ${t(lang, 'verdict.failed')}`,
  ];
  if (counts.duplicates > 0)
    parts.push(
      `${counts.duplicates} ${t(lang, 'verdict.duplicateOf')} ${counts.duplicatesOf.map(formatId).join(', ')}`,
    );
  if (counts.conflict > 0) parts.push(`${counts.conflict} ${t(lang, 'verdict.conflict')}`);
  if (counts.pending > 0) parts.push(`${counts.pending} ${t(lang, 'verdict.pending')}`);
  if (counts.missing > 0) parts.push(`${counts.missing} ${t(lang, 'verdict.missing')}`);
  if (counts.unknown > 0) parts.push(`${counts.unknown} ${t(lang, 'verdict.unknown')}`);
  return parts.join(', ');
}
