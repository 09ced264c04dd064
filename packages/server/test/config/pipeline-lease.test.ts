import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/config/server-config.js';

const leaseOf = (value?: string) => configFromEnv({ HDLD_PIPELINE_LEASE_MS: value }).pipelineLeaseMs;

describe('HDLD_PIPELINE_LEASE_MS', () => {
  it('is left to the default when unset or empty', () => {
    expect(leaseOf(undefined)).toBeUndefined();
    expect(leaseOf('')).toBeUndefined();
  });

  it('takes any whole number of milliseconds from one second up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2 ** 31 - 1 }), (ms) => {
        expect(leaseOf(String(ms))).toBe(ms);
      }),
    );
  });

  it('refuses shorter leases, fractions and anything not a number', () => {
    const refused = fc.oneof(
      fc.integer({ max: 999 }).map(String),
      fc.double({ min: 1000, max: 1e6, noInteger: true, noNaN: true }).map(String),
      fc.string().filter((s) => s.trim() !== '' && !Number.isInteger(Number(s))),
    );
    fc.assert(
      fc.property(refused, (value) => {
        expect(() => leaseOf(value)).toThrow(/HDLD_PIPELINE_LEASE_MS/);
      }),
    );
  });
});
