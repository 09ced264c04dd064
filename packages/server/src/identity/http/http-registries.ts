import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { ConfigError } from '../../config/config-error.js';
import type { RegistryConfig } from '../../config/registry-config.js';
import {
  type BusinessRegistry,
  type CitizenRecord,
  ENTERPRISE_STATUSES,
  type EnterpriseRecord,
  type EnterpriseStatus,
  type PopulationRegistry,
  RegistryUnavailableError,
} from '../identity-registry.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createRegistryClient, type RegistryClient, type RegistryTls } from './registry-http-client.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

type Record_ = Record<string, unknown>;
const isObject = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A 200 whose record does not have the documented fields is no answer: the registry is broken now. */
function malformed(name: string): never {
  throw new RegistryUnavailableError(`${name} answered a record without the documented fields`);
}

function citizenRecord(json: unknown): CitizenRecord {
  if (
    !isObject(json) ||
    !text(json.fullName) ||
    typeof json.dateOfBirth !== 'string' ||
    !DATE.test(json.dateOfBirth) ||
    (json.sex !== 'MALE' && json.sex !== 'FEMALE')
  )
    malformed('population registry');
  return { fullName: json.fullName, dateOfBirth: json.dateOfBirth, sex: json.sex };
}

function enterpriseRecord(json: unknown): EnterpriseRecord {
  if (
    !isObject(json) ||
    !text(json.name) ||
    typeof json.address !== 'string' ||
    !ENTERPRISE_STATUSES.includes(json.status as EnterpriseStatus)
  )
    malformed('business registry');
  return { name: json.name, address: json.address, status: json.status as EnterpriseStatus };
}

/**
 * The National Population Database over HTTP (docs/identity-registries.md): CCCD and CMND numbers at
 * `GET {base}/citizens/{number}`, passports at `GET {base}/passports/{number}` when the registry
 * offers that lookup (HDLD_POPULATION_REGISTRY_PASSPORTS).
 */
export function httpPopulationRegistry(client: RegistryClient, passports: boolean): PopulationRegistry {
  return {
    checksPassports: passports,
    async findPerson(identity) {
      const folder = identity.type === 'PASSPORT' ? 'passports' : 'citizens';
      const json = await client.get(`${folder}/${encodeURIComponent(identity.number)}`);
      return json === undefined ? undefined : citizenRecord(json);
    },
  };
}

/** The National Business Registration Portal over HTTP: `GET {base}/enterprises/{taxCode}`. */
export function httpBusinessRegistry(client: RegistryClient): BusinessRegistry {
  return {
    async findEnterprise(taxCode) {
      const json = await client.get(`enterprises/${encodeURIComponent(taxCode)}`);
      return json === undefined ? undefined : enterpriseRecord(json);
    },
  };
}

/** The configured HTTP client of one registry, with its own circuit breaker. */
export function registryClient(
  name: string,
  baseUrl: string,
  config: RegistryConfig,
  tls: RegistryTls,
  options: { now?: () => number; retryDelayMs?: number } = {},
): RegistryClient {
  return createRegistryClient({
    name,
    baseUrl,
    tls,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    retryDelayMs: options.retryDelayMs,
    breaker: createCircuitBreaker({
      threshold: config.breakerThreshold,
      cooldownMs: config.breakerCooldownMs,
      now: options.now,
    }),
  });
}

/**
 * Reads the PEM files of the configuration and checks that they make a TLS context (the key is the
 * certificate's): a missing or wrong file stops the start, not every lookup later.
 */
export async function readRegistryTls(tls: RegistryConfig['tls']): Promise<RegistryTls> {
  const read = async (setting: string, file: string | undefined) => {
    if (!file) return undefined;
    try {
      return await readFile(file, 'utf8');
    } catch {
      throw new ConfigError(setting, { en: `cannot read ${file}`, vi: `không đọc được tệp ${file}` });
    }
  };
  const pem = {
    cert: await read('HDLD_REGISTRY_TLS_CERT', tls.certFile),
    key: await read('HDLD_REGISTRY_TLS_KEY', tls.keyFile),
    ca: await read('HDLD_REGISTRY_TLS_CA', tls.caFile),
  };
  try {
    createSecureContext(pem);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError('HDLD_REGISTRY_TLS_CERT', {
      en: `the certificate, key and CA files do not make a TLS client identity (${reason})`,
      vi: `các tệp chứng thư, khóa và CA không tạo được danh tính máy khách TLS (${reason})`,
    });
  }
  return Object.fromEntries(Object.entries(pem).filter(([, v]) => v !== undefined)) as RegistryTls;
}
