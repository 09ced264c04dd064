import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import type { FileResult, ValidationFinding, ValidationReport } from './model.js';

export type ReportFormat = 'text' | 'json' | 'junit' | 'github';

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function findingLine(f: ValidationFinding, lang: Lang): string {
  const severity = f.severity === 'error' ? t(lang, 'validate.error') : t(lang, 'validate.warning');
  // The SDK's Vietnamese details already carry the catalog title: not twice.
  const text = f.title && !f.message.includes(f.title) ? `${f.title} (${f.message})` : f.message;
  return `    ${severity} ${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${text}`;
}

function text(report: ValidationReport, lang: Lang): string {
  const lines: string[] = [];
  for (const notice of report.notices) lines.push(`! ${findingLine(notice, lang).trim()}`);
  for (const r of report.results) {
    if (r.skipped) {
      lines.push(`- ${r.file} (${t(lang, 'validate.skipped')}: ${r.skipped})`);
      continue;
    }
    lines.push(`${r.ok ? '✓' : '✗'} ${r.file}`);
    for (const f of r.findings) lines.push(findingLine(f, lang));
  }
  const checked = report.results.filter((r) => !r.skipped);
  const passed = checked.filter((r) => r.ok).length;
  const skipped = report.results.length - checked.length;
  const warnings = checked.flatMap((r) => r.findings).filter((f) => f.severity === 'warning').length;
  const summary = [
    `${passed}/${checked.length} ${t(lang, 'validate.passed')}`,
    ...(skipped ? [`${skipped} ${t(lang, 'validate.skippedCount')}`] : []),
    ...(warnings ? [`${warnings} ${t(lang, 'validate.warnings')}`] : []),
  ];
  lines.push('', summary.join(', '));
  if (report.strict && warnings) lines.push(t(lang, 'validate.strictFailed'));
  return lines.join('\n');
}

/**
 * JUnit XML as CI servers read it: one testcase per file, one failure per error finding (with
 * --strict, warnings too), a skipped file as a skipped testcase, run-wide notices as a testcase.
 */
function junit(report: ValidationReport): string {
  const failing = (findings: ValidationFinding[]) =>
    findings.filter((f) => f.severity === 'error' || (report.strict && f.severity === 'warning'));
  const failure = (findings: ValidationFinding[]) => {
    const body = findings.map((f) => `${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${f.message}`).join('\n');
    return `      <failure type="${xml(findings[0]!.code)}" message="${xml(findings[0]!.message)}">${xml(body)}</failure>`;
  };
  const cases = report.results.map((r) => {
    const head = `    <testcase classname="hdld.validate.${r.kind}" name="${xml(r.file)}" time="${r.seconds.toFixed(3)}"`;
    if (r.skipped) return `${head}>\n      <skipped message="${xml(r.skipped)}"/>\n    </testcase>`;
    const errors = failing(r.findings);
    return errors.length === 0 ? `${head}/>` : `${head}>\n${failure(errors)}\n    </testcase>`;
  });
  const notices = failing(report.notices);
  if (notices.length > 0)
    cases.unshift(
      `    <testcase classname="hdld.validate.run" name="trust anchors" time="0.000">\n${failure(notices)}\n    </testcase>`,
    );
  const failures = cases.filter((c) => c.includes('<failure')).length;
  const skipped = report.results.filter((r) => r.skipped).length;
  const time = report.results.reduce((sum, r) => sum + r.seconds, 0).toFixed(3);
  const counts = `tests="${cases.length}" failures="${failures}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hdld validate" ${counts} time="${time}">`,
    `  <testsuite name="hdld validate" ${counts} errors="0" skipped="${skipped}" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

/** GitHub Actions workflow commands: an annotation per finding on the file concerned. */
function github(report: ValidationReport): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const annotation = (f: ValidationFinding, file?: string) =>
    `::${f.severity} ${file ? `file=${property(file)},` : ''}title=${property(f.code)}::${data(`${f.pointer ? `${f.pointer}: ` : ''}${f.title ? `${f.title}: ` : ''}${f.message}`)}`;
  return [
    ...report.notices.map((f) => annotation(f)),
    ...report.results.flatMap((r: FileResult) =>
      r.skipped
        ? [`::notice file=${property(r.file)},title=skipped::${data(r.skipped)}`]
        : r.findings.map((f) => annotation(f, r.file)),
    ),
  ].join('\n');
}

export function formatReport(
  report: ValidationReport,
  format: ReportFormat,
  lang: Lang,
  fails: boolean,
): string {
  if (format === 'json') {
    const checked = report.results.filter((r) => !r.skipped);
    // seconds vary run to run: left out so the output can be compared.
    return JSON.stringify(
      {
        ok: !fails,
        files: checked.length,
        failed: checked.filter((r) => !r.ok).length,
        skipped: report.results.length - checked.length,
        strict: report.strict,
        notices: report.notices,
        results: report.results.map(({ seconds: _s, ...r }) => r),
      },
      null,
      2,
    );
  }
  if (format === 'junit') return junit(report);
  if (format === 'github') return github(report);
  return text(report, lang);
}
