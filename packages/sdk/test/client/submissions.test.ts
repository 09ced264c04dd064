import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { responseOf } from '../../src/index.js';
import { ACK, BASE_URL, mockPlatform, TX_ID, transaction } from './support/mock-platform.js';
import { sampleSubmission } from './support/sample-body.js';

const platform = mockPlatform();
const LOCATION = `/v1/transactions/${TX_ID}`;

describe('submissions with waitSeconds (Prefer: wait, issue 4)', () => {
  it('asks to wait and returns the acknowledgement with the final transaction of a 201', async () => {
    const final = transaction({ receivedAt: ACK.receivedAt, payloadSha256: ACK.payloadSha256 });
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, () =>
        HttpResponse.json(final, { status: 201, headers: { location: LOCATION } }),
      ),
    );
    const submitted = await platform
      .client()
      .submissions.submitContract(sampleSubmission(), { waitSeconds: 4.2 });
    expect(platform.calls('/v1/contracts')[0]!.headers.get('prefer')).toBe('wait=5');
    expect(submitted).toEqual({
      transactionId: TX_ID,
      kind: 'CONTRACT',
      receivedAt: ACK.receivedAt,
      payloadSha256: ACK.payloadSha256,
      providerReference: final.providerReference,
      status: 'SUCCEEDED',
      statusUrl: LOCATION,
      outcome: final,
      created: true,
      replayed: false,
    });
  });

  it('returns the acknowledgement alone when the Platform answered 202 (not final within the wait)', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    const submitted = await platform
      .client()
      .submissions.submitContract(sampleSubmission(), { waitSeconds: 10 });
    expect(submitted).toEqual({ ...ACK, created: true, replayed: false });
    expect(submitted.outcome).toBeUndefined();
  });

  it('does not ask to wait by default', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    await platform.client().submissions.submitContract(sampleSubmission());
    expect(platform.calls('/v1/contracts')[0]!.headers.has('prefer')).toBe(false);
  });
});

/** Issue 13 (S2.4): what a provider needs from a successful call besides its body. */
describe('replays, creations and request ids of successful calls', () => {
  it('says a 202 made a new transaction and gives its request id and key', async () => {
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, () =>
        HttpResponse.json(ACK, { status: 202, headers: { 'x-request-id': 'req-202' } }),
      ),
    );
    const submitted = await platform
      .client()
      .submissions.submitContract(sampleSubmission(), { idempotencyKey: 'key-1' });
    expect(submitted).toMatchObject({ created: true, replayed: false, requestId: 'req-202' });
    expect(responseOf(submitted)).toMatchObject({
      status: 202,
      requestId: 'req-202',
      idempotentReplayed: false,
      idempotencyKey: 'key-1',
    });
  });

  it('says an Idempotent-Replayed answer is an earlier transaction, not a new one', async () => {
    platform.server.use(
      http.post(`${BASE_URL}/v1/contracts`, () =>
        HttpResponse.json(ACK, {
          status: 202,
          headers: { 'idempotent-replayed': 'true', 'x-request-id': 'req-r' },
        }),
      ),
    );
    const submitted = await platform.client().submissions.submitContract(sampleSubmission());
    expect(submitted).toMatchObject({ created: false, replayed: true, requestId: 'req-r' });
    expect(responseOf(submitted)?.idempotentReplayed).toBe(true);
  });

  it('says the same package again without its key (200) is a replay', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 200 })));
    const submitted = await platform.client().submissions.submitContract(sampleSubmission());
    expect(submitted).toMatchObject({ created: false, replayed: true });
  });

  it('keeps the response of any other call beside its result, which stays the body', async () => {
    const body = transaction();
    platform.server.use(
      http.get(`${BASE_URL}/v1/transactions/${TX_ID}`, () =>
        HttpResponse.json(body, { headers: { 'x-request-id': 'req-get' } }),
      ),
    );
    const got = await platform.client().transactions.get(TX_ID);
    expect(got).toEqual(body);
    expect(responseOf(got)).toMatchObject({ status: 200, requestId: 'req-get', idempotentReplayed: false });
    expect(responseOf({})).toBeUndefined();
  });
});
