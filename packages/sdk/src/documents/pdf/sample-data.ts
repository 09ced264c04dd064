import type { ContractMainData } from '@hdld/spec';
import { addDays, addMonths } from '../../validation/calendar-dates.js';

/**
 * Realistic but fictional contracts for demos, examples and tests: `sampleContractMainData(seed)`
 * always returns the same contract for the same seed and a different-looking one for other seeds.
 * Every contract is valid against the spec's schema and plausible under the Labor Code (fixed
 * terms of at most 36 months, probation of at most 60 days, age 18+). All names are made up.
 */

type Employer = ContractMainData['employer'] & { code: string; provinceCode: string; taxCode: string };

/**
 * The employers of the sample contracts: the sandbox seeds its stand-in business registry with them
 * (server sandbox/seed-sandbox-registries.ts), so sample contracts pass the employer check (F8).
 */
export const SAMPLE_EMPLOYERS: readonly Employer[] = [
  {
    code: 'TCVN',
    name: 'Công ty TNHH Dệt may Thành Công Việt Nam',
    taxCode: '0201234567',
    address: 'Lô B2, Khu công nghiệp Đình Vũ, phường Đông Hải, thành phố Hải Phòng',
    provinceCode: '31',
    representative: { fullName: 'Trần Quốc Hưng', title: 'Tổng Giám đốc' },
  },
  {
    code: 'SHS',
    name: 'Công ty Cổ phần Phần mềm Sông Hồng',
    taxCode: '0109876543',
    address: 'Tầng 12, tòa nhà Hà Thành, số 102 phố Thái Thịnh, phường Đống Đa, thành phố Hà Nội',
    provinceCode: '01',
    representative: { fullName: 'Nguyễn Thị Minh Thư', title: 'Giám đốc' },
  },
  {
    code: 'ADE',
    name: 'Công ty TNHH Điện tử Ánh Dương',
    taxCode: '0312345678-001',
    address: 'Đường số 7, Khu chế xuất Tân Thuận, phường Tân Thuận, Thành phố Hồ Chí Minh',
    provinceCode: '79',
    representative: { fullName: 'Lê Hoàng Phúc', title: 'Phó Tổng Giám đốc phụ trách nhân sự' },
  },
  {
    code: 'TPMT',
    name: 'Công ty Cổ phần Thực phẩm Miền Trung',
    taxCode: '0401122334',
    address: 'Số 25 đường Nguyễn Văn Linh, phường Hải Châu, thành phố Đà Nẵng',
    provinceCode: '48',
    representative: { fullName: 'Phạm Đức Thắng', title: 'Giám đốc' },
  },
  {
    code: 'HTXPS',
    name: 'Hợp tác xã Nông nghiệp Phù Sa',
    taxCode: '1801239876',
    address: 'Ấp Thới Hòa, xã Thới Lai, thành phố Cần Thơ',
    provinceCode: '92',
    representative: { fullName: 'Huỳnh Văn Lợi', title: 'Chủ tịch Hội đồng quản trị kiêm Giám đốc' },
  },
  {
    code: 'CDT',
    name: 'Công ty TNHH Du lịch Cố Đô',
    taxCode: '3301456789',
    address: 'Số 8 đường Lê Lợi, phường Thuận Hóa, thành phố Huế',
    provinceCode: '46',
    representative: { fullName: 'Tôn Nữ Diễm Kiều', title: 'Giám đốc điều hành' },
  },
];

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_NAMES = {
  MALE: ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thành'],
  FEMALE: ['Thị', 'Ngọc', 'Thu', 'Hồng', 'Thùy', 'Mỹ'],
};
const GIVEN_NAMES = {
  MALE: [
    'Anh',
    'Bình',
    'Cường',
    'Dũng',
    'Hùng',
    'Khoa',
    'Long',
    'Nam',
    'Phúc',
    'Quang',
    'Sơn',
    'Thắng',
    'Tuấn',
    'Việt',
    'Lộc',
  ],
  FEMALE: [
    'Hà',
    'Hương',
    'Lan',
    'Linh',
    'Mai',
    'Nga',
    'Nhung',
    'Phương',
    'Quỳnh',
    'Thảo',
    'Trang',
    'Uyên',
    'Yến',
    'Ánh',
    'Ngọc Ánh',
  ],
};
const FOREIGN_EMPLOYEES = [
  { fullName: 'KIM MIN JUN', nationality: 'KR', sex: 'MALE' },
  { fullName: 'TANAKA YUKI', nationality: 'JP', sex: 'FEMALE' },
  { fullName: 'SOMCHAI PHONSAVANH', nationality: 'LA', sex: 'MALE' },
] as const;

const RESIDENCES = [
  'Số 15 ngõ 42 phố Trần Duy Hưng, phường Yên Hòa, thành phố Hà Nội',
  'Thôn Đông Thượng, xã Quỳnh Phụ, tỉnh Hưng Yên',
  'Tổ dân phố 5, phường Đồng Hới, tỉnh Quảng Trị',
  'Ấp 3, xã Đức Hòa, tỉnh Tây Ninh',
  'Số 210 đường Trần Hưng Đạo, phường Quy Nhơn, tỉnh Gia Lai',
  'Bản Tà Xùa, xã Bắc Yên, tỉnh Sơn La',
  'Khóm 4, phường Cà Mau, tỉnh Cà Mau',
  'Số 9 kiệt 112 đường Phan Chu Trinh, phường Hải Châu, thành phố Đà Nẵng',
  'Chung cư Ehome 3, phường Bình Tân, Thành phố Hồ Chí Minh',
];

const JOBS: Record<ContractMainData['job']['position'], readonly string[]> = {
  MANAGER: ['Trưởng phòng Kinh doanh', 'Quản đốc phân xưởng may', 'Trưởng phòng Hành chính - Nhân sự'],
  HIGH_TECHNICAL: [
    'Kỹ sư phần mềm',
    'Kỹ sư thiết kế vi mạch',
    'Kế toán tổng hợp',
    'Bác sĩ y tế doanh nghiệp',
  ],
  MID_TECHNICAL: [
    'Kỹ thuật viên bảo trì thiết bị',
    'Thợ hàn bậc 4/7',
    'Điều dưỡng',
    'Hướng dẫn viên du lịch',
  ],
  OTHER: [
    'Công nhân may công nghiệp',
    'Nhân viên bán hàng',
    'Lao động phổ thông',
    'Nhân viên phục vụ buồng phòng',
  ],
};

const ALLOWANCES = [
  { name: 'Phụ cấp ăn trưa', amount: 730_000 },
  { name: 'Phụ cấp xăng xe, đi lại', amount: 500_000 },
  { name: 'Phụ cấp điện thoại', amount: 300_000 },
  { name: 'Phụ cấp trách nhiệm', amount: 1_000_000 },
  { name: 'Phụ cấp nhà ở', amount: 1_500_000 },
  { name: 'Phụ cấp độc hại, nguy hiểm', amount: 650_000 },
  { name: 'Phụ cấp thâm niên', amount: 400_000 },
];

const SUPPLEMENTS = [
  { name: 'Thưởng chuyên cần', amount: 500_000 },
  { name: 'Hỗ trợ nuôi con nhỏ dưới 6 tuổi', amount: 300_000 },
  { name: 'Hỗ trợ gửi xe', amount: 120_000 },
];

const SHIFTS = [
  'Từ 08 giờ 00 đến 17 giờ 00, nghỉ trưa 60 phút',
  'Làm việc theo ca: ca 1 từ 06 giờ 00 đến 14 giờ 00, ca 2 từ 14 giờ 00 đến 22 giờ 00',
  'Từ thứ Hai đến thứ Sáu, sáng 07 giờ 30 đến 11 giờ 30, chiều 13 giờ 00 đến 17 giờ 00',
];

/** Salary ranges per pay period, in đồng (above the 2026 regional minimum wages). */
const SALARY_RANGE: Record<ContractMainData['pay']['period'], readonly [number, number, number]> = {
  HOURLY: [25_000, 120_000, 1_000],
  DAILY: [250_000, 900_000, 10_000],
  WEEKLY: [1_500_000, 5_000_000, 50_000],
  BIWEEKLY: [3_000_000, 10_000_000, 100_000],
  MONTHLY: [5_500_000, 65_000_000, 100_000],
};

export function sampleContractMainData(seed: number): ContractMainData {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  const { code, ...employer } = pick(SAMPLE_EMPLOYERS);
  const concludedOn = addDays('2026-01-05', between(0, 330));
  const position = pick(['MANAGER', 'HIGH_TECHNICAL', 'MID_TECHNICAL', 'OTHER', 'OTHER', 'OTHER'] as const);
  const term = sampleTerm(concludedOn, position, pick, between);
  const period =
    term.type === 'UNDER_ONE_MONTH'
      ? pick(['DAILY', 'WEEKLY'] as const)
      : pick(['MONTHLY', 'MONTHLY', 'MONTHLY', 'BIWEEKLY', 'HOURLY'] as const);
  const [low, high, step] = SALARY_RANGE[period];
  const allowances = ALLOWANCES.filter(() => random() < 0.4);
  const otherSupplements = SUPPLEMENTS.filter(() => random() < 0.3);

  return {
    contractNumber: `${between(1, 999).toString().padStart(3, '0')}/${concludedOn.slice(0, 4)}/HĐLĐ-${code}`,
    concludedOn,
    employer,
    employee: sampleEmployee(random, pick, between),
    job: {
      position,
      title: pick(JOBS[position]),
      ...(random() < 0.5 ? { workplace: employer.address } : {}),
    },
    term,
    pay: {
      salary: low + step * between(0, Math.floor((high - low) / step)),
      form:
        period === 'HOURLY'
          ? 'TIME_BASED'
          : pick(['TIME_BASED', 'TIME_BASED', 'PRODUCT_BASED', 'PIECE_RATE'] as const),
      method: random() < 0.85 ? 'BANK_TRANSFER' : 'CASH',
      period,
      ...(allowances.length > 0 ? { allowances } : {}),
      ...(otherSupplements.length > 0 ? { otherSupplements } : {}),
    },
    workingTime: { hoursPerDay: 8, daysPerWeek: pick([5, 5.5, 6]), description: pick(SHIFTS) },
    // Contracts under one month are outside compulsory social insurance (Law on Social Insurance 2024).
    socialInsurance: term.type !== 'UNDER_ONE_MONTH',
  };
}

type Pick = <T>(items: readonly T[]) => T;
type Between = (min: number, max: number) => number;

function sampleTerm(
  concludedOn: string,
  position: ContractMainData['job']['position'],
  pick: Pick,
  between: Between,
): ContractMainData['term'] {
  const startDate = addDays(concludedOn, between(0, 14));
  const type = pick(['INDEFINITE', 'FIXED_TERM', 'FIXED_TERM', 'UNDER_ONE_MONTH', 'PROBATION'] as const);
  switch (type) {
    case 'INDEFINITE':
      return { type, startDate };
    case 'FIXED_TERM':
      return { type, startDate, endDate: addDays(addMonths(startDate, pick([6, 12, 24, 36])), -1) };
    case 'UNDER_ONE_MONTH':
      // 27 days at most: under one month even from 1 February (checkLaborRules, LABOR_TERM_INVALID).
      return { type, startDate, endDate: addDays(startDate, between(6, 26)) };
    case 'PROBATION':
      // Labor Code Art. 25: up to 180 days for managers, 60 for higher technical jobs, 30 otherwise.
      return { type, startDate, endDate: addDays(startDate, position === 'OTHER' ? 29 : 59) };
  }
}

function sampleEmployee(random: () => number, pick: Pick, between: Between): ContractMainData['employee'] {
  const birthYear = between(1968, 2007);
  const dateOfBirth = addDays(`${birthYear}-01-01`, between(0, 364));
  const residence = pick(RESIDENCES);
  if (random() < 0.08) {
    const foreigner = pick(FOREIGN_EMPLOYEES);
    return {
      fullName: foreigner.fullName,
      dateOfBirth,
      sex: foreigner.sex,
      residence,
      identity: { type: 'PASSPORT', number: `M${between(10_000_000, 99_999_999)}` },
      nationality: foreigner.nationality,
    };
  }
  const sex = random() < 0.5 ? 'MALE' : 'FEMALE';
  const fullName = `${pick(FAMILY_NAMES)} ${pick(MIDDLE_NAMES[sex])} ${pick(GIVEN_NAMES[sex])}`;
  // A CCCD number: birth-province code, century-and-sex digit, year of birth, then six digits.
  const centuryAndSex = (birthYear >= 2000 ? 2 : 0) + (sex === 'FEMALE' ? 1 : 0);
  const number = `${between(1, 96).toString().padStart(3, '0')}${centuryAndSex}${String(birthYear).slice(2)}${between(0, 999_999).toString().padStart(6, '0')}`;
  return { fullName, dateOfBirth, sex, residence, identity: { type: 'CCCD', number }, nationality: 'VN' };
}

/** Small seeded generator (public domain mulberry32): enough for varied demo data, not for secrets. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
