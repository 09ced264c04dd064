import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { grid } from '../output/terminal.js';
import type { FigureLine, FiguresComparison } from './figures.js';

const RED = '\u001b[31m';
const RESET = '\u001b[0m';
const DIFFERS = '≠';

function label(line: FigureLine, lang: Lang): string {
  return line.figure === 'failedWithCode' ? `  ${line.code}` : t(lang, `reconcile.${line.figure}`);
}

/**
 * Both sides of the F35 figures in one table: the compared lines, marked `≠` (red on a colour
 * terminal) where they differ, then the figures only one side has.
 */
export function figuresTable(figures: FiguresComparison, lang: Lang, color: boolean): string {
  const { journal, platform } = figures;
  const compared = figures.lines.map((line) => {
    const row = [
      label(line, lang),
      String(line.journal),
      String(line.platform),
      line.journal === line.platform ? '' : DIFFERS,
    ];
    if (line.figure !== 'notFinal') return [row];
    // The journal cannot tell these two apart: it only knows the outcome is not final yet.
    return [
      row,
      [`  ${t(lang, 'reconcile.notProcessed')}`, '-', String(platform.notProcessed), ''],
      [`  ${t(lang, 'reconcile.processing')}`, '-', String(platform.processing), ''],
    ];
  });
  const oneSided = [
    [t(lang, 'reconcile.refusedAtIntake'), String(journal.refusedAtIntake), '-', ''],
    [t(lang, 'reconcile.unacknowledged'), String(journal.unacknowledged), '-', ''],
    [t(lang, 'reconcile.awaitingExplanation'), '-', String(platform.awaitingExplanation), ''],
    [t(lang, 'reconcile.apiCalls'), '-', String(figures.apiCalls), ''],
  ];
  const rows = [...compared.flat(), ...oneSided];
  const text = grid(
    [t(lang, 'reconcile.figure'), t(lang, 'reconcile.journal'), t(lang, 'reconcile.platform'), ''],
    rows,
  );
  if (!color) return text;
  // Coloured after the layout: escape codes would count as width.
  return text
    .split('\n')
    .map((line, i) => (i > 0 && rows[i - 1]?.[3] === DIFFERS ? `${RED}${line}${RESET}` : line))
    .join('\n');
}
