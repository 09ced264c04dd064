import type { Queryable } from './database.js';
import type { JsonObject } from './json.js';
import type { ProviderStatus } from './providers-repo.js';
import { toDate, toJsonParam, toNumber } from './sql-values.js';

/** An operator's step on a violating provider, taken from the report (F38; Art. 15.4). */
export interface ViolationAction {
  status: 'SUSPENDED' | 'DISCONNECTED';
  reason: string;
  takenBy: string;
  takenAt: Date;
}

/** One violating provider in a report: its month's figures, the rules broken, what was done. */
export interface ViolationLine {
  providerId: string;
  providerName: string;
  /** Connection status when the report was made. */
  providerStatus: ProviderStatus;
  figures: JsonObject;
  violations: JsonObject[];
  /** Oldest first. */
  actions: ViolationAction[];
}

/** F38: the report of violating providers on one month, in one version. */
export interface StoredViolationReport {
  id: string;
  period: string;
  version: number;
  /** Highest version of the same month when read. */
  latestVersion: number;
  periodStart: Date;
  periodEnd: Date;
  thresholds: JsonObject;
  providersEvaluated: number;
  generatedAt: Date;
  generatedBy: string;
  lines: ViolationLine[];
}

export type NewViolationReport = Omit<StoredViolationReport, 'id' | 'latestVersion' | 'lines'> & {
  lines: Omit<ViolationLine, 'actions'>[];
};

interface ReportRow {
  id: string;
  period: string;
  version: unknown;
  latest_version: unknown;
  period_start: Date;
  period_end: Date;
  thresholds: JsonObject;
  providers_evaluated: unknown;
  generated_at: Date;
  generated_by: string;
}

interface LineRow {
  report_id: string;
  provider_id: string;
  provider_name: string;
  provider_status: ProviderStatus;
  figures: JsonObject;
  violations: JsonObject[];
}

interface ActionRow {
  report_id: string;
  provider_id: string;
  status: ViolationAction['status'];
  reason: string;
  taken_by: string;
  taken_at: Date;
}

const SELECT = `SELECT r.*, (SELECT max(l.version) FROM violation_reports l WHERE l.period = r.period)
    AS latest_version
  FROM violation_reports r`;

export type ViolationReportsRepo = ReturnType<typeof createViolationReportsRepo>;

export function createViolationReportsRepo(q: Queryable) {
  /** Report rows completed with their lines and each line's actions, in the rows' order. */
  const withLines = async (rows: ReportRow[]): Promise<StoredViolationReport[]> => {
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const lines = await q.query<LineRow>(
      `SELECT * FROM violation_report_lines WHERE report_id = ANY ($1::uuid[])
       ORDER BY provider_name, provider_id`,
      [ids],
    );
    const actions = await q.query<ActionRow>(
      'SELECT * FROM violation_actions WHERE report_id = ANY ($1::uuid[]) ORDER BY id',
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      period: row.period,
      version: toNumber(row.version),
      latestVersion: toNumber(row.latest_version),
      periodStart: toDate(row.period_start),
      periodEnd: toDate(row.period_end),
      thresholds: row.thresholds,
      providersEvaluated: toNumber(row.providers_evaluated),
      generatedAt: toDate(row.generated_at),
      generatedBy: row.generated_by,
      lines: lines.rows
        .filter((line) => line.report_id === row.id)
        .map((line) => ({
          providerId: line.provider_id,
          providerName: line.provider_name,
          providerStatus: line.provider_status,
          figures: line.figures,
          violations: line.violations,
          actions: actions.rows
            .filter((a) => a.report_id === row.id && a.provider_id === line.provider_id)
            .map((a) => ({
              status: a.status,
              reason: a.reason,
              takenBy: a.taken_by,
              takenAt: toDate(a.taken_at),
            })),
        })),
    }));
  };

  const findById = async (id: string): Promise<StoredViolationReport | undefined> => {
    const { rows } = await q.query<ReportRow>(`${SELECT} WHERE r.id = $1`, [id]);
    return (await withLines(rows))[0];
  };

  return {
    findById,

    /** The month's highest version. */
    async latest(period: string): Promise<StoredViolationReport | undefined> {
      const { rows } = await q.query<ReportRow>(
        `${SELECT} WHERE r.period = $1 ORDER BY r.version DESC LIMIT 1`,
        [period],
      );
      return (await withLines(rows))[0];
    },

    /**
     * Stores the report and its lines unless the month already has this version: undefined then (a
     * concurrent run stored it first; on PostgreSQL this waits for that run to commit).
     */
    async insert(report: NewViolationReport): Promise<StoredViolationReport | undefined> {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO violation_reports (period, version, period_start, period_end, thresholds,
           providers_evaluated, generated_at, generated_by)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7, $8)
         ON CONFLICT (period, version) DO NOTHING RETURNING id`,
        [
          report.period,
          report.version,
          report.periodStart,
          report.periodEnd,
          toJsonParam(report.thresholds),
          report.providersEvaluated,
          report.generatedAt,
          report.generatedBy,
        ],
      );
      const id = rows[0]?.id;
      if (id === undefined) return undefined;
      for (const line of report.lines) {
        await q.query(
          `INSERT INTO violation_report_lines (report_id, provider_id, provider_name, provider_status, figures,
             violations)
           VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb)`,
          [
            id,
            line.providerId,
            line.providerName,
            line.providerStatus,
            toJsonParam(line.figures),
            toJsonParam(line.violations),
          ],
        );
      }
      return findById(id);
    },

    /** Every version of every month (or of one), newest first, keyset-paginated. */
    async page(query: {
      period?: string;
      after?: { generatedAt: Date; id: string };
      limit: number;
    }): Promise<StoredViolationReport[]> {
      const { rows } = await q.query<ReportRow>(
        `${SELECT}
         WHERE ($1::text IS NULL OR r.period = $1)
           AND ($2::timestamptz IS NULL OR (r.generated_at, r.id) < ($2, $3::uuid))
         ORDER BY r.generated_at DESC, r.id DESC LIMIT $4`,
        [query.period ?? null, query.after?.generatedAt ?? null, query.after?.id ?? null, query.limit],
      );
      return withLines(rows);
    },

    /**
     * F38 figures per provider (every registered one): transactions received in `[from, to)` that
     * were decided, failed at least once (explanation_status leaves NONE on the first failure and
     * never returns to it; the Platform's own failures, PROCESSING_FAILED, do not count) and late; and failures of any month still awaiting an explanation (or
     * rejected) that failed at or before `unexplainedUpTo`.
     */
    async transactionFigures(window: {
      from: Date;
      to: Date;
      unexplainedUpTo: Date;
    }): Promise<
      Map<string, { decided: number; failed: number; lateSubmissions: number; unexplainedFailures: number }>
    > {
      const { rows } = await q.query<{
        id: string;
        decided: unknown;
        failed: unknown;
        late: unknown;
        unexplained: unknown;
      }>(
        `SELECT p.id, m.decided, m.failed, m.late, u.unexplained
         FROM providers p
         CROSS JOIN LATERAL (
           -- Failed by the Platform itself (no failure class, PROCESSING_FAILED): not the provider's doing.
           SELECT count(*) FILTER (WHERE t.status = 'SUCCEEDED' OR t.failure_class IS NOT NULL
                    OR t.explanation_status <> 'NONE') AS decided,
                  count(*) FILTER (WHERE t.failure_class IS NOT NULL OR t.explanation_status <> 'NONE') AS failed,
                  count(*) FILTER (WHERE t.late) AS late
           FROM transactions t
           WHERE t.provider_id = p.id AND t.received_at >= $1 AND t.received_at < $2) m
         CROSS JOIN LATERAL (
           SELECT count(*) AS unexplained FROM transactions t
           WHERE t.provider_id = p.id AND t.status = 'FAILED'
             AND t.explanation_status IN ('AWAITING_EXPLANATION', 'REJECTED') AND t.completed_at <= $3) u`,
        [window.from, window.to, window.unexplainedUpTo],
      );
      return new Map(
        rows.map((row) => [
          row.id,
          {
            decided: toNumber(row.decided),
            failed: toNumber(row.failed),
            lateSubmissions: toNumber(row.late),
            unexplainedFailures: toNumber(row.unexplained),
          },
        ]),
      );
    },

    /** Locks one line until the end of the database transaction (actions are recorded one at a time). */
    async lockLine(reportId: string, providerId: string): Promise<boolean> {
      const { rows } = await q.query(
        'SELECT 1 FROM violation_report_lines WHERE report_id = $1 AND provider_id = $2 FOR UPDATE',
        [reportId, providerId],
      );
      return rows.length === 1;
    },

    async addAction(reportId: string, providerId: string, action: ViolationAction): Promise<void> {
      await q.query(
        `INSERT INTO violation_actions (report_id, provider_id, status, reason, taken_by, taken_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [reportId, providerId, action.status, action.reason, action.takenBy, action.takenAt],
      );
    },
  };
}
