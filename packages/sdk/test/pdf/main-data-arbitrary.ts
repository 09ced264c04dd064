import type { ContractMainData } from '@hdld/spec';
import fc from 'fast-check';

/**
 * fast-check arbitraries for any main data the spec's schema accepts (T6), with the edge cases
 * that stress the layout: Vietnamese text of every length up to the schema maximum (including
 * 500 characters without a space), 50 allowances and 50 supplements, optional fields absent.
 */

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const CHARACTERS = [
  ...VIETNAMESE_LETTERS,
  ...VIETNAMESE_LETTERS.toUpperCase(),
  ...'0123456789',
  ...'      ',
  ...',.-/()&:;"\'',
];

/** Vietnamese-looking text; sometimes any Unicode at all, which the font may not have. */
export const text = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength: 1, maxLength }) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(maxLength, 40) }),
    },
  );

const isoDate = fc
  .date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const money = fc.integer({ min: 0, max: 10_000_000_000 });

const moneyItems = fc.array(fc.record({ name: text(200), amount: money }), { maxLength: 50 });

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

const identity = fc.oneof(
  fc.record({ type: fc.constant('CCCD' as const), number: digits(12) }),
  fc.record({ type: fc.constant('CMND' as const), number: digits(9) }),
  fc.record({
    type: fc.constant('PASSPORT' as const),
    number: fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'),
      minLength: 6,
      maxLength: 12,
    }),
  }),
);

export const contractMainData: fc.Arbitrary<ContractMainData> = fc.record(
  {
    contractNumber: text(50),
    concludedOn: isoDate,
    employer: fc.record(
      {
        name: text(255),
        taxCode: fc.oneof(
          digits(10),
          fc.tuple(digits(10), digits(3)).map(([code, branch]) => `${code}-${branch}`),
        ),
        address: text(500),
        provinceCode: digits(2),
        representative: fc.record({ fullName: text(100), title: text(100) }),
      },
      { requiredKeys: ['name', 'address', 'representative'] },
    ),
    employee: fc.record(
      {
        fullName: text(100),
        dateOfBirth: isoDate,
        sex: fc.constantFrom('MALE' as const, 'FEMALE' as const),
        residence: text(500),
        identity,
        nationality: fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
          minLength: 2,
          maxLength: 2,
        }),
      },
      { requiredKeys: ['fullName', 'dateOfBirth', 'sex', 'residence', 'identity'] },
    ),
    job: fc.record(
      {
        position: fc.constantFrom(
          'MANAGER' as const,
          'HIGH_TECHNICAL' as const,
          'MID_TECHNICAL' as const,
          'OTHER' as const,
        ),
        title: text(200),
        workplace: fc.oneof(fc.constant(''), text(500)),
      },
      { requiredKeys: ['position', 'title'] },
    ),
    term: fc.record(
      {
        type: fc.constantFrom(
          'INDEFINITE' as const,
          'FIXED_TERM' as const,
          'UNDER_ONE_MONTH' as const,
          'PROBATION' as const,
        ),
        startDate: isoDate,
        endDate: isoDate,
      },
      { requiredKeys: ['type', 'startDate'] },
    ),
    pay: fc.record(
      {
        salary: money,
        form: fc.constantFrom('TIME_BASED' as const, 'PRODUCT_BASED' as const, 'PIECE_RATE' as const),
        method: fc.constantFrom('CASH' as const, 'BANK_TRANSFER' as const),
        period: fc.constantFrom(
          'HOURLY' as const,
          'DAILY' as const,
          'WEEKLY' as const,
          'BIWEEKLY' as const,
          'MONTHLY' as const,
        ),
        allowances: moneyItems,
        otherSupplements: moneyItems,
      },
      { requiredKeys: ['salary', 'form', 'method', 'period'] },
    ),
    workingTime: fc.record(
      {
        hoursPerDay: fc.double({ min: 1, max: 12, noNaN: true }),
        daysPerWeek: fc.integer({ min: 1, max: 7 }),
        description: fc.oneof(fc.constant(''), text(500)),
      },
      { requiredKeys: [] },
    ),
    socialInsurance: fc.boolean(),
  },
  { requiredKeys: ['contractNumber', 'concludedOn', 'employer', 'employee', 'job', 'term', 'pay'] },
);
