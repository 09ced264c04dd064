/** Minimal structured logger; `HDLD_LOG=debug` turns on the built-in stderr one. */
export type Logger = {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
};

const SECRET_KEYS = /authorization|token|secret|assertion|password|private|cookie/i;
// Fields that hold an identity document number of any kind (CCCD, CMND, passport): T17.
const IDENTITY_KEYS = /identityNumber|identity_number|passport/i;
// Citizen ID (12 digits), old ID card (9 digits): never printed in full (non-negotiable 7).
const NATIONAL_ID = /\b(\d{3})\d{3,6}(\d{3})\b/g;

/** Removes secrets and masks national ID numbers before anything is logged. */
export function redact(value: unknown, key = ''): unknown {
  if (SECRET_KEYS.test(key)) return '[redacted]';
  if (IDENTITY_KEYS.test(key) && (typeof value === 'string' || typeof value === 'number'))
    return '[redacted]';
  if (typeof value === 'string') return value.replace(NATIONAL_ID, '$1***$2');
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

const silent: Logger = { debug() {}, warn() {} };
/** Loggers whose `debug` drops everything: the transport then builds no log fields at all. */
const debugOff = new WeakSet<Logger>([silent]);

export function isDebugOff(logger: Logger): boolean {
  return debugOff.has(logger);
}

function stderrLogger(debug: boolean): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ level, msg: message, ...(redact(fields ?? {}) as object) });
    globalThis.console?.error(`[hdld] ${line}`);
  };
  const logger: Logger = {
    debug: debug ? (m, f) => write('debug', m, f) : () => {},
    warn: (m, f) => write('warn', m, f),
  };
  if (!debug) debugOff.add(logger);
  return logger;
}

export function defaultLogger(): Logger {
  const level = typeof process === 'undefined' ? undefined : process.env?.HDLD_LOG;
  return level ? stderrLogger(level === 'debug') : silent;
}

/** Wraps a caller's logger so that whatever it receives is already redacted. */
export function redactingLogger(inner: Logger): Logger {
  return {
    debug: (m, f) => inner.debug(m, redact(f) as Record<string, unknown>),
    warn: (m, f) => inner.warn(m, redact(f) as Record<string, unknown>),
  };
}
