import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { sampleContractMainData } from '@hdld/sdk/documents';
import { type ContractMainData, ContractMainDataSchema } from '@hdld/spec';
import { parseCsv, toCsv } from './csv.js';

/** One input row of `contract build`: the main data and, optionally, the provider reference. */
export type ContractRow = { line: number; providerReference?: string; mainData: ContractMainData };
export type RowProblem = { line: number; message: string };

/**
 * CSV columns: dotted paths of ContractMainData (T6 field dictionary), plus `providerReference`.
 * Lists are `name:amount` pairs separated by `;` (pay.allowances, pay.otherSupplements).
 */
const NUMBER_COLUMNS = new Set(['pay.salary', 'workingTime.hoursPerDay', 'workingTime.daysPerWeek']);
const BOOLEAN_COLUMNS = new Set(['socialInsurance']);
const LIST_COLUMNS = new Set(['pay.allowances', 'pay.otherSupplements']);

export const CSV_COLUMNS = [
  'providerReference',
  'contractNumber',
  'concludedOn',
  'employer.name',
  'employer.taxCode',
  'employer.address',
  'employer.provinceCode',
  'employer.representative.fullName',
  'employer.representative.title',
  'employee.fullName',
  'employee.dateOfBirth',
  'employee.sex',
  'employee.residence',
  'employee.identity.type',
  'employee.identity.number',
  'employee.nationality',
  'job.position',
  'job.title',
  'job.workplace',
  'term.type',
  'term.startDate',
  'term.endDate',
  'pay.salary',
  'pay.form',
  'pay.method',
  'pay.period',
  'pay.allowances',
  'pay.otherSupplements',
  'workingTime.hoursPerDay',
  'workingTime.daysPerWeek',
  'workingTime.description',
  'socialInsurance',
] as const;

function cellValue(column: string, raw: string): unknown {
  if (NUMBER_COLUMNS.has(column)) return Number(raw.replace(/[\s.,_](?=\d{3}\b)/g, ''));
  if (BOOLEAN_COLUMNS.has(column)) return /^(true|yes|1|có|co|x)$/i.test(raw);
  if (LIST_COLUMNS.has(column)) {
    return raw
      .split(';')
      .filter((item) => item.trim())
      .map((item) => {
        const at = item.lastIndexOf(':');
        return { name: item.slice(0, at).trim(), amount: Number(item.slice(at + 1).replace(/[\s.,_]/g, '')) };
      });
  }
  return raw;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function fromCsv(text: string): unknown[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    header.forEach((column, i) => {
      const raw = (row[i] ?? '').trim();
      if (raw !== '') setPath(record, column.trim(), cellValue(column.trim(), raw));
    });
    return record;
  });
}

/** JSON (one object or an array), NDJSON (one object a line) or CSV, by extension. */
export async function readContractRows(
  path: string,
): Promise<{ rows: ContractRow[]; problems: RowProblem[] }> {
  const text = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  const records: unknown[] =
    ext === '.csv'
      ? fromCsv(text)
      : ext === '.ndjson' || ext === '.jsonl'
        ? text
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l))
        : [JSON.parse(text)].flat();
  const rows: ContractRow[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, index) => {
    // A row is either bare main data or { providerReference, mainData }.
    const { providerReference, mainData, ...rest } = record as {
      providerReference?: string;
      mainData?: unknown;
    };
    const parsed = ContractMainDataSchema.safeParse(mainData ?? rest);
    const line = ext === '.csv' ? index + 2 : index + 1;
    if (parsed.success)
      rows.push({ line, mainData: parsed.data, ...(providerReference ? { providerReference } : {}) });
    else {
      for (const issue of parsed.error.issues)
        problems.push({ line, message: `${issue.path.join('.')}: ${issue.message}` });
    }
  });
  return { rows, problems };
}

/** The CSV template: the header and one filled example row (`hdld contract template`). */
export function csvTemplate(): string {
  const example = sampleContractMainData(1) as unknown as Record<string, unknown>;
  const get = (path: string): string => {
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], example);
    if (value === undefined) return path === 'providerReference' ? 'HD-2026-000001' : '';
    if (Array.isArray(value))
      return value.map((v: { name: string; amount: number }) => `${v.name}:${v.amount}`).join(';');
    return String(value);
  };
  return toCsv([[...CSV_COLUMNS], CSV_COLUMNS.map(get)]);
}
