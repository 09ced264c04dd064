import type { Localized } from './problem.js';

/** One issue of the Ajv validator, as Fastify hands them over (`error.validation`). */
export type AjvIssue = {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
};

const TYPES_VI: Record<string, string> = {
  string: 'chuỗi',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'giá trị đúng/sai (boolean)',
  object: 'đối tượng JSON',
  array: 'mảng',
  null: 'null',
};

const list = (values: unknown) => (Array.isArray(values) ? values.map(String).join(', ') : String(values));

const COMPARISONS_VI: Record<string, string> = {
  '>=': 'lớn hơn hoặc bằng',
  '<=': 'nhỏ hơn hoặc bằng',
  '>': 'lớn hơn',
  '<': 'nhỏ hơn',
};

/**
 * The Vietnamese text of an Ajv issue, per keyword, with the values it names (limits, allowed
 * values, the pattern or format). Keywords the API's schemas do not use fall back to a generic text.
 */
function vietnamese(issue: AjvIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'là bắt buộc';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'không được phép (trường không có trong lược đồ)';
    case 'type':
      return `phải là ${String(p.type)
        .split(',')
        .map((t) => TYPES_VI[t] ?? t)
        .join(' hoặc ')}`;
    case 'minLength':
      return `phải có ít nhất ${p.limit} ký tự`;
    case 'maxLength':
      return `chỉ được có tối đa ${p.limit} ký tự`;
    case 'pattern':
      return `phải khớp mẫu ${p.pattern}`;
    case 'format':
      return `phải đúng định dạng ${p.format}`;
    case 'enum':
      return `phải là một trong các giá trị: ${list(p.allowedValues)}`;
    case 'const':
      return `phải bằng ${list(p.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `phải ${COMPARISONS_VI[String(p.comparison)] ?? String(p.comparison)} ${p.limit}`;
    case 'multipleOf':
      return `phải là bội số của ${p.multipleOf}`;
    case 'minItems':
      return `phải có ít nhất ${p.limit} phần tử`;
    case 'maxItems':
      return `chỉ được có tối đa ${p.limit} phần tử`;
    case 'uniqueItems':
      return `không được có phần tử trùng nhau (phần tử ${p.j} và ${p.i} giống nhau)`;
    case 'minProperties':
      return `phải có ít nhất ${p.limit} trường`;
    case 'maxProperties':
      return `chỉ được có tối đa ${p.limit} trường`;
    case 'oneOf':
      return 'phải khớp đúng một trong các dạng cho phép';
    case 'anyOf':
      return 'phải khớp ít nhất một trong các dạng cho phép';
    case 'not':
      return 'không được khớp dạng bị cấm';
    case 'propertyNames':
      return `có tên trường không hợp lệ: ${String(p.propertyName)}`;
    default:
      return 'không hợp lệ';
  }
}

/**
 * The pointer of an issue (T9: field-level details) and its detail in both languages, the pointer
 * kept at the front of each: `required` and `additionalProperties` point at the property itself.
 */
export function describeIssue(issue: AjvIssue, base: string): { pointer: string; detail: Localized } {
  const missing = issue.keyword === 'required' ? `/${String(issue.params.missingProperty)}` : '';
  const extra = issue.keyword === 'additionalProperties' ? `/${String(issue.params.additionalProperty)}` : '';
  const pointer = `${base}${issue.instancePath}${missing}${extra}` || '/';
  const allowed = Array.isArray(issue.params.allowedValues) ? `: ${list(issue.params.allowedValues)}` : '';
  const english =
    issue.keyword === 'additionalProperties' ? 'is not allowed' : (issue.message ?? 'is invalid');
  return {
    pointer,
    detail: { en: `${pointer} ${english}${allowed}`, vi: `${pointer} ${vietnamese(issue)}` },
  };
}
