import type { Queryable } from './database.js';
import type { JsonObject } from './json.js';
import { toDate, toJsonParam, toNumber } from './sql-values.js';

/** The technical audit report attached to a monthly report (F33); bytes in the blob store. */
export interface ProviderReportAttachment {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blobKey: string;
}

/** One version of a provider's monthly report (F33; Decree 337/2025 Art. 25.6). */
export interface StoredProviderReport {
  id: string;
  providerId: string;
  period: string;
  version: number;
  /** Highest version of the same (provider, period) when read. */
  latestVersion: number;
  contentSha256: string;
  figures: JsonObject;
  text: string;
  /** Auditor, date, result and summary; the file itself is `attachment`. */
  technicalAudit?: JsonObject;
  attachment?: ProviderReportAttachment;
  deadline: Date;
  firstSubmittedAt: Date;
  submittedAt: Date;
  submittedBy: string;
}

export type NewProviderReport = Omit<StoredProviderReport, 'id' | 'latestVersion'>;

/** Latest versions only, newest first, keyset-paginated; `providerId` undefined means every provider. */
export interface ProviderReportPageQuery {
  providerId?: string;
  period?: string;
  /** ON_TIME: first version before the deadline; LATE: at or after it. */
  timeliness?: 'ON_TIME' | 'LATE';
  after?: { submittedAt: Date; id: string };
  limit: number;
}

interface ProviderReportRow {
  id: string;
  provider_id: string;
  period: string;
  version: unknown;
  latest_version: unknown;
  content_sha256: string;
  figures: JsonObject;
  text: string;
  technical_audit: JsonObject | null;
  audit_file_name: string | null;
  audit_media_type: string | null;
  audit_size: unknown;
  audit_sha256: string | null;
  audit_blob_key: string | null;
  deadline: Date;
  first_submitted_at: Date;
  submitted_at: Date;
  submitted_by: string;
}

function toReport(row: ProviderReportRow): StoredProviderReport {
  return {
    id: row.id,
    providerId: row.provider_id,
    period: row.period,
    version: toNumber(row.version),
    latestVersion: toNumber(row.latest_version),
    contentSha256: row.content_sha256,
    figures: row.figures,
    text: row.text,
    ...(row.technical_audit ? { technicalAudit: row.technical_audit } : {}),
    ...(row.audit_blob_key
      ? {
          attachment: {
            fileName: row.audit_file_name!,
            mediaType: row.audit_media_type!,
            size: toNumber(row.audit_size),
            sha256: row.audit_sha256!,
            blobKey: row.audit_blob_key,
          },
        }
      : {}),
    deadline: toDate(row.deadline),
    firstSubmittedAt: toDate(row.first_submitted_at),
    submittedAt: toDate(row.submitted_at),
    submittedBy: row.submitted_by,
  };
}

const SELECT = `SELECT r.*, (SELECT max(l.version) FROM provider_reports l
    WHERE l.provider_id = r.provider_id AND l.period = r.period) AS latest_version
  FROM provider_reports r`;

const LATEST_ONLY = `NOT EXISTS (SELECT 1 FROM provider_reports n
  WHERE n.provider_id = r.provider_id AND n.period = r.period AND n.version > r.version)`;

export type ProviderReportsRepo = ReturnType<typeof createProviderReportsRepo>;

export function createProviderReportsRepo(q: Queryable) {
  const findById = async (id: string): Promise<StoredProviderReport | undefined> => {
    const { rows } = await q.query<ProviderReportRow>(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] && toReport(rows[0]);
  };
  return {
    findById,

    async latest(providerId: string, period: string): Promise<StoredProviderReport | undefined> {
      const { rows } = await q.query<ProviderReportRow>(
        `${SELECT} WHERE r.provider_id = $1 AND r.period = $2 ORDER BY r.version DESC LIMIT 1`,
        [providerId, period],
      );
      return rows[0] && toReport(rows[0]);
    },

    /**
     * Stores a version unless that (provider, period, version) exists already: undefined then (a
     * concurrent request stored it first; on PostgreSQL this waits for that one to commit).
     */
    async insert(report: NewProviderReport): Promise<StoredProviderReport | undefined> {
      const { rows } = await q.query<{ id: string }>(
        `INSERT INTO provider_reports (provider_id, period, version, content_sha256, figures, text,
           technical_audit, audit_file_name, audit_media_type, audit_size, audit_sha256, audit_blob_key,
           deadline, first_submitted_at, submitted_at, submitted_by)
         VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7::text::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (provider_id, period, version) DO NOTHING RETURNING id`,
        [
          report.providerId,
          report.period,
          report.version,
          report.contentSha256,
          toJsonParam(report.figures),
          report.text,
          report.technicalAudit ? toJsonParam(report.technicalAudit) : null,
          report.attachment?.fileName ?? null,
          report.attachment?.mediaType ?? null,
          report.attachment?.size ?? null,
          report.attachment?.sha256 ?? null,
          report.attachment?.blobKey ?? null,
          report.deadline,
          report.firstSubmittedAt,
          report.submittedAt,
          report.submittedBy,
        ],
      );
      const id = rows[0]?.id;
      return id === undefined ? undefined : findById(id);
    },

    async page(query: ProviderReportPageQuery): Promise<StoredProviderReport[]> {
      const { rows } = await q.query<ProviderReportRow>(
        `${SELECT}
         WHERE ${LATEST_ONLY}
           AND ($1::text IS NULL OR r.provider_id = $1)
           AND ($2::text IS NULL OR r.period = $2)
           AND ($3::text IS NULL OR ($3 = 'ON_TIME') = (r.first_submitted_at < r.deadline))
           AND ($4::timestamptz IS NULL OR (r.submitted_at, r.id) < ($4, $5::uuid))
         ORDER BY r.submitted_at DESC, r.id DESC LIMIT $6`,
        [
          query.providerId ?? null,
          query.period ?? null,
          query.timeliness ?? null,
          query.after?.submittedAt ?? null,
          query.after?.id ?? null,
          query.limit,
        ],
      );
      return rows.map(toReport);
    },

    /** Every provider's latest version on `period` (F33 tracking, F38), by provider. */
    async latestVersions(period: string): Promise<Map<string, StoredProviderReport>> {
      const { rows } = await q.query<ProviderReportRow>(
        `${SELECT} WHERE r.period = $1 AND ${LATEST_ONLY} ORDER BY r.provider_id`,
        [period],
      );
      return new Map(rows.map((row) => [row.provider_id, toReport(row)]));
    },
  };
}
