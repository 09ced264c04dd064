import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { HdldReceiptError, RECEIPT_TYPE, verifyReceipt } from '../../src/index.js';

const RECEIPT = {
  iss: 'http://127.0.0.1:8080',
  transactionId: '0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e',
  providerReference: 'HD-2026-000123',
  outcome: 'ISSUED',
  contractId: '2604173920581648',
  payloadSha256: 'a'.repeat(64),
  issuedAt: '2026-03-02T08:15:31.000Z',
  verifyUrl: 'http://127.0.0.1:8080/v1/transactions/0192f0c4-5b7e-7c3a-9d1e-2f4a6b8c0d1e',
};

async function platformKey(kid = 'platform-1') {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const sign = (payload: object, typ = RECEIPT_TYPE) =>
    new SignJWT(payload as Record<string, unknown>)
      .setProtectedHeader({ alg: 'ES256', kid, typ })
      .sign(privateKey);
  return { jwks, sign };
}

async function reasonOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HdldReceiptError);
  return (error as HdldReceiptError).reason;
}

describe('verifyReceipt (F9, S2.2: the outcome proven offline)', () => {
  it('returns the typed payload of a valid receipt', async () => {
    const { jwks, sign } = await platformKey();
    const receipt = await verifyReceipt(await sign(RECEIPT), jwks, { transactionId: RECEIPT.transactionId });
    expect(receipt).toEqual(RECEIPT);
  });

  it('refuses a tampered payload, another typ, an unknown key and a foreign transaction', async () => {
    const { jwks, sign } = await platformKey();
    const jws = await sign(RECEIPT);
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...RECEIPT, contractId: '2604173920581655' })).toString(
      'base64url',
    );
    expect(await reasonOf(verifyReceipt(`${header}.${forged}.${signature}`, jwks))).toBe('invalid');
    expect(await reasonOf(verifyReceipt(await sign(RECEIPT, 'at+jwt'), jwks))).toBe('invalid');
    const other = await platformKey('platform-2');
    expect(await reasonOf(verifyReceipt(await other.sign(RECEIPT), jwks))).toBe('unknownKey');
    expect(
      await reasonOf(verifyReceipt(jws, jwks, { transactionId: '0192f0c4-0000-7c3a-9d1e-2f4a6b8c0d1e' })),
    ).toBe('mismatch');
  });

  it('refuses a signed payload that is not a Receipt', async () => {
    const { jwks, sign } = await platformKey();
    expect(await reasonOf(verifyReceipt(await sign({ ...RECEIPT, outcome: 'MAYBE' }), jwks))).toBe('payload');
  });

  it('explains itself in Vietnamese on request', async () => {
    const { jwks } = await platformKey();
    const error = (await verifyReceipt('a.b.c', jwks, { lang: 'vi' }).catch(
      (e: unknown) => e,
    )) as HdldReceiptError;
    expect(error.title).toBe('Biên nhận không có chữ ký hợp lệ của Nền tảng');
  });
});
