import type { ContractMainData } from '@hdld/spec';
import { vietnamDate } from './calendar-dates.js';
import { type Finding, item } from './finding.js';

/**
 * Decree 337/2025 Art. 8: an electronic contract takes effect when the last party signs it, so it
 * has been concluded by then; a conclusion date after the Vietnamese date of the last proven
 * signature (N2, F8: the timestamps of each party's signature) states a conclusion that had not
 * happened. The term may still start earlier or later: the same article lets the parties agree on
 * another date of effect, so the start date is not compared.
 */
export function checkConclusionDate(
  data: ContractMainData,
  lastSignedAt: Date | undefined,
  base = '/mainData',
): Finding[] {
  if (!lastSignedAt) return [];
  const signedOn = vietnamDate(lastSignedAt);
  return data.concludedOn > signedOn
    ? [
        item(
          'MAIN_DATA_INVALID',
          {
            en: `The conclusion date ${data.concludedOn} is after the last signature, on ${signedOn} in Vietnam: the contract is concluded when the last party signs (Decree 337/2025 Art. 8).`,
            vi: `Ngày giao kết ${data.concludedOn} sau thời điểm bên cuối cùng ký, ngày ${signedOn} (giờ Việt Nam): hợp đồng được giao kết khi bên sau cùng ký (Điều 8 Nghị định 337/2025).`,
          },
          `${base}/concludedOn`,
        ),
      ]
    : [];
}
