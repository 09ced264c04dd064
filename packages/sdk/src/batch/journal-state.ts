import type { ErrorCode } from '@hdld/spec';
import type { Journal, JournalRecord } from './journal.js';

/** What the journal knows about one provider reference, after folding its records in order. */
export type ItemState = {
  idempotencyKey: string;
  documentSha256: string;
  /** When the intent was written: a Platform transaction received after it may be ours. */
  intentAt: string;
  transactionId?: string;
  receivedAt?: string;
  outcome?: 'SUCCEEDED' | 'FAILED' | 'REJECTED';
  contractId?: string;
  /** The catalog codes of a FAILED or REJECTED outcome (reconciliation by code, F35). */
  errors?: ErrorCode[];
  /** The failed transaction this one (a corrected package) superseded (F36, F37). */
  supersedes?: string;
  /** F9: SUCCEEDED as the duplicate of a contract already registered, under this reference if known. */
  duplicate?: { contractId?: string; providerReference?: string };
};

function fold(state: ItemState | undefined, record: JournalRecord): ItemState | undefined {
  switch (record.type) {
    case 'intent':
      return {
        idempotencyKey: record.idempotencyKey,
        documentSha256: record.documentSha256,
        intentAt: record.at,
      };
    case 'acknowledged':
      return (
        state && {
          ...state,
          transactionId: record.transactionId,
          receivedAt: record.receivedAt,
          ...(record.supersedes ? { supersedes: record.supersedes } : {}),
        }
      );
    case 'settled':
      return (
        state && {
          ...state,
          transactionId: record.transactionId,
          outcome: record.status,
          contractId: record.contractId,
          errors: record.errors,
          ...(record.replay
            ? {
                duplicate: {
                  contractId: record.contractId,
                  ...(record.duplicateOfReference ? { providerReference: record.duplicateOfReference } : {}),
                },
              }
            : {}),
        }
      );
    case 'rejected':
      return state && { ...state, outcome: 'REJECTED', errors: record.errors };
    case 'interrupted':
      return state;
  }
}

/**
 * Replays a journal into one small state per provider reference (a few hundred bytes each), so a
 * resumed run knows what to skip, what to resubmit with the same key and what to look up.
 */
export async function loadJournalState(journal: Journal): Promise<Map<string, ItemState>> {
  const states = new Map<string, ItemState>();
  for await (const record of journal.read()) {
    const next = fold(states.get(record.providerReference), record);
    if (next) states.set(record.providerReference, next);
  }
  return states;
}
