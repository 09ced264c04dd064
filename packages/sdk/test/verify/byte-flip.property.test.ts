import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../src/documents/verify/index.js';
import { type VerifyFixture, verifyFixture } from './contract-fixtures.js';

let f: VerifyFixture;
let signed: Uint8Array;

beforeAll(async () => {
  f = await verifyFixture();
  signed = await f.twoPartyContract();
});

describe('property: any byte flip in a signed contract is detected (N2)', () => {
  it('never yields TOTAL_PASSED after flipping bits of any byte, including the unsigned /Contents gap', async () => {
    const options = { ...f.options, requireTimestamp: true };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: signed.byteLength - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (offset, mask) => {
          const tampered = signed.slice();
          tampered[offset]! ^= mask;
          const report = await verifyPdf(tampered, options);
          expect(report.indication).not.toBe('TOTAL_PASSED');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('flips concentrated in the CMS of the last signature are detected too', async () => {
    const options = { ...f.options, requireTimestamp: true };
    const text = new TextDecoder('latin1').decode(signed);
    const gapStart = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const cmsHexLength = text.indexOf('0000000000', gapStart) - gapStart;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: cmsHexLength + 16 }),
        fc.integer({ min: 1, max: 255 }),
        async (delta, mask) => {
          const tampered = signed.slice();
          tampered[gapStart + delta]! ^= mask;
          expect((await verifyPdf(tampered, options)).indication).not.toBe('TOTAL_PASSED');
        },
      ),
      { numRuns: 400 },
    );
  });
});
