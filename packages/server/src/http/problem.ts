import type { Localized } from '@hdld/sdk';
import { catalogEntry, type ErrorCode, type Lang, type ProblemDetailItem, problemType } from '@hdld/spec';

/** User-facing messages always come in pairs (English, Vietnamese). */
export type { Localized };

/** A field-level item whose detail may be given in both languages (rendered in the caller's). */
export type ProblemItem = Omit<ProblemDetailItem, 'detail'> & { detail: string | Localized };

export type ProblemInit = {
  detail?: Localized;
  errors?: ProblemItem[];
  retryAfterSeconds?: number;
  /** Overrides the catalog status only where the spec allows several (for example 503 vs 500). */
  status?: number;
};

/**
 * Thrown anywhere in a request to answer with an RFC 9457 problem carrying a catalog `code`
 * (non-negotiable 3). The error handler renders it in the caller's language.
 */
export class ProblemError extends Error {
  readonly code: ErrorCode;
  readonly init: ProblemInit;

  constructor(code: ErrorCode, init: ProblemInit = {}) {
    super(init.detail?.en ?? catalogEntry(code).title.en);
    this.name = 'ProblemError';
    this.code = code;
    this.init = init;
  }

  get status(): number {
    return this.init.status ?? catalogEntry(this.code).status;
  }
}

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: ProblemDetailItem[];
  requestId?: string;
  retryAfterSeconds?: number;
};

export function renderProblem(
  error: ProblemError,
  context: { lang: Lang; instance?: string; requestId?: string },
): ProblemBody {
  const entry = catalogEntry(error.code);
  return {
    type: problemType(error.code),
    title: entry.title[context.lang],
    status: error.status,
    code: error.code,
    detail: error.init.detail?.[context.lang] ?? entry.fix[context.lang],
    ...(context.instance ? { instance: context.instance } : {}),
    ...(error.init.errors?.length
      ? {
          errors: error.init.errors.map((item) => ({
            ...item,
            detail: typeof item.detail === 'string' ? item.detail : item.detail[context.lang],
          })),
        }
      : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(error.init.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.init.retryAfterSeconds }
      : {}),
  };
}
