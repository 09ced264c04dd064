import type { ContractMainData, Schemas } from '@hdld/spec';
import type { Contract } from '../storage/contracts-repo.js';
import type { StoredDocument } from '../storage/documents-repo.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { nextState } from './lifecycle.js';

type HistoryEntry = Schemas['Contract']['history'][number];

const EVENT: Record<string, HistoryEntry['event']> = {
  APPENDIX: 'APPENDIX_ADDED',
  AMENDMENT: 'AMENDED',
  SUPPLEMENT: 'SUPPLEMENTED',
  SUSPENSION: 'SUSPENDED',
  RESUMPTION: 'RESUMED',
  TERMINATION: 'TERMINATED',
};

const DEFAULT_NAMES: Record<string, string> = {
  EVIDENCE: 'certification-evidence.p7m',
  TRANSACTION_LOG: 'transaction-log.json',
  CONVERSION_LOG: 'conversion-log.json',
};

/** Amendments and supplements carry partial main data; the contract shows what is in force (N4). */
function mergeChanges(base: unknown, changes: unknown): unknown {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return changes ?? base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) merged[key] = mergeChanges(merged[key], value);
  return merged;
}

/** The API representation of a contract (schema `Contract`): documents and lifecycle history (F10). */
export function contractView(
  contract: Contract,
  source: StoredTransaction | undefined,
  lifecycle: StoredTransaction[],
  documents: StoredDocument[],
): Schemas['Contract'] {
  let state: Schemas['ContractState'] = 'ACTIVE';
  let mainData = contract.mainData as unknown as ContractMainData;
  const history: HistoryEntry[] = [
    {
      at: contract.issuedAt.toISOString(),
      event: 'ISSUED',
      transactionId: contract.sourceTransactionId,
      toState: 'ACTIVE',
    },
  ];
  for (const t of lifecycle) {
    const toState: Schemas['ContractState'] = nextState(state, t.lifecycleType!) ?? state;
    history.push({
      at: (t.completedAt ?? t.receivedAt).toISOString(),
      event: EVENT[t.lifecycleType!]!,
      transactionId: t.id,
      fromState: state,
      toState,
    });
    const changes = (t.request as { changes?: unknown }).changes;
    if (changes) mainData = mergeChanges(mainData, changes) as ContractMainData;
    state = toState;
  }
  return {
    contractId: contract.id,
    state: contract.state,
    origin: contract.origin,
    mainData,
    issuedAt: contract.issuedAt.toISOString(),
    late: contract.late,
    providerReference: source?.providerReference ?? '',
    documents: documents.map((d) => ({
      documentId: d.id,
      kind: d.kind as Schemas['DocumentKind'],
      fileName: d.fileName ?? DEFAULT_NAMES[d.kind] ?? `${d.kind.toLowerCase()}.pdf`,
      mediaType: d.mediaType as Schemas['ContractDocument']['mediaType'],
      size: d.size,
      sha256: d.sha256,
      transactionId: d.transactionId,
      addedAt: d.createdAt.toISOString(),
    })),
    history,
  };
}
