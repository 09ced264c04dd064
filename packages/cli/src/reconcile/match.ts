import type { ErrorCode, Transaction } from '@hdld/spec';
import { failures } from '../errors/failed-transactions.js';

/** What the local journal last knows of one contract. */
export type LocalRecord = {
  reference: string;
  transactionId?: string;
  status?: 'SUCCEEDED' | 'FAILED' | 'REJECTED';
  contractId?: string;
  /** When the (latest) intent was written, on this machine's clock. */
  at?: string;
  /** When the Platform received it, from its acknowledgement. */
  receivedAt?: string;
  /** Catalog codes of a FAILED or REJECTED outcome. */
  errors?: ErrorCode[];
};

export type Outcome =
  | 'matched'
  | 'duplicate'
  | 'failed'
  | 'pending'
  | 'rejected'
  | 'missing'
  | 'unknown'
  | 'conflict';

export type ReconcileRow = {
  reference: string;
  outcome: Outcome;
  contractId?: string;
  localContractId?: string;
  transactionId?: string;
  platformStatus?: string;
  errors: string[];
  transaction?: Transaction;
};

/** Only `matched` is not a mismatch: everything else needs a look (F35). */
export const MISMATCH: ReadonlySet<Outcome> = new Set([
  'duplicate',
  'failed',
  'pending',
  'rejected',
  'missing',
  'unknown',
  'conflict',
]);

/**
 * The matching rule (documented in packages/cli/README.md):
 * - the key is the provider reference, unique per provider and document on the Platform;
 * - on the Platform side, the latest CONTRACT transaction of the reference received in the period;
 * - matched: it SUCCEEDED, with the contract ID the journal recorded if it recorded one (a run
 *   killed before writing the outcome is matched by reference: a resubmission gets the same ID);
 * - duplicate: it SUCCEEDED as a replay, the same contract already had its ID under another reference;
 * - conflict: it SUCCEEDED with another ID than the journal's; failed: it FAILED; pending: not final;
 * - rejected: refused at intake (4xx, so never a transaction), with the journal's codes;
 * - missing: in the journal but no transaction on the Platform; unknown: on the Platform only.
 */
export function matchRecords(
  local: readonly LocalRecord[],
  platform: readonly Transaction[],
): ReconcileRow[] {
  const latest = new Map<string, Transaction>();
  for (const tx of platform) {
    if (tx.kind !== 'CONTRACT') continue;
    const seen = latest.get(tx.providerReference);
    if (!seen || tx.receivedAt > seen.receivedAt) latest.set(tx.providerReference, tx);
  }
  const rows: ReconcileRow[] = [];
  const localReferences = new Set<string>();
  for (const record of local) {
    localReferences.add(record.reference);
    const tx = latest.get(record.reference);
    if (!tx) {
      const rejected = record.status === 'REJECTED';
      rows.push({
        reference: record.reference,
        outcome: rejected ? 'rejected' : 'missing',
        localContractId: record.contractId,
        transactionId: record.transactionId,
        errors: rejected ? (record.errors ?? []) : [],
      });
      continue;
    }
    rows.push(rowFor(record, tx));
  }
  for (const [reference, tx] of latest) {
    if (!localReferences.has(reference)) rows.push({ ...rowFor(undefined, tx), outcome: 'unknown' });
  }
  return rows.sort((a, b) => a.reference.localeCompare(b.reference));
}

function rowFor(record: LocalRecord | undefined, tx: Transaction): ReconcileRow {
  const base = {
    reference: tx.providerReference,
    contractId: tx.contractId,
    localContractId: record?.contractId,
    transactionId: tx.transactionId,
    platformStatus: tx.status,
    // Once per code: two signatures failing alike are one reason.
    errors: [...new Set(failures(tx).map((e) => e.code))],
    transaction: tx,
  };
  if (tx.status === 'FAILED') return { ...base, outcome: 'failed' };
  if (tx.status !== 'SUCCEEDED') return { ...base, outcome: 'pending' };
  if (record?.contractId && record.contractId !== tx.contractId) return { ...base, outcome: 'conflict' };
  return { ...base, outcome: tx.replay ? 'duplicate' : 'matched' };
}
