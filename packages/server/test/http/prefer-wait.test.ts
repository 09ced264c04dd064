import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WAIT_SECONDS, preferredWaitSeconds } from '../../src/http/prefer-wait.js';

describe('preferredWaitSeconds (RFC 7240 Prefer: wait)', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['wait=3', 3],
    ['WAIT = 4', 4],
    ['respond-async, wait=5', 5],
    ['wait="6"; foo=bar', 6],
    ['return=minimal,wait=7,wait=1', 7],
    ['wait=600', MAX_WAIT_SECONDS],
    ['wait=-1', 0],
    ['wait=1.5', 0],
    ['wait', 0],
    ['waiting=5', 0],
    [['handling=lenient', 'wait=2'], 2],
  ])('%j → %d', (header, seconds) => {
    expect(preferredWaitSeconds(header)).toBe(seconds);
  });

  it('never throws and stays within 0..MAX_WAIT_SECONDS for any header', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string())), (header) => {
        const seconds = preferredWaitSeconds(header);
        expect(Number.isInteger(seconds)).toBe(true);
        expect(seconds).toBeGreaterThanOrEqual(0);
        expect(seconds).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
      }),
    );
  });

  it('reads any delta-seconds among other preferences', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.constantFrom('', 'respond-async, ', 'return=minimal,'),
        (n, before) => {
          expect(preferredWaitSeconds(`${before}wait=${n}`)).toBe(Math.min(n, MAX_WAIT_SECONDS));
        },
      ),
    );
  });
});
