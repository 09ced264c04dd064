import { type Lang, ReceiptSchema, type Schemas } from '@hdld/spec';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet, errors as joseErrors } from 'jose';
import { HdldError } from '../client/errors.js';

/** JWS `typ` of Platform receipts, distinct from access tokens so one never passes for the other. */
export const RECEIPT_TYPE = 'hdld-receipt+jwt';
const RECEIPT_ALGORITHMS = ['ES256'];

export type Receipt = Schemas['Receipt'];

export type VerifyReceiptOptions = {
  /** Expected `iss` (the Platform's base URL); checked when given. */
  issuer?: string;
  /** Expected transaction; checked when given, so a receipt cannot be swapped for another one. */
  transactionId?: string;
  lang?: Lang;
};

const MESSAGES = {
  invalid: {
    en: 'The receipt is not a valid Platform signature',
    vi: 'Biên nhận không có chữ ký hợp lệ của Nền tảng',
  },
  unknownKey: {
    en: 'The receipt is signed with a key the JWKS does not publish',
    vi: 'Biên nhận được ký bằng khóa không có trong JWKS',
  },
  payload: {
    en: 'The receipt payload does not match the Receipt schema',
    vi: 'Nội dung biên nhận không đúng lược đồ Receipt',
  },
  mismatch: {
    en: 'The receipt is for another transaction or issuer',
    vi: 'Biên nhận thuộc giao dịch hoặc bên phát hành khác',
  },
} as const;

/** A receipt that failed verification: never trust its content. `reason` says why. */
export class HdldReceiptError extends HdldError {
  constructor(
    readonly reason: keyof typeof MESSAGES,
    lang: Lang,
    cause?: unknown,
  ) {
    super({
      title: MESSAGES[reason][lang],
      detail: cause instanceof Error ? cause.message : undefined,
      cause,
    });
  }
}

/**
 * Verifies a Platform receipt (compact JWS, ES256, `typ` hdld-receipt+jwt) offline against the
 * published key set and returns its typed payload (F9, S2.2): proof of the outcome of a
 * transaction without calling the Platform back.
 */
export async function verifyReceipt(
  jws: string,
  jwks: Schemas['PlatformKeys'] | JSONWebKeySet,
  options: VerifyReceiptOptions = {},
): Promise<Receipt> {
  const lang = options.lang ?? 'en';
  let payload: Uint8Array;
  try {
    const verified = await compactVerify(jws, createLocalJWKSet(jwks as JSONWebKeySet), {
      algorithms: RECEIPT_ALGORITHMS,
    });
    if (verified.protectedHeader.typ !== RECEIPT_TYPE) throw new Error(`typ ${verified.protectedHeader.typ}`);
    payload = verified.payload;
  } catch (error) {
    const unknownKey = error instanceof joseErrors.JWKSNoMatchingKey;
    throw new HdldReceiptError(unknownKey ? 'unknownKey' : 'invalid', lang, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch (error) {
    throw new HdldReceiptError('payload', lang, error);
  }
  const parsed = ReceiptSchema.safeParse(json);
  if (!parsed.success) throw new HdldReceiptError('payload', lang, parsed.error);
  const receipt = parsed.data;
  if (
    (options.issuer !== undefined && receipt.iss !== options.issuer) ||
    (options.transactionId !== undefined && receipt.transactionId !== options.transactionId)
  ) {
    throw new HdldReceiptError('mismatch', lang);
  }
  return receipt;
}
