import type { ContractMainData } from '@hdld/spec';
import { addDays, addMonths, ageOn, daysBetween, vietnamDate } from './calendar-dates.js';
import { type Finding, item } from './finding.js';

// Moved from packages/server/src/pipeline/checks/labor-rules.ts so the Platform and validateLocally
// apply one copy of the rules (issue 5); the server imports it from here.

export type LaborRulesContext = {
  /**
   * When the Platform received the submission (its clock), or, before sending, now: a contract
   * cannot have been concluded on a later Vietnamese date.
   */
  submittedAt: Date;
};

const termInvalid = (en: string, vi: string, pointer: string) =>
  item('LABOR_TERM_INVALID', { en, vi }, pointer);

/**
 * The term's own rules. An end date is the last day of the term, as contracts write it ("from
 * 02/03/2026 to 01/03/2028" is 24 months), so a term of at most N months ends before the same day
 * N months after its start, and the day after its end is the first day outside it.
 */
function termFindings(data: ContractMainData, pointer: string): Finding[] {
  const { term } = data;
  const at = `${pointer}/endDate`;
  if (term.type === 'INDEFINITE') {
    // Labor Code 2019 Art. 20.1.a: the parties set no term and no end.
    return term.endDate
      ? [
          termInvalid(
            'An indefinite-term contract has no end date.',
            'Hợp đồng không xác định thời hạn không có ngày kết thúc.',
            at,
          ),
        ]
      : [];
  }
  const { startDate, endDate } = term;
  if (!endDate) {
    return [
      termInvalid(
        `A ${term.type} contract needs an end date.`,
        'Loại hợp đồng này phải có ngày kết thúc.',
        at,
      ),
    ];
  }
  if (term.type === 'FIXED_TERM') {
    // Labor Code 2019 Art. 20.1.b: the parties set when the contract ends, after it starts, and the
    // term lasts at most 36 months.
    if (endDate <= startDate) {
      return [
        termInvalid(
          `The end date ${endDate} is not after the start date ${startDate} (Labor Code Art. 20).`,
          `Ngày kết thúc ${endDate} không sau ngày bắt đầu ${startDate} (Điều 20 Bộ luật Lao động).`,
          at,
        ),
      ];
    }
    const limit = addMonths(startDate, 36);
    return endDate >= limit
      ? [
          termInvalid(
            `A fixed term lasts at most 36 months (Labor Code Art. 20): from ${startDate} it ends by ${addDays(limit, -1)}.`,
            `Hợp đồng xác định thời hạn tối đa 36 tháng (Điều 20 Bộ luật Lao động): bắt đầu từ ${startDate} thì kết thúc chậm nhất ngày ${addDays(limit, -1)}.`,
            at,
          ),
        ]
      : [];
  }
  if (endDate < startDate) {
    return [termInvalid('The end date is before the start date.', 'Ngày kết thúc trước ngày bắt đầu.', at)];
  }
  // Decree 145/2020 reports "other" contracts under one month apart (Art. 13.1.c of Decree 337).
  if (term.type === 'UNDER_ONE_MONTH' && addDays(endDate, 1) >= addMonths(startDate, 1)) {
    return [
      termInvalid(
        'An under-one-month contract must end before one month has passed.',
        'Hợp đồng dưới 01 tháng phải kết thúc trước khi đủ một tháng.',
        at,
      ),
    ];
  }
  // Labor Code 2019 Art. 25: probation lasts at most 180 days (counting its first and last day).
  if (term.type === 'PROBATION' && daysBetween(startDate, endDate) + 1 > 180) {
    return [
      termInvalid(
        'Probation lasts at most 180 days (Labor Code Art. 25).',
        'Thời gian thử việc tối đa 180 ngày (Điều 25 Bộ luật Lao động).',
        at,
      ),
    ];
  }
  return [];
}

/** The conclusion date against the submission, and the employee's age on it. */
function concludedOnFindings(data: ContractMainData, context: LaborRulesContext, base: string): Finding[] {
  const today = vietnamDate(context.submittedAt);
  // Decree 337/2025 Art. 13.1.c: the Platform collects contracts that were concluded (T9).
  if (data.concludedOn > today) {
    return [
      item(
        'MAIN_DATA_INVALID',
        {
          en: `The conclusion date ${data.concludedOn} is in the future: it was ${today} in Vietnam when the contract was submitted.`,
          vi: `Ngày giao kết ${data.concludedOn} ở tương lai: ngày gửi hợp đồng là ${today} (giờ Việt Nam).`,
        },
        `${base}/concludedOn`,
      ),
    ];
  }
  const dob = `${base}/employee/dateOfBirth`;
  if (data.employee.dateOfBirth > data.concludedOn) {
    return [
      item(
        'MAIN_DATA_INVALID',
        { en: 'The date of birth is after the contract date.', vi: 'Ngày sinh sau ngày giao kết hợp đồng.' },
        dob,
      ),
    ];
  }
  const age = ageOn(data.employee.dateOfBirth, data.concludedOn);
  // Labor Code 2019 Art. 145: a person under 15 contracts only together with their legal
  // representative, for the work the law allows; the main data cannot carry either, so the Platform
  // refuses it.
  return age < 15
    ? [
        item(
          'EMPLOYEE_UNDERAGE',
          {
            en: `The employee is ${age} on the conclusion date ${data.concludedOn}; a contract with a person under 15 needs their legal representative and allowed work (Labor Code Art. 145).`,
            vi: `Người lao động ${age} tuổi vào ngày giao kết ${data.concludedOn}; hợp đồng với người chưa đủ 15 tuổi phải có người đại diện theo pháp luật và công việc được pháp luật cho phép (Điều 145 Bộ luật Lao động).`,
          },
          dob,
        ),
      ]
    : [];
}

/**
 * Business rules of the Labor Code 2019 on the main data (T9 "validity checks"). Dates are ISO
 * calendar dates, so string comparison orders them.
 */
export function checkLaborRules(
  data: ContractMainData,
  context: LaborRulesContext,
  base = '/mainData',
): Finding[] {
  return [...termFindings(data, `${base}/term`), ...concludedOnFindings(data, context, base)];
}
