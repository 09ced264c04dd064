import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import type { FileResult } from './model.js';

export type ReportFormat = 'text' | 'json' | 'junit' | 'github';

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

function text(results: FileResult[], lang: Lang): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.ok ? '✓' : '✗'} ${r.file}`);
    for (const f of r.findings) {
      const severity = f.severity === 'error' ? t(lang, 'validate.error') : t(lang, 'validate.warning');
      // The SDK's Vietnamese details already carry the catalog title: not twice.
      const text = f.title && !f.message.includes(f.title) ? `${f.title} (${f.message})` : f.message;
      lines.push(`    ${severity} ${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${text}`);
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push('', `${results.length - failed}/${results.length} ${t(lang, 'validate.passed')}`);
  return lines.join('\n');
}

/** JUnit XML as CI servers read it: one testcase per file, one failure per error finding. */
function junit(results: FileResult[]): string {
  const failures = results.filter((r) => !r.ok).length;
  const time = results.reduce((sum, r) => sum + r.seconds, 0).toFixed(3);
  const cases = results.map((r) => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const head = `    <testcase classname="hdld.validate.${r.kind}" name="${xml(r.file)}" time="${r.seconds.toFixed(3)}"`;
    if (errors.length === 0) return `${head}/>`;
    const body = errors.map((f) => `${f.code}${f.pointer ? ` ${f.pointer}` : ''}: ${f.message}`).join('\n');
    return `${head}>\n      <failure type="${xml(errors[0]!.code)}" message="${xml(errors[0]!.message)}">${xml(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hdld validate" tests="${results.length}" failures="${failures}" time="${time}">`,
    `  <testsuite name="hdld validate" tests="${results.length}" failures="${failures}" errors="0" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

/** GitHub Actions workflow commands: an annotation per finding on the file concerned. */
function github(results: FileResult[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return results
    .flatMap((r) =>
      r.findings.map(
        (f) =>
          `::${f.severity} file=${property(r.file)},title=${property(f.code)}::${data(`${f.pointer ? `${f.pointer}: ` : ''}${f.title ? `${f.title}: ` : ''}${f.message}`)}`,
      ),
    )
    .join('\n');
}

export function formatResults(results: FileResult[], format: ReportFormat, lang: Lang): string {
  if (format === 'json') {
    const { length } = results;
    const failed = results.filter((r) => !r.ok).length;
    // seconds vary run to run: left out so the output can be compared.
    return JSON.stringify(
      { ok: failed === 0, files: length, failed, results: results.map(({ seconds: _s, ...r }) => r) },
      null,
      2,
    );
  }
  if (format === 'junit') return junit(results);
  if (format === 'github') return github(results);
  return text(results, lang);
}
