import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  HdldAuthError,
  HdldConflictError,
  HdldError,
  HdldNetworkError,
  HdldNotFoundError,
  HdldRateLimitError,
  HdldServerError,
  HdldValidationError,
} from '../../src/index.js';
import { BASE_URL, mockPlatform, problem, TX_ID } from './support/mock-platform.js';
import { sampleSubmission } from './support/sample-body.js';

const platform = mockPlatform();
const TX_URL = `${BASE_URL}/v1/transactions/${TX_ID}`;

async function failure(promise: Promise<unknown>): Promise<HdldError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HdldError);
  return error as HdldError;
}

describe('error mapping (issue 5; T9 findings, S2.4 error codes)', () => {
  it.each([
    [400, 'REQUEST_INVALID', HdldValidationError],
    [413, 'PAYLOAD_TOO_LARGE', HdldValidationError],
    [401, 'UNAUTHENTICATED', HdldAuthError],
    [403, 'PROVIDER_SUSPENDED', HdldAuthError],
    [404, 'TRANSACTION_NOT_FOUND', HdldNotFoundError],
    [409, 'IDEMPOTENCY_KEY_REUSED', HdldConflictError],
    [429, 'RATE_LIMITED', HdldRateLimitError],
    [500, 'INTERNAL_ERROR', HdldServerError],
  ])('maps %i %s to its class', async (status, code, ErrorClass) => {
    platform.server.use(http.get(TX_URL, () => problem(status, code)));
    const error = await failure(platform.client({ maxRetries: 0 }).transactions.get(TX_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code });
  });

  it('keeps the localized title, field errors, request id, idempotency key and catalog action', async () => {
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, () =>
        problem(400, 'REQUEST_INVALID', {
          title: 'Yêu cầu không đúng định dạng API',
          detail: '1 trường không hợp lệ.',
          requestId: 'req-42',
          errors: [
            { code: 'REQUEST_INVALID', detail: 'sai định dạng', pointer: '/mainData/employee/dateOfBirth' },
          ],
        }),
      ),
    );
    const error = await failure(
      platform
        .client({ lang: 'vi' })
        .submissions.submitContract(sampleSubmission(), { idempotencyKey: 'key-7' }),
    );
    expect(error).toBeInstanceOf(HdldValidationError);
    expect(error).toMatchObject({
      title: 'Yêu cầu không đúng định dạng API',
      detail: '1 trường không hợp lệ.',
      requestId: 'req-42',
      idempotencyKey: 'key-7',
      action: 'FIX_AND_RESUBMIT',
    });
    expect(error.errors).toEqual([
      { code: 'REQUEST_INVALID', detail: 'sai định dạng', pointer: '/mainData/employee/dateOfBirth' },
    ]);
    expect(platform.calls('/v1/contracts')[0]?.headers.get('accept-language')).toBe('vi');
  });

  it('gives an answer without a problem document a catalog code and a title in the caller language', async () => {
    platform.server.use(
      http.get(
        TX_URL,
        () =>
          new HttpResponse('<html>Bad gateway</html>', {
            status: 502,
            headers: { 'x-request-id': 'edge-1' },
          }),
      ),
    );
    const error = await failure(platform.client({ maxRetries: 0, lang: 'vi' }).transactions.get(TX_ID));
    expect(error).toBeInstanceOf(HdldServerError);
    expect(error).toMatchObject({
      status: 502,
      code: 'INTERNAL_ERROR',
      title: 'Lỗi hệ thống',
      requestId: 'edge-1',
    });
  });

  it('reads Retry-After into retryAfterSeconds', async () => {
    platform.server.use(http.get(TX_URL, () => problem(429, 'RATE_LIMITED', {}, { 'retry-after': '7' })));
    const error = await failure(platform.client({ maxRetries: 0 }).transactions.get(TX_ID));
    expect(error).toMatchObject({ retryAfterSeconds: 7, action: 'RETRY' });
  });

  it('reports a network failure as HdldNetworkError with the idempotency key to retry with', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.error()));
    const error = await failure(
      platform
        .client({ maxRetries: 1 })
        .submissions.submitContract(sampleSubmission(), { idempotencyKey: 'key-9' }),
    );
    expect(error).toBeInstanceOf(HdldNetworkError);
    expect(error.idempotencyKey).toBe('key-9');
    expect(platform.calls('/v1/contracts')).toHaveLength(2);
  });

  it('offers the non-throwing style on client.api', async () => {
    platform.server.use(http.get(TX_URL, () => problem(404, 'TRANSACTION_NOT_FOUND')));
    const { data, error, response } = await platform.client().api.GET('/v1/transactions/{transactionId}', {
      params: { path: { transactionId: TX_ID } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: 'TRANSACTION_NOT_FOUND' });
  });
});
