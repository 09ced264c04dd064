import { catalogEntry, type Lang, type Schemas } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { grid, table } from '../output/terminal.js';

// Text views of the operator commands (F35-F38, N8). `--json` prints the Platform's objects instead.

const status = (lang: Lang, s: Schemas['ProviderStatus']) => `${s} (${t(lang, `providerStatus.${s}`)})`;

/** One row per provider and a TOTAL row, then the failures by catalog code with their titles (F35). */
export function reconciliationView(report: Schemas['Reconciliation'], lang: Lang): string {
  const cells = (f: Schemas['ReconciliationFigures'], apiCalls?: number) =>
    [f.received, f.notProcessed, f.processing, f.succeeded, f.failed, f.awaitingExplanation]
      .map(String)
      .concat(apiCalls === undefined ? [] : [String(apiCalls)]);
  const rows = report.providers.map((p) => [p.providerId, p.providerStatus, ...cells(p.figures, p.apiCalls)]);
  const apiCalls = report.providers.reduce((sum, p) => sum + p.apiCalls, 0);
  const header = [
    t(lang, 'column.provider'),
    t(lang, 'column.status'),
    ...(
      ['received', 'notProcessed', 'processing', 'succeeded', 'failed', 'awaiting', 'apiCalls'] as const
    ).map((c) => t(lang, `column.${c}`)),
  ];
  const period = `${t(lang, 'reconcile.period')}: ${report.from ?? '-'} → ${report.to ?? '-'}`;
  const codes = report.totals.failuresByCode.map(
    (c) => `  ${c.code} ${c.count} ${catalogEntry(c.code).title[lang]}`,
  );
  return [
    period,
    grid(header, [...rows, [t(lang, 'operator.total'), '', ...cells(report.totals, apiCalls)]]),
    ...(codes.length ? ['', `${t(lang, 'operator.failuresByCode')}:`, ...codes] : []),
  ].join('\n');
}

const oneLine = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The operator's queue (F36, F37): who explained what, when, and where the decision stands. */
export function explanationsView(explanations: readonly Schemas['Explanation'][], lang: Lang): string {
  return grid(
    ['explanationId', 'provider', 'state', 'submitted', 'transactions', 'text'].map((c) =>
      t(lang, `column.${c}` as 'column.explanationId'),
    ),
    explanations.map((e) => [
      e.explanationId,
      e.providerId,
      t(lang, `explanationState.${e.state}`),
      e.submittedAt,
      e.transactions.map((x) => x.providerReference).join(','),
      oneLine(e.text),
    ]),
  );
}

export function providersView(providers: readonly Schemas['Provider'][], lang: Lang): string {
  return grid(
    [
      t(lang, 'column.provider'),
      t(lang, 'column.name'),
      t(lang, 'column.status'),
      t(lang, 'column.since'),
      t(lang, 'column.capabilities'),
    ],
    providers.map((p) => [
      p.providerId,
      p.name,
      status(lang, p.status),
      p.statusChangedAt ?? p.createdAt,
      p.capabilities.join(','),
    ]),
  );
}

/** A provider after a status change: its status and the last change with reason, who and when. */
export function providerView(provider: Schemas['Provider'], lang: Lang): string {
  const last = provider.statusHistory?.at(-1);
  const rows: [string, string][] = [
    [t(lang, 'report.provider'), `${provider.providerId} ${provider.name}`],
    [t(lang, 'field.status'), status(lang, provider.status)],
  ];
  if (last) {
    rows.push(
      [t(lang, 'field.decided'), `${last.changedAt} ${t(lang, 'field.by')} ${last.changedBy}`],
      [t(lang, 'field.reason'), last.reason],
    );
  }
  return table(rows);
}

/** One line of the violations report: the rules broken with their details and the actions taken. */
function lineDetails(line: Schemas['ViolationLine'], lang: Lang): string[] {
  const by = t(lang, 'field.by');
  return [
    `${line.providerId} ${line.providerName}: ${status(lang, line.providerStatus)}`,
    ...line.violations.map((v) => `  - ${v.rule}: ${v.detail}`),
    ...line.actions.map(
      (a) => `  ${t(lang, 'operator.actions')}: ${a.status} ${a.takenAt} ${by} ${a.takenBy}: ${a.reason}`,
    ),
  ];
}

/** The monthly violations report (F38): its version, thresholds and every violating provider. */
export function violationReportView(report: Schemas['ViolationReport'], lang: Lang): string {
  const latest = report.version === report.latestVersion ? ` (${t(lang, 'operator.latestVersion')})` : '';
  const thresholds = Object.entries(report.thresholds)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const head = table([
    [t(lang, 'report.id'), report.reportId],
    [t(lang, 'report.period'), `${report.period} (${report.periodStart} → ${report.periodEnd})`],
    [t(lang, 'operator.version'), `${report.version}/${report.latestVersion}${latest}`],
    [t(lang, 'operator.generated'), `${report.generatedAt} ${t(lang, 'field.by')} ${report.generatedBy}`],
    [t(lang, 'operator.evaluated'), String(report.providersEvaluated)],
    [t(lang, 'operator.thresholds'), thresholds],
  ]);
  if (report.lines.length === 0) return `${head}\n\n${t(lang, 'operator.noViolations')}`;
  return [head, '', ...report.lines.flatMap((line) => [...lineDetails(line, lang), ''])].join('\n').trimEnd();
}

export function violationLineView(line: Schemas['ViolationLine'], lang: Lang): string {
  return lineDetails(line, lang).join('\n');
}
