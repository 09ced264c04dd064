/**
 * Words shared by every notification template: times in Vietnam's legal time, who acted (a role,
 * never a person: T17), the legal basis, and the guard that keeps identity numbers out of e-mails.
 */

/** Vietnam time (UTC+7 all year), the Platform's legal time reference; ISO-like so both languages read it. */
export function vietnamTime(date: Date): string {
  const local = new Date(date.getTime() + 7 * 3_600_000);
  return `${local.toISOString().slice(0, 16).replace('T', ' ')} (UTC+7)`;
}

/** Status changes and decisions are made by Ministry operators; the e-mail names the role only. */
export const OPERATOR_ROLE = {
  vi: 'Cán bộ nghiệp vụ Bộ Nội vụ',
  en: 'Ministry of Home Affairs operator',
};

/** Decree 337/2025 Art. 15.4: suspension and disconnection are notified to the provider in writing. */
export const ART_15_4 = {
  vi: 'Khoản 4 Điều 15 Nghị định số 337/2025/NĐ-CP',
  en: 'Decree 337/2025/ND-CP, Article 15.4',
};

const MASK = '[***]';
/**
 * 9 (old CMND) or 12 (CCCD) digits standing alone, optionally grouped by spaces, dots or hyphens.
 * Longer runs (16-digit contract IDs, amounts) are left alone by the lookarounds.
 */
const IDENTITY_NUMBER = /(?<!\d[ .-]?)\d(?:[ .-]?\d){8}(?:(?:[ .-]?\d){3})?(?![ .-]?\d)/g;

/**
 * Operators write reasons as free text; a citizen ID typed into one must not travel by e-mail
 * (non-negotiable: never e-mail national ID numbers), so it is masked before rendering.
 */
export function redactIdentityNumbers(text: string): string {
  return text.replace(IDENTITY_NUMBER, MASK);
}
