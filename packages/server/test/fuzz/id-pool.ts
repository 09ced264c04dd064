/**
 * Ids of resources that exist, gathered from the answers of the fuzz run itself (and its set-up):
 * requests then name real transactions, contracts and reports, the caller's own and other providers'
 * (T17: another provider's ids must answer as if they did not exist), not only random UUIDs.
 */
export const POOL_KINDS = [
  'transaction',
  'contract',
  'document',
  'explanation',
  'providerReport',
  'violationReport',
  'provider',
  'victim',
  'providerReference',
  'cursor',
  'clientId',
  'clientSecret',
] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/** A reference to a pooled id, resolved when the request is built (the pool grows during the run). */
export type PoolRef = { $pool: PoolKind; pick: number };

const MAX_PER_KIND = 200;
const FALLBACK: Partial<Record<PoolKind, string>> = { contract: '1234567890123456' };

export class IdPool {
  private readonly entries = new Map<PoolKind, string[]>();
  private added = 0;

  add(kind: PoolKind, value: string): void {
    const list = this.entries.get(kind) ?? [];
    if (list.includes(value)) return;
    // Full: replace an older entry, so late ids get picked too.
    if (list.length >= MAX_PER_KIND) list[this.added++ % MAX_PER_KIND] = value;
    else list.push(value);
    this.entries.set(kind, list);
  }

  /** The pooled id `pick` names; a well-formed id of nothing when none is pooled yet. */
  pick(ref: PoolRef): string {
    const list = this.entries.get(ref.$pool) ?? [];
    return (
      list[ref.pick % Math.max(list.length, 1)] ??
      FALLBACK[ref.$pool] ??
      '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e'
    );
  }

  /** Collects the ids of a successful answer; `reportKind` says what a `reportId` is in it. */
  harvest(body: unknown, reportKind: PoolKind | undefined): void {
    const pending: Array<[unknown, string | undefined]> = [[body, undefined]];
    while (pending.length > 0) {
      const [node, contractId] = pending.pop()!;
      if (Array.isArray(node)) {
        for (const child of node) pending.push([child, contractId]);
        continue;
      }
      if (node === null || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      const contract = typeof record.contractId === 'string' ? record.contractId : contractId;
      const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
      if (str('transactionId')) this.add('transaction', str('transactionId')!);
      if (contract) this.add('contract', contract);
      if (str('explanationId')) this.add('explanation', str('explanationId')!);
      if (str('providerReference')) this.add('providerReference', str('providerReference')!);
      if (str('nextCursor')) this.add('cursor', str('nextCursor')!);
      if (str('reportId') && reportKind) this.add(reportKind, str('reportId')!);
      // A document is pooled with its contract: `contractId/documentId`.
      if (str('documentId') && contract) this.add('document', `${contract}/${str('documentId')}`);
      for (const child of Object.values(record)) pending.push([child, contract]);
    }
  }
}
