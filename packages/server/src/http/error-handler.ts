import type { ErrorCode } from '@hdld/spec';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyTooLarge } from './body-limits.js';
import { cut, ProblemError, type ProblemItem, renderProblem } from './problem.js';
import { languageOf } from './request-context.js';
import { type AjvIssue, describeIssue } from './validation-messages.js';

const PARTS: Record<string, string> = {
  body: '',
  querystring: '/query',
  params: '/path',
  headers: '/headers',
};

/** Turns Ajv issues into JSON pointers the caller can follow, in en and vi (T9: field-level details). */
function validationItems(error: FastifyError): ProblemItem[] {
  const issues = (error.validation ?? []) as AjvIssue[];
  const base = PARTS[error.validationContext ?? 'body'] ?? '';
  return issues.map((issue) => ({ code: 'REQUEST_INVALID', ...describeIssue(issue, base) }));
}

/** fastify-openapi-glue wraps security handler failures; keep the most specific problem they raised. */
function securityProblem(error: FastifyError): ProblemError | undefined {
  const causes = (error as { errors?: unknown[] }).errors;
  return Array.isArray(causes) ? causes.find((c): c is ProblemError => c instanceof ProblemError) : undefined;
}

/** A body that is not JSON at all: the parser's message, at the root of the body. */
function malformedBody(error: FastifyError): ProblemError {
  return new ProblemError('REQUEST_INVALID', {
    errors: [
      {
        code: 'REQUEST_INVALID',
        pointer: '/',
        detail: {
          en: `The body is not valid JSON: ${error.message}`,
          vi: 'Nội dung không phải JSON hợp lệ; hãy kiểm tra cú pháp (dấu ngoặc, dấu phẩy, dấu nháy).',
        },
      },
    ],
  });
}

function toProblem(error: FastifyError, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLarge(request);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ProblemError('UNSUPPORTED_MEDIA_TYPE');
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return malformedBody(error);
  }
  const security = securityProblem(error);
  if (security) return security;
  if (error.validation) {
    return new ProblemError('REQUEST_INVALID', {
      errors: validationItems(error),
      detail: {
        en: 'The request does not match the API schema; see errors[].',
        vi: 'Yêu cầu không khớp với lược đồ API; xem chi tiết trong errors[].',
      },
    });
  }
  const byStatus: Record<number, ErrorCode> = {
    401: 'UNAUTHENTICATED',
    404: 'TRANSACTION_NOT_FOUND',
  };
  const status = error.statusCode ?? 500;
  const code = status < 500 ? byStatus[status] : undefined;
  return new ProblemError(code ?? (status < 500 ? 'REQUEST_INVALID' : 'INTERNAL_ERROR'));
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemError,
): FastifyReply {
  const body = renderProblem(problem, {
    lang: languageOf(request),
    // The path only: the query string may hold what the client should not see echoed (and is long).
    instance: request.url.split('?', 1)[0],
    requestId: String(request.id),
  });
  if (problem.init.retryAfterSeconds !== undefined) {
    reply.header('retry-after', String(problem.init.retryAfterSeconds));
  }
  return reply.code(body.status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

/** Every error leaves the server as application/problem+json with a catalog code (non-negotiable 3). */
export function useProblemErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new ProblemError('ROUTE_NOT_FOUND', {
        detail: {
          en: `No operation at ${request.method} ${cut(request.url.split('?', 1)[0]!, 300)}.`,
          vi: `Không có thao tác ${request.method} ${cut(request.url.split('?', 1)[0]!, 300)}.`,
        },
      }),
    ),
  );
}

/**
 * What the router refuses before any route runs (Fastify's `frameworkErrors`): a path that is not
 * valid percent-encoded UTF-8, or a parameter longer than the router takes. Fastify would answer
 * those in its own JSON; they are the client's fault, so a 400 problem like any other.
 */
export function routerRefusal(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  reply.header('x-request-id', request.id);
  return sendProblem(
    request,
    reply,
    new ProblemError('REQUEST_INVALID', {
      errors: [
        {
          code: 'REQUEST_INVALID',
          pointer: '/path',
          detail: tooLong
            ? {
                en: 'A path parameter is longer than any identifier of the API.',
                vi: 'Một tham số đường dẫn dài hơn mọi mã định danh của API.',
              }
            : {
                en: 'The path is not valid percent-encoded UTF-8 (RFC 3986).',
                vi: 'Đường dẫn không phải UTF-8 mã hóa phần trăm hợp lệ (RFC 3986).',
              },
        },
      ],
    }),
  );
}
