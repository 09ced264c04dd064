import { loadContractFonts } from '@hdld/sdk/node';
import { createSampleSubmission, createTestTsa } from '@hdld/sdk/testing';
import { expect } from 'vitest';
import { periodStart } from '../../src/provider-reports/reporting-period.js';
import type { ApiCall, SandboxKit } from '../support/sandbox-kit.js';

/**
 * A month scripted on the sandbox clock (S2.4) for the F33 and F38 tests: the Platform's time is
 * moved to chosen Vietnam wall times, and contracts are signed at the Platform's time (or a given
 * number of hours before it), so "late" and "unexplained for N days" come out as scripted.
 */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** `day` of `period` at `time`, Vietnam time (UTC+7). */
export function vietnamTime(period: string, day: number, time = '10:00'): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(periodStart(period).getTime() + (day - 1) * DAY + hours * HOUR + minutes * 60_000);
}

/** Moves the sandbox clock through the API so that the Platform's now is `at` (to the second). */
export async function setPlatformTime(caller: ApiCall, at: Date): Promise<void> {
  const offsetSeconds = Math.round((at.getTime() - Date.now()) / 1000);
  const response = await caller('/v1/sandbox/clock', { body: { offsetSeconds } });
  expect(response.status).toBe(200);
}

export type Submitted = { transactionId: string };

/**
 * A valid contract signed on the Platform's clock, `signedHoursAgo` before its "now" (more than 24
 * makes the submission late, Art. 8), optionally spoiled into a BUSINESS failure
 * (LABOR_TERM_INVALID, as in test/operations/scripted-submissions.ts).
 */
export function monthScript(kit: SandboxKit) {
  const fonts = loadContractFonts();
  let signedHoursAgo = 0;
  const tsaService = createTestTsa({
    certificate: kit.pki.tsa.certificate,
    intermediates: [kit.pki.intermediate.certificate],
    key: kit.pki.tsa.privateKey,
    clock: () => new Date(kit.server.platform.now().getTime() - signedHoursAgo * HOUR),
  });
  const tsa = { timestamp: (request: Uint8Array) => tsaService.timestamp(request) };

  return {
    async submit(
      caller: ApiCall,
      seed: number,
      options: { signedHoursAgo?: number; failing?: boolean } = {},
    ): Promise<Submitted> {
      signedHoursAgo = options.signedHoursAgo ?? 0;
      const at = new Date(kit.server.platform.now().getTime() - signedHoursAgo * HOUR);
      const sample = await createSampleSubmission({ pki: kit.pki, tsa, fonts: await fonts, seed, at });
      await kit.server.platform.identity.register([sample.identity]);
      const term = { type: 'FIXED_TERM' as const, startDate: '2026-01-01', endDate: '2030-01-01' };
      const body = options.failing
        ? { ...sample.submission, mainData: { ...sample.mainData, term } }
        : sample.submission;
      const response = await caller('/v1/contracts', { body });
      expect(response.status).toBe(202);
      return (await response.json()) as Submitted;
    },
  };
}
