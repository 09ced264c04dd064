import type { ContractMainData } from '@hdld/spec';

/**
 * Vietnamese wording of the main-data values as they appear on a printed labor contract
 * (Decree 337/2025 Art. 13.1.c fields; the legal terms follow the Labor Code 2019).
 */

type Pay = ContractMainData['pay'];

/** 15000000 -> "15.000.000 đồng": Vietnamese groups thousands with dots. */
export function formatDong(amount: number): string {
  const digits = Math.trunc(Math.abs(amount)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped} đồng`;
}

/** ISO calendar date "2026-03-01" -> "01/03/2026" (day first, as Vietnamese documents write it). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** "ngày 01 tháng 03 năm 2026", the wording of the opening line of a contract. */
export function formatDateInWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

export const SEX_LABEL: Record<ContractMainData['employee']['sex'], string> = {
  MALE: 'Nam',
  FEMALE: 'Nữ',
};

export const IDENTITY_LABEL: Record<ContractMainData['employee']['identity']['type'], string> = {
  CCCD: 'Số căn cước công dân',
  CMND: 'Số chứng minh nhân dân',
  PASSPORT: 'Số hộ chiếu',
};

/** Job positions as Decree 145/2020 classifies them for labor statistics. */
export const POSITION_LABEL: Record<ContractMainData['job']['position'], string> = {
  MANAGER: 'Nhà quản lý',
  HIGH_TECHNICAL: 'Chuyên môn kỹ thuật bậc cao',
  MID_TECHNICAL: 'Chuyên môn kỹ thuật bậc trung',
  OTHER: 'Khác',
};

/** Contract types of Labor Code Art. 20, plus the "other" cases the Decree names. */
export const TERM_LABEL: Record<ContractMainData['term']['type'], string> = {
  INDEFINITE: 'Hợp đồng lao động không xác định thời hạn',
  FIXED_TERM: 'Hợp đồng lao động xác định thời hạn',
  UNDER_ONE_MONTH: 'Hợp đồng lao động có thời hạn dưới 01 tháng',
  PROBATION: 'Hợp đồng thử việc',
};

/** Forms of pay of Labor Code Art. 96. */
export const PAY_FORM_LABEL: Record<Pay['form'], string> = {
  TIME_BASED: 'Trả lương theo thời gian',
  PRODUCT_BASED: 'Trả lương theo sản phẩm',
  PIECE_RATE: 'Trả lương khoán',
};

export const PAY_METHOD_LABEL: Record<Pay['method'], string> = {
  CASH: 'Tiền mặt',
  BANK_TRANSFER: 'Chuyển khoản qua ngân hàng',
};

/** The unit a salary is quoted per, as in "15.000.000 đồng/tháng". */
export const PAY_PERIOD_UNIT: Record<Pay['period'], string> = {
  HOURLY: 'giờ',
  DAILY: 'ngày',
  WEEKLY: 'tuần',
  BIWEEKLY: '02 tuần',
  MONTHLY: 'tháng',
};

/** Pay period (kỳ hạn trả lương, Labor Code Art. 97). */
export const PAY_PERIOD_LABEL: Record<Pay['period'], string> = {
  HOURLY: 'Theo giờ',
  DAILY: 'Theo ngày',
  WEEKLY: 'Hằng tuần',
  BIWEEKLY: '02 tuần một lần',
  MONTHLY: 'Hằng tháng',
};

/** Hours and days may be fractional in the schema (7.5 hours): Vietnamese uses a decimal comma. */
export function formatQuantity(value: number): string {
  return String(value).replace('.', ',');
}
