import type { ContractMainData } from '@hdld/spec';
import { type Finding, item } from './finding.js';

// Moved from packages/server/src/pipeline/checks/labor-rules.ts so the Platform and validateLocally
// apply one copy of the rules (issue 5); the server imports it from here.
const DAY_MS = 86_400_000;

const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/** Whole years between two calendar dates (the age on `at`). */
export function ageOn(dateOfBirth: string, at: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

/** The same day `months` later (clamped by Date to the month's length). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function termFindings(data: ContractMainData, pointer: string): Finding[] {
  const { term } = data;
  const at = `${pointer}/endDate`;
  if (term.type === 'INDEFINITE') {
    return term.endDate
      ? [
          item(
            'LABOR_TERM_INVALID',
            {
              en: 'An indefinite-term contract has no end date.',
              vi: 'Hợp đồng không xác định thời hạn không có ngày kết thúc.',
            },
            at,
          ),
        ]
      : [];
  }
  if (!term.endDate) {
    return [
      item(
        'LABOR_TERM_INVALID',
        { en: `A ${term.type} contract needs an end date.`, vi: 'Loại hợp đồng này phải có ngày kết thúc.' },
        at,
      ),
    ];
  }
  if (term.endDate < term.startDate) {
    return [
      item(
        'LABOR_TERM_INVALID',
        { en: 'The end date is before the start date.', vi: 'Ngày kết thúc trước ngày bắt đầu.' },
        at,
      ),
    ];
  }
  // Labor Code 2019 Art. 20.1.b: a fixed term lasts at most 36 months.
  if (term.type === 'FIXED_TERM' && term.endDate > addMonths(term.startDate, 36)) {
    return [
      item(
        'LABOR_TERM_INVALID',
        {
          en: 'A fixed term lasts at most 36 months (Labor Code Art. 20).',
          vi: 'Hợp đồng xác định thời hạn tối đa 36 tháng (Điều 20 Bộ luật Lao động).',
        },
        at,
      ),
    ];
  }
  if (term.type === 'UNDER_ONE_MONTH' && term.endDate >= addMonths(term.startDate, 1)) {
    return [
      item(
        'LABOR_TERM_INVALID',
        {
          en: 'An under-one-month contract must end within one month.',
          vi: 'Hợp đồng dưới 1 tháng phải kết thúc trong vòng 1 tháng.',
        },
        at,
      ),
    ];
  }
  // Labor Code 2019 Art. 25: probation lasts at most 180 days.
  if (term.type === 'PROBATION' && days(term.startDate, term.endDate) > 180) {
    return [
      item(
        'LABOR_TERM_INVALID',
        {
          en: 'Probation lasts at most 180 days (Labor Code Art. 25).',
          vi: 'Thời gian thử việc tối đa 180 ngày (Điều 25 Bộ luật Lao động).',
        },
        at,
      ),
    ];
  }
  return [];
}

/**
 * Business rules of the Labor Code 2019 on the main data (T9 "validity checks"). Dates are ISO
 * calendar dates, so string comparison orders them.
 */
export function checkLaborRules(data: ContractMainData, base = '/mainData'): Finding[] {
  const findings = termFindings(data, `${base}/term`);
  const dob = `${base}/employee/dateOfBirth`;
  if (data.employee.dateOfBirth > data.concludedOn) {
    findings.push(
      item(
        'MAIN_DATA_INVALID',
        { en: 'The date of birth is after the contract date.', vi: 'Ngày sinh sau ngày giao kết hợp đồng.' },
        dob,
      ),
    );
  } else if (ageOn(data.employee.dateOfBirth, data.concludedOn) < 15) {
    // Labor Code 2019 Art. 143-145: under 15 is a special regime this Platform does not accept.
    findings.push(
      item(
        'EMPLOYEE_UNDERAGE',
        {
          en: 'The employee is under 15 on the contract date (Labor Code Art. 143).',
          vi: 'Người lao động chưa đủ 15 tuổi vào ngày giao kết (Điều 143 Bộ luật Lao động).',
        },
        dob,
      ),
    );
  }
  return findings;
}
