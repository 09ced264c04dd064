import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { configFromEnv } from '../../src/config/server-config.js';
import { ALL_SETTINGS, readSetting, SETTINGS } from '../../src/config/settings.js';

/** Issue 13: the one settings table; its parsers refuse what they cannot read, naming the setting. */
const reads = (name: string, value: string) => () => configFromEnv({ [name]: value });

describe('the settings table', () => {
  it('names each variable once, with a description in both languages', () => {
    const names = ALL_SETTINGS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const setting of ALL_SETTINGS) {
      expect(setting.description.en).not.toBe(setting.description.vi);
      expect(setting.name).toMatch(/^(HDLD_[A-Z0-9_]+|PORT|DATABASE_URL)$/);
    }
  });

  it('has examples that parse (secret ones are placeholders)', () => {
    for (const setting of ALL_SETTINGS.filter((s) => !s.secret)) {
      if (setting.name === 'HDLD_PLATFORM_RETIRED_KEYS') continue; // holds "…" for the key's numbers
      expect(() => setting.parse(setting.example), setting.name).not.toThrow();
    }
  });

  it('treats unset and empty alike, and reads PORT before HDLD_PORT', () => {
    expect(configFromEnv({})).toEqual(
      configFromEnv(Object.fromEntries(ALL_SETTINGS.map((s) => [s.name, '']))),
    );
    expect(configFromEnv({ HDLD_PORT: '9000' }).port).toBe(9000);
    expect(configFromEnv({ HDLD_PORT: '9000', PORT: '9001' }).port).toBe(9001);
  });

  it('takes every whole number in range of an integer setting and refuses anything else', () => {
    const integers = ALL_SETTINGS.filter((s) => /^integer/.test(s.type));
    expect(integers.length).toBeGreaterThan(8);
    for (const setting of integers) {
      expect(readSetting({ [setting.name]: setting.default }, setting, 'sandbox')).toBe(
        Number(setting.default),
      );
      fc.assert(
        fc.property(fc.integer({ min: -1e6, max: 1e7 }), (n) => {
          // A whole number is either taken as it is or refused by name, never altered.
          try {
            expect(readSetting({ [setting.name]: String(n) }, setting, 'sandbox')).toBe(n);
          } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
            expect((error as ConfigError).setting).toBe(setting.name);
          }
        }),
        { numRuns: 30 },
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string().filter((s) => s.trim() !== '' && !/^\s*[+-]?\d+\s*$/.test(s)),
            fc.double({ noInteger: true, noNaN: true }).map(String),
          ),
          (raw) => {
            expect(() => readSetting({ [setting.name]: raw }, setting, 'sandbox')).toThrow(ConfigError);
            expect(() => readSetting({ [setting.name]: raw }, setting, 'sandbox')).toThrow(
              new RegExp(`^${setting.name}=`),
            );
          },
        ),
        { numRuns: 30 },
      );
    }
  });

  it('refuses URLs of another scheme and keeps secret values out of the message', () => {
    expect(reads('HDLD_PUBLIC_URL', 'ftp://x')).toThrow(/^HDLD_PUBLIC_URL="ftp:\/\/x": must be a URL/);
    expect(reads('DATABASE_URL', 'postgres://u:pw@')).toThrow(/^DATABASE_URL: /);
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 31 })
          .filter((s) => s.trim() !== '' && Buffer.byteLength(s) < 32),
        (s) => {
          expect(reads('HDLD_ID_SECRET', s)).toThrow(/^HDLD_ID_SECRET: must be at least 32 bytes/);
        },
      ),
    );
  });

  it('reads a retired key set and publishes only public parts', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'private', kid: 'old' };
    expect(SETTINGS.retiredPlatformKeys.parse(JSON.stringify({ keys: [jwk] }))).toEqual([
      { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'old' },
    ]);
    expect(reads('HDLD_PLATFORM_RETIRED_KEYS', '[{"kty":"RSA"}]')).toThrow(/got kty RSA/);
  });
});
