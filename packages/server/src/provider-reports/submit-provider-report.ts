import type { Schemas } from '@hdld/spec';
import type { BlobStore } from '../blobs/index.js';
import { claimIdempotency, type IdempotentRequest } from '../http/idempotent-request.js';
import { ProblemError } from '../http/problem.js';
import { decodeFiles, sha256Hex } from '../intake/decode-documents.js';
import type { Repositories, Storage } from '../storage/index.js';
import type { JsonObject, JsonValue } from '../storage/json.js';
import type { ProviderReportAttachment, StoredProviderReport } from '../storage/provider-reports-repo.js';
import { providerReportView } from './provider-report-view.js';
import { periodEnd, reportDeadline } from './reporting-period.js';
import { periodNotEnded } from './timeliness.js';

/** Decoded size limit of the technical audit report (spec: ReportAttachmentUpload). */
export const MAX_AUDIT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_POINTER = '/technicalAudit/attachment';

type Submission = Schemas['ProviderReportSubmission'];

export type SubmitReportContext = {
  storage: Storage;
  blobs: BlobStore;
  providerId: string;
  /** Client id of the provider application. */
  submittedBy: string;
  now: Date;
  idempotency?: IdempotentRequest;
};

export type SubmitReportResult = { status: 200 | 201; body: JsonValue; replayed: boolean };

/**
 * What makes two submissions the same report: every field but `replacesVersion`, the attachment by
 * its digest. Keys are written in a fixed order, so equal content gives equal bytes.
 */
function contentSha256(body: Submission): string {
  const { figures, technicalAudit: audit } = body;
  return sha256Hex(
    Buffer.from(
      JSON.stringify({
        period: body.period,
        figures: [
          figures.contractsHandled,
          figures.contractsSigned,
          figures.contractsSubmitted,
          figures.incidents,
        ],
        text: body.text,
        audit: audit
          ? [
              audit.auditor,
              audit.auditedOn,
              audit.result,
              audit.summary ?? null,
              audit.attachment.fileName,
              audit.attachment.sha256,
            ]
          : null,
      }),
    ),
  );
}

/** The audit file checked against its stated SHA-256 and put in the blob store (fsynced) first. */
async function storeAttachment(
  blobs: BlobStore,
  upload: Schemas['ReportAttachmentUpload'],
): Promise<ProviderReportAttachment> {
  const [file] = decodeFiles([
    {
      pointer: `${ATTACHMENT_POINTER}/contentBase64`,
      contentBase64: upload.contentBase64,
      maxBytes: MAX_AUDIT_BYTES,
    },
  ]);
  if (file!.sha256 !== upload.sha256) {
    throw new ProblemError('ATTACHMENT_DIGEST_MISMATCH', {
      errors: [
        {
          code: 'ATTACHMENT_DIGEST_MISMATCH',
          pointer: `${ATTACHMENT_POINTER}/sha256`,
          detail: `the bytes received hash to ${file!.sha256}`,
        },
      ],
      detail: {
        en: `technicalAudit.attachment.sha256 is ${upload.sha256}; the bytes received hash to ${file!.sha256}.`,
        vi: `technicalAudit.attachment.sha256 là ${upload.sha256}; các byte nhận được có mã băm ${file!.sha256}.`,
      },
    });
  }
  const { key, size } = await blobs.put(file!.bytes);
  return { fileName: upload.fileName, mediaType: upload.mediaType, size, sha256: key, blobKey: key };
}

function conflict(period: string, latest: StoredProviderReport | undefined): ProblemError {
  return new ProblemError('PROVIDER_REPORT_CONFLICT', {
    detail: latest
      ? {
          en: `The report on ${period} is at version ${latest.version} with other content; to correct it, send replacesVersion ${latest.version}.`,
          vi: `Báo cáo tháng ${period} đang ở phiên bản ${latest.version} với nội dung khác; để sửa, gửi kèm replacesVersion ${latest.version}.`,
        }
      : {
          en: `There is no report on ${period} to replace yet; send it without replacesVersion.`,
          vi: `Chưa có báo cáo tháng ${period} để thay thế; gửi báo cáo không kèm replacesVersion.`,
        },
  });
}

/**
 * One report per provider and month (F33): the same content again is answered as stored; other
 * content needs `replacesVersion` = the latest version and becomes the next version. Concurrent
 * requests are settled by the unique (provider, period, version): the loser compares with the
 * winner's version as if it had come after it.
 */
async function storeVersion(
  repos: Repositories,
  ctx: SubmitReportContext,
  body: Submission,
  attachment: ProviderReportAttachment | undefined,
): Promise<{ status: 200 | 201; report: StoredProviderReport }> {
  const sha256 = contentSha256(body);
  const settle = (latest: StoredProviderReport | undefined) => {
    if (latest?.contentSha256 === sha256) return { status: 200 as const, report: latest };
    if (latest?.version !== body.replacesVersion) throw conflict(body.period, latest);
    return undefined;
  };
  const latest = await repos.providerReports.latest(ctx.providerId, body.period);
  const settled = settle(latest);
  if (settled) return settled;
  const audit = body.technicalAudit;
  const inserted = await repos.providerReports.insert({
    providerId: ctx.providerId,
    period: body.period,
    version: (latest?.version ?? 0) + 1,
    contentSha256: sha256,
    figures: { ...body.figures },
    text: body.text,
    ...(audit && attachment
      ? {
          technicalAudit: {
            auditor: audit.auditor,
            auditedOn: audit.auditedOn,
            result: audit.result,
            ...(audit.summary === undefined ? {} : { summary: audit.summary }),
          } as JsonObject,
          attachment,
        }
      : {}),
    deadline: reportDeadline(body.period),
    firstSubmittedAt: latest?.firstSubmittedAt ?? ctx.now,
    submittedAt: ctx.now,
    submittedBy: ctx.submittedBy,
  });
  if (inserted) return { status: 201, report: inserted };
  const winner = await repos.providerReports.latest(ctx.providerId, body.period);
  return settle(winner) ?? { status: 200, report: winner! };
}

/**
 * F33 (Decree 337/2025 Art. 25.6): a provider's monthly report on a month that has ended. A report
 * after the deadline is accepted and stays LATE; nothing is half-written on a refusal (the blob,
 * if any, is collected as an orphan).
 */
export async function submitProviderReport(
  ctx: SubmitReportContext,
  body: Submission,
): Promise<SubmitReportResult> {
  if (ctx.now.getTime() < periodEnd(body.period).getTime()) throw periodNotEnded(body.period);
  const attachment = body.technicalAudit
    ? await storeAttachment(ctx.blobs, body.technicalAudit.attachment)
    : undefined;
  return ctx.storage.transaction(async (repos) => {
    const replay = await claimIdempotency(repos.idempotency, ctx.providerId, ctx.idempotency);
    // A retry answers 200 with the report first stored (spec: 201 once, 200 on a retry).
    if (replay) return { status: 200, body: replay.body, replayed: true };
    const { status, report } = await storeVersion(repos, ctx, body, attachment);
    const response = { status, body: providerReportView(report) as unknown as JsonValue };
    if (ctx.idempotency) await repos.idempotency.complete(ctx.providerId, ctx.idempotency.key, response);
    return { ...response, replayed: status === 200 };
  });
}
