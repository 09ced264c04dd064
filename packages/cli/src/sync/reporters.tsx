import type { BatchProgress, JournalRecord } from '@hdld/sdk';
import type { Lang } from '@hdld/spec';
import { render } from 'ink';
import { t } from '../i18n/messages.js';
import type { Terminal } from '../output/terminal.js';
import { formatDuration, progressFigures, SyncProgressView } from '../ui/sync-progress-view.js';

type ResultRecord = Extract<JournalRecord, { type: 'settled' | 'rejected' }>;

/**
 * One contract's result, as the plain reporter prints it: a duplicate (F9) says of which reference
 * and ID, so it is never read as a success of its own.
 */
export function resultLine(r: ResultRecord, lang: Lang): string {
  if (r.type === 'rejected') return `REJECTED\t${r.providerReference}\t${r.errors.join(' ')}`;
  if (r.replay) {
    return `DUPLICATE\t${r.providerReference}\t${duplicateOf(lang, r.duplicateOfReference, r.contractId)}`;
  }
  return `${r.status}\t${r.providerReference}\t${r.contractId ?? r.errors.join(' ')}`;
}

/** "duplicate of <reference> (<contract id>)", the reference unknown when another provider holds it. */
export function duplicateOf(
  lang: Lang,
  reference: string | undefined,
  contractId: string | undefined,
): string {
  return `${t(lang, 'sync.duplicateOf')} ${reference ?? '-'} (${contractId ?? '-'})`;
}

export type SyncReporter = {
  start(total: number): void;
  progress(progress: BatchProgress): void;
  /** Every journal record of this run, as it is written (per-contract results). */
  record(record: JournalRecord): void;
  finish(progress: BatchProgress): void;
};

/** `quiet`: progress lines on stderr only, for callers that print their own results (demo). */
export type ReporterMode = 'ink' | 'plain' | 'ndjson' | 'quiet';

/** ink on a terminal (unless --json), NDJSON with --json, plain lines otherwise. */
export function reporterMode(term: Terminal, json: boolean): ReporterMode {
  if (json) return 'ndjson';
  return term.interactive ? 'ink' : 'plain';
}

/**
 * Progress of a sync run. The ink view goes to stderr (a diagnostic, redrawn in place). Plain mode
 * prints one stdout line per finished contract and a progress line on stderr every interval;
 * NDJSON prints every event (`progress`, `result`) on stdout.
 */
export function createSyncReporter(term: Terminal, mode: ReporterMode, lang: Lang): SyncReporter {
  let total = 0;
  let view: ReturnType<typeof render> | undefined;
  const draw = (progress: BatchProgress, done = false) => (
    <SyncProgressView progress={progress} total={total} lang={lang} color={term.color} done={done} />
  );
  const line = (p: BatchProgress) => {
    const f = progressFigures(p, total);
    return `${f.finished}/${total} ${t(lang, 'sync.succeeded')} ${f.succeeded} ${t(lang, 'sync.duplicate')} ${f.duplicate} ${t(lang, 'sync.failed')} ${f.failed} ${t(lang, 'sync.skipped')} ${f.skipped}; ${p.itemsPerSecond.toFixed(1)} ${t(lang, 'sync.perSecond')}; ETA ${formatDuration(p.etaMs)}`;
  };
  return {
    start(count) {
      total = count;
      if (mode === 'ndjson') term.out(JSON.stringify({ type: 'start', total }));
    },
    progress(p) {
      if (mode === 'ink') {
        if (view) view.rerender(draw(p));
        else view = render(draw(p), { stdout: term.stderr, patchConsole: false, exitOnCtrlC: false });
      } else if (mode === 'ndjson') term.out(JSON.stringify({ type: 'progress', ...p }));
      else term.err(line(p));
    },
    record(r) {
      if (r.type !== 'settled' && r.type !== 'rejected') return;
      if (mode === 'ndjson') term.out(JSON.stringify({ ...r, record: r.type, type: 'result' }));
      else if (mode === 'plain') {
        term.out(resultLine(r, lang));
      }
    },
    finish(p) {
      if (view) {
        view.rerender(draw(p, true));
        view.unmount();
      } else if (mode !== 'ndjson') term.err(line(p));
    },
  };
}
