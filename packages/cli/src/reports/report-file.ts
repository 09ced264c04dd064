import { readFile } from 'node:fs/promises';
import type { ProviderReportInput } from '@hdld/sdk';
import type { Lang } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { UsageError } from '../output/errors.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A `--period` value: the month reported on, `YYYY-MM` (F33). */
export function parsePeriod(value: string, lang: Lang): string {
  if (!PERIOD.test(value)) throw new UsageError(`${t(lang, 'report.badPeriod')}: --period ${value}`);
  return value;
}

/** The month before `now` in Vietnam time (UTC+7): the one whose report is due this month (F33). */
export function previousPeriod(now: Date): string {
  const vietnam = new Date(now.getTime() + 7 * 3_600_000);
  const month = new Date(Date.UTC(vietnam.getUTCFullYear(), vietnam.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/**
 * The report to send: `--file` holds the figures, the text and, with `--audit`, the audit's result
 * (auditor, auditedOn, result, summary); `--audit` is its PDF, which the SDK hashes and encodes.
 * The Platform validates the content (REQUEST_INVALID, exit 3); only what the CLI assembles is
 * checked here.
 */
export async function readReportFile(
  options: { period: string; file: string; audit?: string },
  lang: Lang,
): Promise<ProviderReportInput> {
  let content: unknown;
  try {
    content = JSON.parse(await readFile(options.file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${options.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new UsageError(`${options.file}: ${t(lang, 'report.notAnObject')}`);
  }
  const { technicalAudit, period, ...report } = content as Record<string, unknown>;
  if (period !== undefined && period !== options.period) {
    throw new UsageError(`${options.file}: ${t(lang, 'report.periodDiffers')} (${String(period)})`);
  }
  if ((technicalAudit === undefined) !== (options.audit === undefined)) {
    throw new UsageError(t(lang, 'report.auditNeedsBoth'));
  }
  return {
    ...(report as Omit<ProviderReportInput, 'period' | 'technicalAudit'>),
    period: options.period,
    ...(options.audit
      ? {
          technicalAudit: {
            ...(technicalAudit as Omit<NonNullable<ProviderReportInput['technicalAudit']>, 'attachment'>),
            attachment: { path: options.audit },
          },
        }
      : {}),
  };
}
