import type { JWK } from 'jose';
import { InvalidSetting } from './config-error.js';

/**
 * The parsers of the settings table: each takes the raw value (never empty: an empty variable counts
 * as unset) and returns it typed, or throws InvalidSetting saying in both languages what is expected.
 */
export type Parser<T> = (raw: string) => T;

export function integer(range: {
  min: number;
  max: number;
  unit?: { en: string; vi: string };
}): Parser<number> {
  const unit = range.unit ? { en: ` (${range.unit.en})`, vi: ` (${range.unit.vi})` } : { en: '', vi: '' };
  return (raw) => {
    const n = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
      throw new InvalidSetting({
        en: `must be a whole number from ${range.min} to ${range.max}${unit.en}`,
        vi: `phải là số nguyên từ ${range.min} đến ${range.max}${unit.vi}`,
      });
    }
    return n;
  };
}

export function decimal(range: { min: number; max: number }): Parser<number> {
  return (raw) => {
    const n = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(n) || n < range.min || n > range.max) {
      throw new InvalidSetting({
        en: `must be a number from ${range.min} to ${range.max}`,
        vi: `phải là một số từ ${range.min} đến ${range.max}`,
      });
    }
    return n;
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Parser<T> {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new InvalidSetting({
        en: `must be one of ${values.join(', ')}`,
        vi: `phải là một trong ${values.join(', ')}`,
      });
    }
    return raw as T;
  };
}

/** An absolute URL with one of `protocols` (e.g. `['http:', 'https:']`) and a host. */
export function url(protocols: readonly string[]): Parser<string> {
  const wanted = protocols.map((p) => `${p}//`).join(', ');
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new InvalidSetting({
        en: `is not a URL (expected ${wanted}...)`,
        vi: `không phải URL (cần ${wanted}...)`,
      });
    }
    if (!protocols.includes(parsed.protocol) || !parsed.hostname) {
      throw new InvalidSetting({
        en: `must be a URL starting with ${wanted} and naming a host`,
        vi: `phải là URL bắt đầu bằng ${wanted} và có tên máy chủ`,
      });
    }
    return raw;
  };
}

/** A host name or IP address to listen on. */
export const hostName: Parser<string> = (raw) => {
  if (!/^[A-Za-z0-9.:[\]_-]+$/.test(raw)) {
    throw new InvalidSetting({
      en: 'must be a host name or IP address (e.g. 127.0.0.1 or 0.0.0.0)',
      vi: 'phải là tên máy hoặc địa chỉ IP (ví dụ 127.0.0.1 hoặc 0.0.0.0)',
    });
  }
  return raw;
};

export const text: Parser<string> = (raw) => raw;

/** `true` or `false` (also 1 or 0). */
export const boolean: Parser<boolean> = (raw) => {
  const value = raw.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new InvalidSetting({ en: 'must be true or false', vi: 'phải là true hoặc false' });
};

/** An e-mail From header: `addr@domain` or `Name <addr@domain>`. */
export const mailbox: Parser<string> = (raw) => {
  const address = /<([^>]+)>\s*$/.exec(raw)?.[1] ?? raw;
  if (!/^[^\s@<>]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]+$/.test(address.trim())) {
    throw new InvalidSetting({
      en: 'must be an e-mail address or "Name <address@domain>"',
      vi: 'phải là địa chỉ e-mail hoặc "Tên <địa-chỉ@tên-miền>"',
    });
  }
  return raw;
};

/** A secret of at least `minBytes` bytes (UTF-8), e.g. `openssl rand -base64 32`. */
export function secret(minBytes: number): Parser<string> {
  return (raw) => {
    const bytes = Buffer.byteLength(raw, 'utf8');
    if (bytes < minBytes) {
      throw new InvalidSetting({
        en: `must be at least ${minBytes} bytes (got ${bytes}); make one with: openssl rand -base64 32`,
        vi: `phải dài ít nhất ${minBytes} byte (hiện ${bytes}); tạo bằng: openssl rand -base64 32`,
      });
    }
    return raw;
  };
}

function p256Jwk(value: unknown, needPrivate: boolean): JWK {
  const jwk = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const ok =
    jwk.kty === 'EC' &&
    jwk.crv === 'P-256' &&
    typeof jwk.x === 'string' &&
    typeof jwk.y === 'string' &&
    (!needPrivate || typeof jwk.d === 'string');
  if (ok) return jwk as JWK;
  const got = `kty ${String(jwk.kty)}, crv ${String(jwk.crv)}${needPrivate && jwk.d === undefined ? ', no d' : ''}`;
  throw new InvalidSetting(
    needPrivate
      ? {
          en: `must be an EC P-256 private JWK (kty EC, crv P-256, x, y, d), got ${got}`,
          vi: `phải là khóa riêng JWK EC P-256 (kty EC, crv P-256, x, y, d), nhận được ${got}`,
        }
      : {
          en: `must hold only EC P-256 JWKs (kty EC, crv P-256, x, y), got ${got}`,
          vi: `chỉ được chứa JWK EC P-256 (kty EC, crv P-256, x, y), nhận được ${got}`,
        },
  );
}

function json(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new InvalidSetting({ en: 'is not valid JSON', vi: 'không phải JSON hợp lệ' });
  }
}

/** The Platform's ES256 signing key: an EC P-256 private JWK (RFC 7517). */
export const privateP256Jwk: Parser<JWK> = (raw) => p256Jwk(json(raw), true);

/**
 * Retired signing keys, still published in the JWKS so what they signed verifies: a JWK Set or an
 * array of EC P-256 JWKs. A private part given by mistake is dropped, never published.
 */
export const retiredP256Jwks: Parser<JWK[]> = (raw) => {
  const value = json(raw) as { keys?: unknown } | unknown[];
  const list = Array.isArray(value) ? value : (value as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) {
    throw new InvalidSetting({
      en: 'must be a JWK Set {"keys":[...]} or an array of EC P-256 JWKs',
      vi: 'phải là một JWK Set {"keys":[...]} hoặc một mảng JWK EC P-256',
    });
  }
  return list.map((entry) => {
    const { d: _private, ...publicPart } = p256Jwk(entry, false);
    return publicPart;
  });
};
