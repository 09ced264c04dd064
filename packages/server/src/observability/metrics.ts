import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../storage/database.js';

/** Prometheus metrics of one Platform process (issue 4 operability), on its own registry. */
export type PlatformMetrics = ReturnType<typeof createMetrics>;

export function createMetrics(db: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'hdld_http_requests_total',
      help: 'HTTP requests by operation and status',
      labelNames: ['operation', 'status'] as const,
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'hdld_http_request_duration_seconds',
      help: 'HTTP request duration by operation',
      labelNames: ['operation'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    verifications: new Counter({
      name: 'hdld_transactions_completed_total',
      help: 'Processed submissions by outcome (SUCCEEDED, the failure class, or PROCESSING_FAILED)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    idsIssued: new Counter({
      name: 'hdld_contract_ids_issued_total',
      help: 'Contract IDs issued',
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'hdld_queue_depth',
      // Backlog only: jobs scheduled for later (the monthly violations run, F38) are not waiting.
      help: 'Jobs due or running in the durable queue',
      registers: [registry],
      async collect() {
        const { rows } = await db.query<{ n: string | number }>(
          'SELECT count(*) AS n FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= now()',
        );
        this.set(Number(rows[0]?.n ?? 0));
      },
    }),
  };
}
