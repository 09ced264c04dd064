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
 * F9/N3: the contract ID of a contract_id_seq value, permuted with the server secret. `secret` must
 * never change for a running Platform: another key could map a new serial onto an existing ID.
 */
export function contractIdOf(
  serial: number,
  { year, secret }: { year: number; secret: string | Uint8Array },
): string {
  return composeContractId(year, createSerialPermutation(secret).permute(serial));
}

/**
 * F9/N3: a new contract ID from the next contract_id_seq value. The pipeline draws the value when it
 * claims a transaction (storage/transaction-jobs.ts) and stores the ID only after every check passed
 * (F8), in the statement that stores the contract; the contracts primary key backs nationwide
 * uniqueness. A sequence value is consumed even when its transaction rolls back or its checks fail, so
 * an ID is never handed out twice (gaps are allowed).
 */
export async function issueContractId(
  q: Queryable,
  key: { year: number; secret: string | Uint8Array },
): Promise<string> {
  const { rows } = await q.query<{ serial: unknown }>("SELECT nextval('contract_id_seq') AS serial");
  return contractIdOf(toNumber(rows[0]!.serial), key);
}
