import type { ErrorCode, Schemas } from '@hdld/spec';
import type { LocalRecord } from './match.js';

type PlatformFigures = Schemas['ReconciliationFigures'];

/** The journal's own count of what it sent in the period (README "Reconciliation rule"). */
export type JournalFigures = {
  /** Acknowledged by the Platform: each is one transaction there. */
  received: number;
  /** Acknowledged, no outcome recorded yet: the Platform's not yet processed + processing. */
  notFinal: number;
  succeeded: number;
  failed: number;
  failuresByCode: { code: ErrorCode; count: number }[];
  /** Refused at intake (4xx): never a transaction, so in no Platform figure. */
  refusedAtIntake: number;
  /** Sent without an answer recorded (interrupted): the Platform may or may not have it. */
  unacknowledged: number;
};

/** One compared figure; `code` for a line of failures by code. */
export type FigureLine = {
  figure: 'received' | 'notFinal' | 'succeeded' | 'failed' | 'failedWithCode';
  code?: ErrorCode;
  journal: number;
  platform: number;
};

export type FiguresComparison = {
  journal: JournalFigures;
  platform: PlatformFigures;
  /** The provider's API calls the Platform logged in the period (T11): no journal counterpart. */
  apiCalls: number;
  lines: FigureLine[];
  differences: FigureLine[];
  agree: boolean;
};

/** Most frequent first, then by code: the order the Platform uses. */
function byCount(counts: Map<ErrorCode, number>): { code: ErrorCode; count: number }[] {
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Counts the journal's entries as the Platform counts transactions (F35, ReconciliationFigures). */
export function journalFigures(records: readonly LocalRecord[]): JournalFigures {
  const figures: JournalFigures = {
    received: 0,
    notFinal: 0,
    succeeded: 0,
    failed: 0,
    failuresByCode: [],
    refusedAtIntake: 0,
    unacknowledged: 0,
  };
  const codes = new Map<ErrorCode, number>();
  for (const record of records) {
    if (record.status === 'REJECTED') figures.refusedAtIntake++;
    else if (!record.transactionId) figures.unacknowledged++;
    else {
      figures.received++;
      if (record.status === 'SUCCEEDED') figures.succeeded++;
      else if (record.status === 'FAILED') {
        figures.failed++;
        // Like the Platform: a transaction with two codes counts once under each.
        for (const code of new Set(record.errors)) codes.set(code, (codes.get(code) ?? 0) + 1);
      } else figures.notFinal++;
    }
  }
  figures.failuresByCode = byCount(codes);
  return figures;
}

/** Both sides figure by figure; they agree when every line is equal. */
export function compareFigures(
  journal: JournalFigures,
  platform: PlatformFigures,
  apiCalls: number,
): FiguresComparison {
  const lines: FigureLine[] = [
    { figure: 'received', journal: journal.received, platform: platform.received },
    { figure: 'notFinal', journal: journal.notFinal, platform: platform.notProcessed + platform.processing },
    { figure: 'succeeded', journal: journal.succeeded, platform: platform.succeeded },
    { figure: 'failed', journal: journal.failed, platform: platform.failed },
  ];
  const local = new Map(journal.failuresByCode.map((f) => [f.code, f.count]));
  const remote = new Map(platform.failuresByCode.map((f) => [f.code, f.count]));
  const codes = byCount(
    new Map(
      [...local.keys(), ...remote.keys()].map((c) => [c, Math.max(local.get(c) ?? 0, remote.get(c) ?? 0)]),
    ),
  );
  for (const { code } of codes) {
    lines.push({
      figure: 'failedWithCode',
      code,
      journal: local.get(code) ?? 0,
      platform: remote.get(code) ?? 0,
    });
  }
  const differences = lines.filter((l) => l.journal !== l.platform);
  return { journal, platform, apiCalls, lines, differences, agree: differences.length === 0 };
}
