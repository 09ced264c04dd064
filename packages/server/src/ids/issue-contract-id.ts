import { composeContractId } from '@hdld/sdk';
import type { Queryable } from '../storage/database.js';
import { toNumber } from '../storage/sql-values.js';
import { createSerialPermutation } from './feistel.js';

/** Vietnam has one time zone (UTC+7, no daylight saving): the issuing year is the calendar year there. */
const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

export function issuingYear(at: Date): number {
  return new Date(at.getTime() + VIETNAM_UTC_OFFSET_MS).getUTCFullYear();
}

/**
 * F9/N3: a new contract ID from the next contract_id_seq value, permuted with the server secret.
 * Call it only after every check passed (F8), inside the transaction that stores the contract; the
 * contracts primary key backs nationwide uniqueness. A sequence value is consumed even when that
 * transaction rolls back, so an ID is never handed out twice. `secret` must never change for a running
 * Platform: another key could map a new serial onto an existing ID.
 */
export async function issueContractId(
  q: Queryable,
  { year, secret }: { year: number; secret: string | Uint8Array },
): Promise<string> {
  const permutation = createSerialPermutation(secret);
  const { rows } = await q.query<{ serial: unknown }>("SELECT nextval('contract_id_seq') AS serial");
  return composeContractId(year, permutation.permute(toNumber(rows[0]!.serial)));
}
