import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_CONFIG, type RegistryConfig } from '../../src/config/registry-config.js';
import {
  httpBusinessRegistry,
  httpPopulationRegistry,
  readRegistryTls,
  registryClient,
} from '../../src/identity/http/http-registries.js';
import type { RegistryClient } from '../../src/identity/http/registry-http-client.js';
import { RegistryUnavailableError } from '../../src/identity/identity-registry.js';
import {
  createRegistryCerts,
  type RegistryCerts,
  type RegistryStandIn,
  startRegistryStandIn,
} from '../support/registry-stand-in.js';

const CITIZEN = { fullName: 'Nguyễn Thị Hoà', dateOfBirth: '1990-04-30', sex: 'FEMALE' };
const ENTERPRISE = { name: 'Công ty TNHH Thử Nghiệm', address: 'Số 1 phố Huế, Hà Nội', status: 'ACTIVE' };

/**
 * F8, issue 15: the HTTP adapters of the National Population Database and the National Business
 * Registration Portal against a stand-in registry (HTTPS, client certificate required).
 */
describe('the HTTP identity registries', () => {
  let certs: RegistryCerts;
  let standIn: RegistryStandIn;
  let clock = 0;
  const clients: RegistryClient[] = [];
  const config: RegistryConfig = {
    ...DEFAULT_REGISTRY_CONFIG,
    timeoutMs: 300,
    retries: 2,
    breakerThreshold: 3,
    breakerCooldownMs: 10_000,
  };
  const client = async (overrides: Partial<RegistryConfig> = {}, tls?: RegistryConfig['tls']) => {
    const created = registryClient(
      'population registry',
      standIn.url,
      { ...config, ...overrides },
      await readRegistryTls(tls ?? certs),
      { now: () => clock, retryDelayMs: 10 },
    );
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    certs = await createRegistryCerts();
    standIn = await startRegistryStandIn(certs);
    standIn.records.set('citizens/079190000001', CITIZEN);
    standIn.records.set('passports/M1234567', { ...CITIZEN, fullName: 'John Smith', sex: 'MALE' });
    standIn.records.set('enterprises/0101234567-001', ENTERPRISE);
  });
  afterEach(() => {
    standIn.mode = 'normal';
    standIn.requests.length = 0;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await standIn?.close();
  });

  it('finds a citizen, a passport holder and an enterprise, over mTLS', async () => {
    const population = httpPopulationRegistry(await client(), true);
    const business = httpBusinessRegistry(await client());
    expect(await population.findPerson({ type: 'CCCD', number: '079190000001' })).toEqual(CITIZEN);
    expect(await population.findPerson({ type: 'PASSPORT', number: 'M1234567' })).toMatchObject({
      fullName: 'John Smith',
    });
    expect(await business.findEnterprise('0101234567-001')).toEqual(ENTERPRISE);
    expect(standIn.requests).toEqual([
      'citizens/079190000001',
      'passports/M1234567',
      'enterprises/0101234567-001',
    ]);
    expect(population.checksPassports).toBe(true);
  });

  it('answers undefined for a record the registry does not hold (404)', async () => {
    const population = httpPopulationRegistry(await client(), false);
    expect(await population.findPerson({ type: 'CMND', number: '012345678' })).toBeUndefined();
    expect(await httpBusinessRegistry(await client()).findEnterprise('0109999999')).toBeUndefined();
    expect(population.checksPassports).toBe(false);
  });

  it('retries an attempt that timed out, and finds the record', async () => {
    const population = httpPopulationRegistry(await client(), false);
    standIn.hangNext(1);
    expect(await population.findPerson({ type: 'CCCD', number: '079190000001' })).toEqual(CITIZEN);
    expect(standIn.requests).toEqual(['citizens/079190000001', 'citizens/079190000001']);
  });

  it('is unavailable (transient) after every attempt timed out or got a 5xx, never "not found"', async () => {
    const population = httpPopulationRegistry(await client(), false);
    standIn.mode = 'hang';
    const timedOut = await population.findPerson({ type: 'CCCD', number: '079190000001' }).catch((e) => e);
    expect(timedOut).toBeInstanceOf(RegistryUnavailableError);
    expect(timedOut.message).toMatch(/no answer within 300 ms \(3 attempt/);
    expect(timedOut.message).not.toContain('079190000001');
    expect(standIn.requests).toHaveLength(3);

    standIn.mode = 'unavailable';
    await expect(httpBusinessRegistry(await client()).findEnterprise('0101234567-001')).rejects.toThrow(
      /HTTP 503/,
    );
  });

  it('is unavailable when the registry refuses a client without the Platform certificate', async () => {
    const withoutCertificate = httpPopulationRegistry(
      await client({ retries: 0 }, { caFile: certs.caFile }),
      false,
    );
    await expect(
      withoutCertificate.findPerson({ type: 'CCCD', number: '079190000001' }),
    ).rejects.toBeInstanceOf(RegistryUnavailableError);
  });

  it('opens the circuit after repeated failures, answers at once while open, and closes on a good probe', async () => {
    const population = httpPopulationRegistry(await client({ retries: 0 }), false);
    const ask = () => population.findPerson({ type: 'CCCD', number: '079190000001' });
    standIn.mode = 'unavailable';
    for (let i = 0; i < 3; i++) await expect(ask()).rejects.toThrow(/HTTP 503/);
    standIn.mode = 'normal';
    await expect(ask()).rejects.toThrow(/circuit open/);
    expect(standIn.requests).toHaveLength(3);

    clock += 10_000;
    expect(await ask()).toEqual(CITIZEN);
    expect(await ask()).toEqual(CITIZEN);
    expect(standIn.requests).toHaveLength(5);
  });

  it('treats a record without the documented fields as no answer', async () => {
    standIn.records.set('citizens/079190000002', { fullName: 'Lê Văn Thiếu' });
    const population = httpPopulationRegistry(await client(), false);
    await expect(population.findPerson({ type: 'CCCD', number: '079190000002' })).rejects.toBeInstanceOf(
      RegistryUnavailableError,
    );
  });
});
