import { DEFAULT_OUTBOX_TIMING } from '../notifications/outbox-sender.js';
import { DEFAULT_VIOLATION_THRESHOLDS } from '../violations/thresholds.js';
import { type Bilingual, ConfigError, InvalidSetting } from './config-error.js';
import { DEFAULT_REGISTRY_CONFIG } from './registry-config.js';
import {
  boolean,
  decimal,
  hostName,
  integer,
  mailbox,
  oneOf,
  type Parser,
  privateP256Jwk,
  retiredP256Jwks,
  secret,
  text,
  url,
} from './setting-parsers.js';

/** Where the Platform runs: `sandbox` (providers' test environment, S2.4) or `production`. */
export type Mode = 'sandbox' | 'production';
export const MODES = ['sandbox', 'production'] as const;

/** From header of the Platform's e-mails unless HDLD_MAIL_FROM says otherwise. */
export const DEFAULT_MAIL_FROM = 'Nền tảng HĐLĐ điện tử <no-reply@hdld.invalid>';

/** pino's levels. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** HDLD_ID_SECRET keys the contract-ID permutation and the webhook-secret box: at least 256 bits. */
export const MIN_ID_SECRET_BYTES = 32;
/** Below this, lease renewals (every third of it) would be mostly overhead. */
export const MIN_PIPELINE_LEASE_MS = 1000;
/** Node's timers take at most this (a longer delay fires at once): the bound of every *_MS setting. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A crashed process's pipeline jobs are taken over after at most this long. */
export const DEFAULT_PIPELINE_LEASE_MS = 60_000;

/**
 * One setting the server reads from its environment. The table below is the only place the server
 * reads `process.env` (through configFromEnv), `--help` prints it and docs/configuration.md is
 * generated from it (`pnpm docs:config`), so the three cannot drift.
 */
export type Setting<T> = {
  name: string;
  /** Older names still read when `name` is unset. */
  aliases?: readonly string[];
  /** For people: what a value looks like. */
  type: string;
  /** The value used when unset, as documented. */
  default: string;
  sandbox: string;
  production: string;
  example: string;
  description: Bilingual;
  /** Never echoed in an error message. */
  secret?: boolean;
  /** Unset in production stops the start (never generated or guessed there). */
  requiredInProduction?: boolean;
  parse: Parser<T>;
};

function define<T>(setting: Setting<T>): Setting<T> {
  return setting;
}

const ms = { en: 'milliseconds', vi: 'mili giây' };

export const SETTINGS = {
  mode: define({
    name: 'HDLD_MODE',
    type: MODES.join(' | '),
    default: 'sandbox',
    sandbox:
      'test environment (S2.4): sandbox operations, a sandbox provider and operator seeded, movable clock',
    production: 'every secret and key explicit, trust folders required, sandbox operations refused',
    example: 'production',
    description: {
      en: 'Which Platform this is: the providers’ test environment or the real one.',
      vi: 'Môi trường của Nền tảng: môi trường thử nghiệm cho nhà cung cấp hoặc môi trường thật.',
    },
    parse: oneOf(MODES),
  }),
  host: define({
    name: 'HDLD_HOST',
    type: 'host name or IP address',
    default: '127.0.0.1',
    sandbox: 'loopback only unless changed',
    production: 'usually 0.0.0.0 behind the gateway',
    example: '0.0.0.0',
    description: {
      en: 'Address the HTTP server listens on.',
      vi: 'Địa chỉ máy chủ HTTP lắng nghe.',
    },
    parse: hostName,
  }),
  port: define({
    name: 'PORT',
    aliases: ['HDLD_PORT'],
    type: 'integer 0-65535 (0: any free port)',
    default: '8080',
    sandbox: 'same',
    production: 'same',
    example: '18500',
    description: {
      en: 'TCP port the HTTP server listens on (HDLD_PORT is read when PORT is unset).',
      vi: 'Cổng TCP máy chủ HTTP lắng nghe (đọc HDLD_PORT khi không đặt PORT).',
    },
    parse: integer({ min: 0, max: 65_535 }),
  }),
  databaseUrl: define({
    name: 'DATABASE_URL',
    type: 'postgres:// URL',
    default: 'unset: embedded PGlite under HDLD_DATA_DIR/db',
    sandbox: 'PGlite is fine',
    production: 'PostgreSQL recommended (several processes, backups); PGlite allows one process only',
    example: 'postgres://hdld:secret@db.internal:5432/hdld',
    description: {
      en: 'PostgreSQL connection string; without it the embedded PGlite database is used.',
      vi: 'Chuỗi kết nối PostgreSQL; nếu không đặt, dùng cơ sở dữ liệu PGlite nhúng.',
    },
    secret: true,
    parse: url(['postgres:', 'postgresql:']),
  }),
  dataDir: define({
    name: 'HDLD_DATA_DIR',
    type: 'folder path',
    default: './data (from the working directory)',
    sandbox: 'created on first start: PGlite, blobs, generated keys, sandbox credentials',
    production: 'the blob store (back it up) and, without DATABASE_URL, the database',
    example: '/var/lib/hdld',
    description: {
      en: 'Folder of the embedded database, the blob store and the sandbox’s generated keys.',
      vi: 'Thư mục của cơ sở dữ liệu nhúng, kho tệp và các khóa sinh tự động của môi trường thử nghiệm.',
    },
    parse: text,
  }),
  publicUrl: define({
    name: 'HDLD_PUBLIC_URL',
    type: 'http(s) URL',
    default: 'http://HDLD_HOST:PORT',
    sandbox: 'the default is fine on one machine',
    production: 'set it to the address providers use: it is the token issuer and in every receipt',
    example: 'https://hdld.example.gov.vn',
    description: {
      en: 'Public base URL: access-token issuer and the verification link of receipts.',
      vi: 'URL công khai: bên phát hành token truy cập và đường dẫn xác minh trong biên nhận.',
    },
    parse: url(['http:', 'https:']),
  }),
  platformKey: define({
    name: 'HDLD_PLATFORM_KEY',
    type: 'EC P-256 private JWK (JSON)',
    default: 'sandbox: generated once into HDLD_DATA_DIR/keys/platform-signing.jwk.json',
    sandbox: 'generated on first start when unset',
    production: 'required; back it up (it signs receipts and access tokens, ES256)',
    example: '{"kty":"EC","crv":"P-256","x":"…","y":"…","d":"…","kid":"2026-12"}',
    description: {
      en: 'The Platform’s signing key for receipts and access tokens (ES256); its public half is the JWKS.',
      vi: 'Khóa ký của Nền tảng cho biên nhận và token truy cập (ES256); nửa công khai được công bố trong JWKS.',
    },
    secret: true,
    requiredInProduction: true,
    parse: privateP256Jwk,
  }),
  retiredPlatformKeys: define({
    name: 'HDLD_PLATFORM_RETIRED_KEYS',
    type: 'JWK Set or JSON array of EC P-256 JWKs',
    default: 'none',
    sandbox: 'same',
    production: 'after a key rotation, the old public keys, as long as what they signed must verify',
    example: '{"keys":[{"kty":"EC","crv":"P-256","x":"…","y":"…","kid":"2025-12"}]}',
    description: {
      en: 'Former signing keys, still published in the JWKS so their receipts and tokens verify (private parts are dropped).',
      vi: 'Các khóa ký cũ, vẫn công bố trong JWKS để biên nhận và token đã ký bằng chúng còn xác minh được (phần riêng bị bỏ).',
    },
    parse: retiredP256Jwks,
  }),
  idSecret: define({
    name: 'HDLD_ID_SECRET',
    type: `secret, at least ${MIN_ID_SECRET_BYTES} bytes`,
    default: 'sandbox: generated once into HDLD_DATA_DIR/keys/contract-id.secret',
    sandbox: 'generated on first start when unset',
    production:
      'required; back it up; never change it on an existing database (its fingerprint is stored and checked)',
    example: '$(openssl rand -base64 32)',
    description: {
      en: 'Key of the contract-ID permutation and of the sealed webhook secrets.',
      vi: 'Khóa của phép hoán vị mã hợp đồng và của các bí mật webhook được niêm phong.',
    },
    secret: true,
    requiredInProduction: true,
    parse: secret(MIN_ID_SECRET_BYTES),
  }),
  trustDir: define({
    name: 'HDLD_TRUST_DIR',
    type: 'folder path holding ca/, tsa/, certification/ (PEM or DER certificates)',
    default: 'HDLD_DATA_DIR/trust',
    sandbox: 'a missing or empty kind is allowed (nothing of that kind verifies)',
    production: 'ca/, tsa/ and certification/ must each hold at least one certificate',
    example: '/etc/hdld/trust',
    description: {
      en: 'Trust anchors (F8): signing CAs, timestamp authorities, certification services.',
      vi: 'Chứng thư tin cậy (F8): CA ký số, dịch vụ cấp dấu thời gian, dịch vụ chứng thực.',
    },
    parse: text,
  }),
  logLevel: define({
    name: 'HDLD_LOG_LEVEL',
    type: LOG_LEVELS.join(' | '),
    default: 'info',
    sandbox: 'same',
    production: 'same',
    example: 'warn',
    description: { en: 'Log level (pino).', vi: 'Mức ghi nhật ký (pino).' },
    parse: oneOf(LOG_LEVELS),
  }),
  pipelineConcurrency: define({
    name: 'HDLD_PIPELINE_CONCURRENCY',
    type: 'integer 1-256',
    default: '4',
    sandbox: 'same',
    production: 'about the number of cores of this process',
    example: '8',
    description: {
      en: 'Submissions this process checks at once.',
      vi: 'Số hồ sơ tiến trình này kiểm tra đồng thời.',
    },
    parse: integer({ min: 1, max: 256 }),
  }),
  pipelineLeaseMs: define({
    name: 'HDLD_PIPELINE_LEASE_MS',
    type: `integer ≥ ${MIN_PIPELINE_LEASE_MS} (ms)`,
    default: String(DEFAULT_PIPELINE_LEASE_MS),
    sandbox: 'same',
    production: 'same',
    example: '30000',
    description: {
      en: 'Lease of a claimed pipeline job: how long a killed process’s jobs wait before another takes them.',
      vi: 'Thời hạn giữ một việc kiểm tra: việc của tiến trình bị dừng chờ bấy lâu trước khi tiến trình khác nhận.',
    },
    parse: integer({ min: MIN_PIPELINE_LEASE_MS, max: MAX_TIMER_MS, unit: ms }),
  }),
  rateLimitPerMinute: define({
    name: 'HDLD_RATE_LIMIT_PER_MINUTE',
    type: 'integer ≥ 1',
    default: '60000',
    sandbox: 'same',
    production: 'same',
    example: '6000',
    description: {
      en: 'Requests a minute per provider (per IP address before authentication).',
      vi: 'Số yêu cầu mỗi phút cho mỗi nhà cung cấp (theo địa chỉ IP trước khi xác thực).',
    },
    parse: integer({ min: 1, max: 1_000_000_000 }),
  }),
  violationFailureRatePercent: define({
    name: 'HDLD_VIOLATION_FAILURE_RATE_PERCENT',
    type: 'number 0-100',
    default: String(DEFAULT_VIOLATION_THRESHOLDS.failureRatePercent),
    sandbox: 'same',
    production: 'same',
    example: '15',
    description: {
      en: 'F38: a provider’s month is a violation when its failure rate is strictly above this percentage…',
      vi: 'F38: tháng của nhà cung cấp vi phạm khi tỷ lệ lỗi vượt quá phần trăm này…',
    },
    parse: decimal({ min: 0, max: 100 }),
  }),
  violationMinVolume: define({
    name: 'HDLD_VIOLATION_MIN_VOLUME',
    type: 'integer ≥ 1',
    default: String(DEFAULT_VIOLATION_THRESHOLDS.minimumVolume),
    sandbox: 'same',
    production: 'same',
    example: '50',
    description: {
      en: '…among at least this many decided transactions.',
      vi: '…trên ít nhất bấy nhiêu giao dịch đã có kết quả.',
    },
    parse: integer({ min: 1, max: 1_000_000_000 }),
  }),
  violationUnexplainedDays: define({
    name: 'HDLD_VIOLATION_UNEXPLAINED_DAYS',
    type: 'integer 0-366',
    default: String(DEFAULT_VIOLATION_THRESHOLDS.unexplainedAfterDays),
    sandbox: 'same',
    production: 'same',
    example: '5',
    description: {
      en: 'F38: a failure still unexplained this many days after it failed is a violation.',
      vi: 'F38: lỗi chưa được giải trình sau bấy nhiêu ngày là vi phạm.',
    },
    parse: integer({ min: 0, max: 366 }),
  }),
  violationLateSubmissions: define({
    name: 'HDLD_VIOLATION_LATE_SUBMISSIONS',
    type: 'integer ≥ 1',
    default: String(DEFAULT_VIOLATION_THRESHOLDS.lateSubmissions),
    sandbox: 'same',
    production: 'same',
    example: '3',
    description: {
      en: 'F38: this many late submissions in a month, or more, is a violation.',
      vi: 'F38: từ bấy nhiêu lần gửi muộn trong tháng trở lên là vi phạm.',
    },
    parse: integer({ min: 1, max: 1_000_000_000 }),
  }),
  smtpUrl: define({
    name: 'HDLD_SMTP_URL',
    type: 'smtp:// or smtps:// URL',
    default: 'unset: e-mails wait in the outbox (PENDING)',
    sandbox: 'usually unset',
    production: 'set it, or F39 notices are never e-mailed',
    example: 'smtps://user:password@mail.example.gov.vn:465',
    description: {
      en: 'Mail server of the Platform’s e-mails (F39).',
      vi: 'Máy chủ thư của các e-mail do Nền tảng gửi (F39).',
    },
    secret: true,
    parse: url(['smtp:', 'smtps:']),
  }),
  mailFrom: define({
    name: 'HDLD_MAIL_FROM',
    type: 'e-mail address or "Name <address>"',
    default: DEFAULT_MAIL_FROM,
    sandbox: 'same',
    production: 'an address of your domain (it is also the Message-ID domain)',
    example: 'Nền tảng HĐLĐ điện tử <no-reply@example.gov.vn>',
    description: {
      en: 'From header of the Platform’s e-mails.',
      vi: 'Tiêu đề From của các e-mail do Nền tảng gửi.',
    },
    parse: mailbox,
  }),
  outboxPollMs: define({
    name: 'HDLD_OUTBOX_POLL_MS',
    type: 'integer ≥ 1 (ms)',
    default: String(DEFAULT_OUTBOX_TIMING.pollIntervalMs),
    sandbox: 'same',
    production: 'same',
    example: '500',
    description: {
      en: 'How often the outbox (e-mails, webhooks) is polled.',
      vi: 'Chu kỳ kiểm tra hộp thư đi (e-mail, webhook).',
    },
    parse: integer({ min: 1, max: MAX_TIMER_MS, unit: ms }),
  }),
  outboxLeaseMs: define({
    name: 'HDLD_OUTBOX_LEASE_MS',
    type: 'integer ≥ 1 (ms)',
    default: String(DEFAULT_OUTBOX_TIMING.leaseMs),
    sandbox: 'same',
    production: 'longer than the slowest delivery',
    example: '120000',
    description: {
      en: 'How long a claimed outbox message is held before another process may send it.',
      vi: 'Thời gian giữ một thư đã nhận gửi trước khi tiến trình khác được gửi lại.',
    },
    parse: integer({ min: 1, max: MAX_TIMER_MS, unit: ms }),
  }),
  outboxRetryMs: define({
    name: 'HDLD_OUTBOX_RETRY_MS',
    type: 'integer ≥ 1 (ms)',
    default: String(DEFAULT_OUTBOX_TIMING.retryBaseMs),
    sandbox: 'same',
    production: 'same',
    example: '60000',
    description: {
      en: 'First retry delay of a failed delivery, doubled per attempt up to one hour.',
      vi: 'Thời gian chờ lần gửi lại đầu tiên, nhân đôi mỗi lần, tối đa một giờ.',
    },
    parse: integer({ min: 1, max: MAX_TIMER_MS, unit: ms }),
  }),
  populationRegistryUrl: define({
    name: 'HDLD_POPULATION_REGISTRY_URL',
    type: 'https URL (http allowed in the sandbox)',
    default: 'unset: the local stand-in (sandbox tables)',
    sandbox: 'usually unset (registerSandboxIdentities fills the local table)',
    production: 'required, https; protocol in docs/identity-registries.md',
    example: 'https://csdl-dancu.example.gov.vn/api/v1',
    description: {
      en: 'F8: base URL of the National Population Database (GET {base}/citizens/{number}).',
      vi: 'F8: URL gốc của Cơ sở dữ liệu quốc gia về dân cư (GET {base}/citizens/{số}).',
    },
    requiredInProduction: true,
    parse: url(['https:', 'http:']),
  }),
  populationRegistryPassports: define({
    name: 'HDLD_POPULATION_REGISTRY_PASSPORTS',
    type: 'true | false',
    default: 'false',
    sandbox: 'the local stand-in always looks passports up',
    production: 'true when the registry answers GET {base}/passports/{number}',
    example: 'true',
    description: {
      en: 'The population registry looks passports up; otherwise passports are not looked up (a recorded warning for them is still to come, issue 15).',
      vi: 'Cơ sở dữ liệu dân cư tra cứu được hộ chiếu; nếu không, hộ chiếu không được tra cứu (cảnh báo ghi nhận việc này sẽ được bổ sung, issue 15).',
    },
    parse: boolean,
  }),
  businessRegistryUrl: define({
    name: 'HDLD_BUSINESS_REGISTRY_URL',
    type: 'https URL (http allowed in the sandbox)',
    default: 'unset: the local stand-in (sandbox tables)',
    sandbox: 'usually unset (the sample employers are seeded)',
    production: 'required, https; protocol in docs/identity-registries.md',
    example: 'https://dangkykinhdoanh.example.gov.vn/api/v1',
    description: {
      en: 'F8: base URL of the National Business Registration Portal (GET {base}/enterprises/{taxCode}).',
      vi: 'F8: URL gốc của Cổng thông tin quốc gia về đăng ký doanh nghiệp (GET {base}/enterprises/{mã số thuế}).',
    },
    requiredInProduction: true,
    parse: url(['https:', 'http:']),
  }),
  registryTlsCert: define({
    name: 'HDLD_REGISTRY_TLS_CERT',
    type: 'PEM file path',
    default: 'unset: no client certificate',
    sandbox: 'unset unless a registry URL needs mTLS',
    production: 'required: the Platform’s client certificate for both registries (mTLS)',
    example: '/etc/hdld/registry-client.pem',
    description: {
      en: 'Client certificate the Platform presents to the identity registries.',
      vi: 'Chứng thư máy khách Nền tảng xuất trình với các cơ sở dữ liệu quốc gia.',
    },
    requiredInProduction: true,
    parse: text,
  }),
  registryTlsKey: define({
    name: 'HDLD_REGISTRY_TLS_KEY',
    type: 'PEM file path',
    default: 'unset',
    sandbox: 'with HDLD_REGISTRY_TLS_CERT',
    production: 'required, readable by the server only',
    example: '/etc/hdld/registry-client.key',
    description: {
      en: 'Private key of HDLD_REGISTRY_TLS_CERT.',
      vi: 'Khóa bí mật của HDLD_REGISTRY_TLS_CERT.',
    },
    requiredInProduction: true,
    parse: text,
  }),
  registryTlsCa: define({
    name: 'HDLD_REGISTRY_TLS_CA',
    type: 'PEM file path',
    default: 'unset: the system’s CAs',
    sandbox: 'same',
    production: 'the CAs the registries’ server certificates chain to, when not public ones',
    example: '/etc/hdld/registry-ca.pem',
    description: {
      en: 'CA certificates trusted for the identity registries’ servers.',
      vi: 'Chứng thư CA tin cậy cho máy chủ của các cơ sở dữ liệu quốc gia.',
    },
    parse: text,
  }),
  registryTimeoutMs: define({
    name: 'HDLD_REGISTRY_TIMEOUT_MS',
    type: 'integer 100-120000 (ms)',
    default: String(DEFAULT_REGISTRY_CONFIG.timeoutMs),
    sandbox: 'same',
    production: 'same',
    example: '3000',
    description: {
      en: 'One attempt of a registry lookup, from connecting to the last byte; then it counts as failed.',
      vi: 'Thời gian tối đa của một lần tra cứu, từ khi kết nối đến byte cuối; quá thời gian là một lần lỗi.',
    },
    parse: integer({ min: 100, max: 120_000, unit: ms }),
  }),
  registryRetries: define({
    name: 'HDLD_REGISTRY_RETRIES',
    type: 'integer 0-10',
    default: String(DEFAULT_REGISTRY_CONFIG.retries),
    sandbox: 'same',
    production: 'same',
    example: '1',
    description: {
      en: 'Further attempts of one lookup after a timeout, 5xx, 429 or refused connection (backoff 200 ms, doubled); then the check is retried later.',
      vi: 'Số lần thử lại một lần tra cứu khi quá thời gian, lỗi 5xx, 429 hoặc bị từ chối kết nối (chờ 200 ms, nhân đôi); sau đó việc kiểm tra được thực hiện lại sau.',
    },
    parse: integer({ min: 0, max: 10 }),
  }),
  registryBreakerThreshold: define({
    name: 'HDLD_REGISTRY_BREAKER_THRESHOLD',
    type: 'integer 1-1000',
    default: String(DEFAULT_REGISTRY_CONFIG.breakerThreshold),
    sandbox: 'same',
    production: 'same',
    example: '10',
    description: {
      en: 'Consecutive failed attempts that open a registry’s circuit (lookups then answer “unavailable” at once).',
      vi: 'Số lần lỗi liên tiếp làm ngắt mạch một cơ sở dữ liệu (khi đó tra cứu trả lời “không khả dụng” ngay).',
    },
    parse: integer({ min: 1, max: 1000 }),
  }),
  registryBreakerCooldownMs: define({
    name: 'HDLD_REGISTRY_BREAKER_COOLDOWN_MS',
    type: 'integer 100-3600000 (ms)',
    default: String(DEFAULT_REGISTRY_CONFIG.breakerCooldownMs),
    sandbox: 'same',
    production: 'same',
    example: '60000',
    description: {
      en: 'How long an open circuit stays open before one probe lookup may close it.',
      vi: 'Thời gian mạch ngắt giữ nguyên trước khi một lần tra cứu thử có thể đóng lại.',
    },
    parse: integer({ min: 100, max: 3_600_000, unit: ms }),
  }),
};

/** Every setting, in the order of `--help` and docs/configuration.md. */
export const ALL_SETTINGS: readonly Setting<unknown>[] = Object.values(SETTINGS);

/**
 * The value of `setting` in `env`: undefined when unset or empty (and allowed so in `mode`),
 * parsed, or a ConfigError naming it.
 */
export function readSetting<T>(env: NodeJS.ProcessEnv, setting: Setting<T>, mode: Mode): T | undefined {
  const raw = [setting.name, ...(setting.aliases ?? [])].map((name) => env[name]).find((v) => v?.trim());
  if (raw === undefined) {
    if (setting.requiredInProduction && mode === 'production') throw requiredInProduction(setting.name);
    return undefined;
  }
  try {
    return setting.parse(setting.secret ? raw : raw.trim());
  } catch (error) {
    if (!(error instanceof InvalidSetting)) throw error;
    throw new ConfigError(setting.name, error.reason, setting.secret ? undefined : raw);
  }
}

export function requiredInProduction(name: string): ConfigError {
  return new ConfigError(name, {
    en: 'is required in production (it is never generated there)',
    vi: 'bắt buộc trong môi trường production (không bao giờ được sinh tự động ở đó)',
  });
}
