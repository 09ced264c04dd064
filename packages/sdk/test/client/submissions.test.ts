import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
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
    });
  });

  it('returns the acknowledgement alone when the Platform answered 202 (not final within the wait)', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    const submitted = await platform
      .client()
      .submissions.submitContract(sampleSubmission(), { waitSeconds: 10 });
    expect(submitted).toEqual(ACK);
    expect(submitted.outcome).toBeUndefined();
  });

  it('does not ask to wait by default', async () => {
    platform.server.use(http.post(`${BASE_URL}/v1/contracts`, () => HttpResponse.json(ACK, { status: 202 })));
    await platform.client().submissions.submitContract(sampleSubmission());
    expect(platform.calls('/v1/contracts')[0]!.headers.has('prefer')).toBe(false);
  });
});
