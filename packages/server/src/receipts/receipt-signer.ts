import type { Schemas } from '@hdld/spec';
import { SignJWT } from 'jose';
import type { PlatformKeys } from '../auth/platform-keys.js';

export type ReceiptClaims = Omit<Schemas['Receipt'], 'iss' | 'issuedAt' | 'verifyUrl'>;

/** JWS `typ` of receipts, distinct from access tokens so one can never pass for the other. */
export const RECEIPT_TYPE = 'hdld-receipt+jwt';

/**
 * Signs the outcome of a submission (ID issued, replay or rejection) with the Platform key. The SDK
 * verifies it offline against the published JWKS (`getPlatformKeys`).
 */
export async function signReceipt(
  keys: PlatformKeys,
  publicUrl: string,
  claims: ReceiptClaims,
  issuedAt: Date,
): Promise<string> {
  const payload: Schemas['Receipt'] = {
    ...claims,
    iss: publicUrl,
    issuedAt: issuedAt.toISOString(),
    verifyUrl: `${publicUrl}/v1/transactions/${claims.transactionId}`,
  };
  return new SignJWT(payload as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: RECEIPT_TYPE })
    .sign(keys.privateKey);
}
