import { afterAll, describe, expect, it } from 'vitest';
import { createVerifyPool, type VerifyPool } from '../../src/node/verify-pool.js';
import { verifyFixture } from './contract-fixtures.js';
import { flipByte } from './tamper.js';

let pool: VerifyPool | undefined;
afterAll(() => pool?.close());

describe('worker-thread verification pool (N2 at Platform scale)', () => {
  it('gives the same verdicts as in-thread verification, across workers', async () => {
    const f = await verifyFixture();
    const clean = await f.twoPartyContract();
    pool = createVerifyPool({ size: 2, verify: { ...f.options, requireTimestamp: true, lang: 'vi' } });
    await pool.ready(); // both workers have loaded the verifier
    const reports = await Promise.all(
      [clean, flipByte(clean, 300), clean, clean].map((pdf) => pool!.verifyPdf(pdf)),
    );
    expect(reports.map((r) => r.indication)).toEqual([
      'TOTAL_PASSED',
      'TOTAL_FAILED',
      'TOTAL_PASSED',
      'TOTAL_PASSED',
    ]);
    expect(reports[1]!.code).toBe('SIGNATURE_DIGEST_MISMATCH');
    expect(reports[0]!.signatures[1]!.signingTime).toBeInstanceOf(Date);
    expect(reports[0]!.summary).toContain('Chữ ký hợp lệ');
    // A Buffer (often a view into a shared slab) is copied, never moved: the caller's bytes stay usable.
    const buffer = Buffer.from(clean);
    expect((await pool.verifyPdf(buffer)).indication).toBe('TOTAL_PASSED');
    expect(buffer.equals(clean)).toBe(true);
  });
});
