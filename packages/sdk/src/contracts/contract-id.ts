/**
 * Contract ID scheme (F9, N3; Decree Art. 7-9): 16 digits shown as `dddd-dddd-dddd-dddd`.
 *
 *   YY  NNNNNNNNNNNN  CC
 *   |   |             └ ISO 7064 MOD 97-10 check digits: the whole 16-digit number mod 97 equals 1 (as in IBAN)
 *   |   └ 12 digits: a keyed permutation of a database sequence (issued by the server, see server/src/ids)
 *   └ last two digits of the issuing year
 *
 * Because 97 is prime and coprime with 10, any single-digit substitution changes the number by d·10^k
 * and any adjacent transposition by 9·(a−b)·10^k, neither of which is a multiple of 97: both are always
 * detected. Pure TypeScript (BigInt only) so it runs in browsers, Node and the CLI alike.
 */

export const CONTRACT_ID_LENGTH = 16;

const BODY_LENGTH = 14;
/** Serials are 12 digits: the permutation domain is [0, 10^12). */
export const SERIAL_LIMIT = 1_000_000_000_000;
const DIGITS_ONLY = /^[0-9]+$/;
/** Separators people type or paste: ASCII/no-break/thin spaces, hyphen and dash variants. */
const SEPARATORS = /[\s\u00a0\u2009\u202f\-\u2010-\u2015]/g;

/** Two check digits for a 14-digit body such that `body + check` is ≡ 1 (mod 97). */
export function computeCheckDigits(body: string): string {
  if (body.length !== BODY_LENGTH || !DIGITS_ONLY.test(body)) {
    throw new RangeError(`contract ID body must be ${BODY_LENGTH} digits`);
  }
  const check = 98n - ((BigInt(body) * 100n) % 97n);
  return check.toString().padStart(2, '0');
}

/**
 * Assembles an ID from the issuing year and a 12-digit serial (already permuted by the issuer).
 * Only the last two digits of the year are kept.
 */
export function composeContractId(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 0) throw new RangeError('year must be a non-negative integer');
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= SERIAL_LIMIT) {
    throw new RangeError('serial must be an integer in [0, 10^12)');
  }
  const body = `${String(year % 100).padStart(2, '0')}${String(serial).padStart(12, '0')}`;
  return body + computeCheckDigits(body);
}

/** True when `id` is exactly 16 digits (no separators) with valid MOD 97-10 check digits. */
export function isValidContractId(id: string): boolean {
  return id.length === CONTRACT_ID_LENGTH && DIGITS_ONLY.test(id) && BigInt(id) % 97n === 1n;
}

/**
 * `1234567890123456` -> `1234-5678-9012-3456` for display. Throws unless given 16 digits; it does not
 * judge the check digits (that is `isValidContractId`'s job), so any ID received can still be shown.
 */
export function formatContractId(id: string): string {
  if (id.length !== CONTRACT_ID_LENGTH || !DIGITS_ONLY.test(id))
    throw new RangeError('a contract ID has 16 digits');
  return `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}`;
}

export type ContractIdParseResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'FORMAT' | 'CHECK_DIGITS' };

/**
 * Accepts the canonical 16 digits or the grouped display form (dashes/spaces anywhere) and returns the
 * canonical form. `CHECK_DIGITS` means a well-formed number with a typo in it.
 */
export function parseContractId(input: string): ContractIdParseResult {
  const compact = input.trim().replace(SEPARATORS, '');
  if (compact.length !== CONTRACT_ID_LENGTH || !DIGITS_ONLY.test(compact))
    return { ok: false, reason: 'FORMAT' };
  if (!isValidContractId(compact)) return { ok: false, reason: 'CHECK_DIGITS' };
  return { ok: true, id: compact };
}
