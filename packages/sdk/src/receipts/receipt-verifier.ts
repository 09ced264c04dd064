import type { Lang, Schemas } from '@hdld/spec';
import {
  HdldReceiptError,
  type Receipt,
  type VerifyReceiptOptions,
  verifyReceipt,
} from './verify-receipt.js';

/**
 * `verifyReceipt` with the Platform's key set fetched once and cached; refetched once when a receipt
 * names an unknown key (the keys were rotated), as the JWKS operation recommends.
 */
export function receiptVerifier(fetchKeys: () => Promise<Schemas['PlatformKeys']>, lang: Lang) {
  let keys: Promise<Schemas['PlatformKeys']> | undefined;
  const currentKeys = () => {
    keys ??= fetchKeys().catch((error: unknown) => {
      keys = undefined; // a failed fetch is not cached
      throw error;
    });
    return keys;
  };
  return async (jws: string, options: Omit<VerifyReceiptOptions, 'lang'> = {}): Promise<Receipt> => {
    try {
      return await verifyReceipt(jws, await currentKeys(), { lang, ...options });
    } catch (error) {
      if (!(error instanceof HdldReceiptError && error.reason === 'unknownKey')) throw error;
      keys = undefined;
      return verifyReceipt(jws, await currentKeys(), { lang, ...options });
    }
  };
}
