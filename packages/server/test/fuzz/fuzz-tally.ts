/** Counts of the fuzzer's answers per operation and status: the figures of docs/fuzzing.md. */
export class FuzzTally {
  private readonly counts = new Map<string, Map<number, number>>();

  record(operationId: string, status: number): void {
    const byStatus = this.counts.get(operationId) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.counts.set(operationId, byStatus);
  }

  get cases(): number {
    return [...this.counts.values()].reduce((sum, m) => sum + [...m.values()].reduce((a, b) => a + b, 0), 0);
  }

  get operations(): string[] {
    return [...this.counts.keys()].sort();
  }

  /** Answers per status over every operation. */
  byStatus(): Map<number, number> {
    const total = new Map<number, number>();
    for (const m of this.counts.values()) for (const [s, n] of m) total.set(s, (total.get(s) ?? 0) + n);
    return new Map([...total].sort(([a], [b]) => a - b));
  }

  /** Operations that got at least one 2xx (the fuzzer reached their handler with a valid request). */
  operationsWithSuccess(): string[] {
    return this.operations.filter((op) => [...this.counts.get(op)!.keys()].some((s) => s < 300));
  }

  /** A Markdown table: one row per operation, its answers by status. */
  table(): string {
    const statuses = [...this.byStatus().keys()];
    const rows = this.operations.map((op) => {
      const m = this.counts.get(op)!;
      return `| ${op} | ${statuses.map((s) => m.get(s) ?? '').join(' | ')} |`;
    });
    const totals = this.byStatus();
    return [
      `| operation | ${statuses.join(' | ')} |`,
      `| --- | ${statuses.map(() => '---').join(' | ')} |`,
      ...rows,
      `| all (${this.cases}) | ${statuses.map((s) => totals.get(s)).join(' | ')} |`,
    ].join('\n');
  }
}
