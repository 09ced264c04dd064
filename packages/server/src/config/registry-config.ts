import { ConfigError } from './config-error.js';

/**
 * Where the F8 identity check asks (issue 15): the National Population Database and the National
 * Business Registration Portal over HTTPS with a client certificate (mTLS), or, when no URL is set,
 * the local stand-ins (the sandbox default). Production needs both URLs: the local tables are not a
 * registry. Read from the settings table (settings.ts, HDLD_*_REGISTRY_*); the protocol the HTTP
 * adapters expect is docs/identity-registries.md.
 */
export type RegistryConfig = {
  /** Base of `GET {base}/citizens/{number}` (and `/passports/{number}`). */
  populationUrl?: string;
  /** The population registry answers `/passports/{number}` too. */
  populationPassports: boolean;
  /** Base of `GET {base}/enterprises/{taxCode}`. */
  businessUrl?: string;
  /** PEM files of the Platform's client certificate and key, and of the CAs the registries' servers chain to. */
  tls: { certFile?: string; keyFile?: string; caFile?: string };
  /** One attempt, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** Further attempts of one lookup after a timeout, 5xx, 429 or refused connection. */
  retries: number;
  /** Consecutive failed attempts that open a registry's circuit. */
  breakerThreshold: number;
  /** How long an open circuit answers "unavailable" without asking. */
  breakerCooldownMs: number;
};

export const DEFAULT_REGISTRY_CONFIG: RegistryConfig = {
  populationPassports: false,
  tls: {},
  timeoutMs: 5000,
  retries: 2,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/** What the settings table alone cannot say: https in production, a certificate with its key. */
export function checkRegistryConfig(config: RegistryConfig, mode: 'sandbox' | 'production'): RegistryConfig {
  const urls = [
    ['HDLD_POPULATION_REGISTRY_URL', config.populationUrl],
    ['HDLD_BUSINESS_REGISTRY_URL', config.businessUrl],
  ] as const;
  for (const [name, url] of urls) {
    if (mode === 'production' && url && !url.startsWith('https:')) {
      throw new ConfigError(name, {
        en: 'must be an https:// URL in production (the registries are reached over mTLS)',
        vi: 'phải là URL https:// trong môi trường production (kết nối cơ sở dữ liệu quốc gia qua mTLS)',
      });
    }
  }
  if (Boolean(config.tls.certFile) !== Boolean(config.tls.keyFile)) {
    throw new ConfigError(config.tls.certFile ? 'HDLD_REGISTRY_TLS_KEY' : 'HDLD_REGISTRY_TLS_CERT', {
      en: 'HDLD_REGISTRY_TLS_CERT and HDLD_REGISTRY_TLS_KEY are set together',
      vi: 'HDLD_REGISTRY_TLS_CERT và HDLD_REGISTRY_TLS_KEY phải được đặt cùng nhau',
    });
  }
  return config;
}
