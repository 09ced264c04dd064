import type { ErrorCode } from '@hdld/spec';

type Base = { providerReference: string; at: string };

/**
 * One line of the batch journal (append-only NDJSON). An `intent` is written BEFORE the request is
 * sent, so a crashed run knows which key it may have used; the other records say how it ended.
 * No personal data: references, keys, digests, ids and catalog codes only (T17).
 */
export type JournalRecord =
  | (Base & { type: 'intent'; idempotencyKey: string; documentSha256: string })
  | (Base & {
      type: 'acknowledged';
      idempotencyKey: string;
      transactionId: string;
      receivedAt: string;
      /** A corrected package: the failed transaction of the same reference it replaces (F36, F37). */
      supersedes?: string;
    })
  | (Base & {
      type: 'settled';
      transactionId: string;
      status: 'SUCCEEDED' | 'FAILED';
      contractId?: string;
      errors: ErrorCode[];
      /** F9: the document was already registered; `contractId` is the existing ID. */
      replay?: boolean;
      /** With `replay`: the provider's reference that holds that ID, when the Platform says it. */
      duplicateOfReference?: string;
    })
  /** Refused at intake (4xx): final for this content; resubmitted only with `retryFailed`. */
  | (Base & { type: 'rejected'; idempotencyKey: string; status?: number; errors: ErrorCode[] })
  /** No answer or a 5xx after the retries: unfinished, resumed with the same key. */
  | (Base & { type: 'interrupted'; idempotencyKey: string; reason: string });

/** Where the journal lives: a file in Node (`openFileJournal`), anything else elsewhere. */
export interface Journal {
  /** The records of earlier runs, oldest first. */
  read(): AsyncIterable<JournalRecord>;
  /** Appends one record; resolves once it is durable. */
  append(record: JournalRecord): Promise<void>;
  close(): Promise<void>;
}

/** A journal that lives as long as the process: for one-shot runs and tests. */
export function memoryJournal(records: JournalRecord[] = []): Journal & { records: JournalRecord[] } {
  return {
    records,
    async *read() {
      yield* [...records];
    },
    async append(record) {
      records.push(record);
    },
    async close() {},
  };
}
