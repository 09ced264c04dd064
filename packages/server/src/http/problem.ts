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

/**
 * The Problem schema's limits (Problem.yaml, ProblemDetailItem.yaml). Details and pointers echo what
 * the client sent (a key, a path), so a long one is cut rather than answered outside the spec.
 */
const LIMITS = { detail: 2000, instance: 500, errors: 500, itemDetail: 1000, pointer: 500 } as const;

/** At most `max` code points (the unit of JSON Schema's maxLength), never half a surrogate pair. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

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
    detail: cut(error.init.detail?.[context.lang] ?? entry.fix[context.lang], LIMITS.detail),
    ...(context.instance ? { instance: cut(context.instance, LIMITS.instance) } : {}),
    ...(error.init.errors?.length
      ? {
          errors: error.init.errors.slice(0, LIMITS.errors).map((item) => ({
            ...item,
            ...(item.pointer !== undefined ? { pointer: cut(item.pointer, LIMITS.pointer) } : {}),
            detail: cut(
              typeof item.detail === 'string' ? item.detail : item.detail[context.lang],
              LIMITS.itemDetail,
            ),
          })),
        }
      : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(error.init.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: error.init.retryAfterSeconds }
      : {}),
  };
}
