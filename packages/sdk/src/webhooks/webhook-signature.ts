import type { Lang, Schemas } from '@hdld/spec';
import { HdldError } from '../client/errors.js';

/** What the Platform posts to a provider's callback URL (F4 "sync result"); see `webhooks:` in the spec. */
export type WebhookEvent = Schemas['WebhookEvent'];

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Hdld-Signature';
/** The delivery's id, the same on every retry: receivers drop a delivery they already handled. */
export const WEBHOOK_ID_HEADER = 'Hdld-Webhook-Id';
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

const MESSAGES = {
  header: {
    en: 'The Hdld-Signature header is missing or malformed',
    vi: 'Thiếu tiêu đề Hdld-Signature hoặc tiêu đề sai định dạng',
  },
  signature: {
    en: 'The webhook signature does not match the body and the secret',
    vi: 'Chữ ký webhook không khớp với nội dung và khóa bí mật',
  },
  timestamp: {
    en: 'The webhook timestamp is outside the tolerance (a replay or a wrong clock)',
    vi: 'Thời điểm ký webhook nằm ngoài khoảng cho phép (gửi lại trái phép hoặc sai đồng hồ)',
  },
  payload: {
    en: 'The webhook body is not JSON',
    vi: 'Nội dung webhook không phải JSON',
  },
} as const;

/** A delivery that failed verification: never act on it. `reason` says why. */
export class HdldWebhookError extends HdldError {
  constructor(
    readonly reason: keyof typeof MESSAGES,
    lang: Lang = 'en',
  ) {
    super({ title: MESSAGES[reason][lang] });
  }
}

export type SignWebhookOptions = {
  /** The exact body bytes (or text) sent. */
  payload: string | Uint8Array;
  secret: string;
  /** Unix seconds. */
  timestamp: number;
};

export type VerifyWebhookOptions = {
  /** The raw body exactly as received: parsing and re-serialising JSON changes the bytes. */
  payload: string | Uint8Array;
  /** The Hdld-Signature header value. */
  header: string | null | undefined;
  secret: string;
  /** Largest accepted distance between the signature time and `now`; default 300 s. */
  toleranceSeconds?: number;
  now?: Date;
  lang?: Lang;
};

const encoder = new TextEncoder();

async function hmacSha256(
  secret: string,
  timestamp: number,
  payload: string | Uint8Array,
): Promise<Uint8Array> {
  const body = typeof payload === 'string' ? encoder.encode(payload) : payload;
  const prefix = encoder.encode(`${timestamp}.`);
  const data = new Uint8Array(prefix.length + body.length);
  data.set(prefix);
  data.set(body, prefix.length);
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, data));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  return Uint8Array.from({ length: 32 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** Compares every byte whatever differs first, so timing tells an attacker nothing about the HMAC. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** The header's timestamp and its v1 signatures (several while a secret is being rotated). */
function parseSignatureHeader(
  header: string | null | undefined,
): { timestamp: number; signatures: string[] } | undefined {
  if (!header) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [name, value, extra] = part.trim().split('=');
    if (value === undefined || extra !== undefined) return undefined;
    if (name === 't') {
      if (timestamp !== undefined || !/^\d{1,15}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (name === 'v1') {
      signatures.push(value);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** The Hdld-Signature value for a body: what the Platform sends, and what a receiver's tests can forge. */
export async function signWebhook({ payload, secret, timestamp }: SignWebhookOptions): Promise<string> {
  return `t=${timestamp},v1=${toHex(await hmacSha256(secret, timestamp, payload))}`;
}

/**
 * Verifies a webhook delivery from the Platform (F4) and returns its event: the HMAC-SHA256 of
 * "t.body" under the provider's webhook secret, compared in constant time, and a timestamp within
 * `toleranceSeconds` of `now` (so a captured delivery cannot be replayed later). Throws
 * HdldWebhookError otherwise. The event is returned parsed: the signature proves the Platform sent it.
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const lang = options.lang ?? 'en';
  const parsed = parseSignatureHeader(options.header);
  if (!parsed) throw new HdldWebhookError('header', lang);
  const expected = await hmacSha256(options.secret, parsed.timestamp, options.payload);
  const matches = parsed.signatures.map((signature) => {
    const given = fromHex(signature);
    return given !== undefined && constantTimeEqual(given, expected);
  });
  if (!matches.includes(true)) throw new HdldWebhookError('signature', lang);
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) throw new HdldWebhookError('timestamp', lang);
  const text =
    typeof options.payload === 'string' ? options.payload : new TextDecoder().decode(options.payload);
  try {
    return JSON.parse(text) as WebhookEvent;
  } catch {
    throw new HdldWebhookError('payload', lang);
  }
}
