import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HdldWebhookError, signWebhook, verifyWebhook } from '../../src/index.js';

/**
 * F4 webhooks: the signature a provider checks on every delivery. Known answer against node:crypto
 * (an independent HMAC), and properties: a tampered body, timestamp or secret never verifies.
 */
const SECRET = 'whsec_test-secret-0123456789abcdef';
const BODY = JSON.stringify({
  event: 'transaction.completed',
  transactionId: '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e',
  providerReference: 'HD-2026-000123',
  status: 'SUCCEEDED',
  contractId: '2604173920581648',
  occurredAt: '2026-03-02T08:15:31.000Z',
});
const T = 1_772_439_331;
const AT_T = new Date(T * 1000);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HdldWebhookError);
  return (error as HdldWebhookError).reason;
}

describe('webhook signatures', () => {
  it('signs "t.body" with HMAC-SHA256 in hex, as node:crypto computes it', async () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(await signWebhook({ payload: BODY, secret: SECRET, timestamp: T })).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies a delivery and returns its event, from text or bytes', async () => {
    const header = await signWebhook({ payload: BODY, secret: SECRET, timestamp: T });
    const event = await verifyWebhook({ payload: BODY, header, secret: SECRET, now: AT_T });
    expect(event).toMatchObject({ event: 'transaction.completed', status: 'SUCCEEDED' });
    const bytes = new TextEncoder().encode(BODY);
    expect(await verifyWebhook({ payload: bytes, header, secret: SECRET, now: AT_T })).toEqual(event);
  });

  it('accepts any matching v1 among several (secret rotation) and ignores unknown schemes', async () => {
    const header = await signWebhook({ payload: BODY, secret: SECRET, timestamp: T });
    const v1 = header.split('v1=')[1];
    const mixed = `t=${T},v0=abc,v1=${'0'.repeat(64)},v1=${v1}`;
    await expect(
      verifyWebhook({ payload: BODY, header: mixed, secret: SECRET, now: AT_T }),
    ).resolves.toBeDefined();
  });

  it('refuses a missing or malformed header', async () => {
    const v1 = `v1=${'a'.repeat(64)}`;
    for (const header of [
      undefined,
      null,
      '',
      'garbage',
      `${v1}`,
      `t=${T}`,
      `t=x,${v1}`,
      `t=${T},t=${T},${v1}`,
      `t=${T},v1`,
    ]) {
      expect(
        await reasonOf(verifyWebhook({ payload: BODY, header, secret: SECRET, now: AT_T })),
        String(header),
      ).toBe('header');
    }
  });

  it('refuses a correctly signed delivery outside the tolerance (a replay), in Vietnamese too', async () => {
    const header = await signWebhook({ payload: BODY, secret: SECRET, timestamp: T });
    const late = new Date((T + 301) * 1000);
    expect(await reasonOf(verifyWebhook({ payload: BODY, header, secret: SECRET, now: late }))).toBe(
      'timestamp',
    );
    await expect(
      verifyWebhook({ payload: BODY, header, secret: SECRET, now: late, toleranceSeconds: 600 }),
    ).resolves.toBeDefined();
    const error = await verifyWebhook({ payload: BODY, header, secret: SECRET, now: late, lang: 'vi' }).catch(
      (e: HdldWebhookError) => e,
    );
    expect((error as HdldWebhookError).title).toMatch(/Thời điểm ký webhook/);
  });

  it('never verifies a tampered body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (body, other) => {
        fc.pre(body !== other);
        const header = await signWebhook({ payload: body, secret: SECRET, timestamp: T });
        expect(await reasonOf(verifyWebhook({ payload: other, header, secret: SECRET, now: AT_T }))).toBe(
          'signature',
        );
      }),
    );
  });

  it('never verifies a tampered timestamp, even one within the tolerance', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: -300, max: 300 }),
        async (t, shift) => {
          fc.pre(shift !== 0 && t + shift > 0);
          const header = await signWebhook({ payload: BODY, secret: SECRET, timestamp: t });
          const forged = header.replace(`t=${t}`, `t=${t + shift}`);
          const now = new Date(t * 1000);
          expect(await reasonOf(verifyWebhook({ payload: BODY, header: forged, secret: SECRET, now }))).toBe(
            'signature',
          );
        },
      ),
    );
  });

  it('never verifies under another secret, and always verifies what it signed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.json(),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        async (json, secret, other) => {
          const header = await signWebhook({ payload: json, secret, timestamp: T });
          expect(await verifyWebhook({ payload: json, header, secret, now: AT_T })).toEqual(JSON.parse(json));
          if (other !== secret) {
            expect(await reasonOf(verifyWebhook({ payload: json, header, secret: other, now: AT_T }))).toBe(
              'signature',
            );
          }
        },
      ),
    );
  });
});
