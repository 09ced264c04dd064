import type { Schemas } from '@hdld/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/databases.js';
import { type ApiCall, type SandboxKit, startSandboxKit, waitForFinal } from '../support/sandbox-kit.js';
import { craft, SCRIPT, type Step } from './scripted-submissions.js';

type Figures = Schemas['ReconciliationFigures'];

/** What each provider sends: successes and every failure class, including a FORMAT refusal. */
const PLAN: Record<string, Step[]> = {
  sandbox: ['ok', 'ok', 'laborTerm', 'notPdf', 'badSex'],
  'recon-b': ['ok', 'foreignEvidence', 'laborTerm', 'laborTerm'],
  'recon-c': ['ok', 'ok', 'ok', 'notPdf', 'badSex', 'badSex'],
};

/** The independent count: the figures expected from what was submitted, never from the server. */
function expectedFigures(
  steps: Step[],
): Omit<Figures, 'failuresByCode'> & { failuresByCode: Record<string, number> } {
  const outcomes = steps.map((step) => SCRIPT[step]);
  const failed = outcomes.flatMap((o) => (o.kind === 'failed' ? [o] : []));
  const failuresByCode: Record<string, number> = {};
  for (const f of failed) failuresByCode[f.code] = (failuresByCode[f.code] ?? 0) + 1;
  return {
    received: outcomes.filter((o) => o.kind !== 'refused').length,
    notProcessed: 0,
    processing: 0,
    succeeded: outcomes.filter((o) => o.kind === 'ok').length,
    failed: failed.length,
    awaitingExplanation: failed.length,
    failuresByCode,
  };
}

const byCode = (figures: Figures) => Object.fromEntries(figures.failuresByCode.map((f) => [f.code, f.count]));

/**
 * F35 (issue 7): a scripted set of submissions from three providers, with successes and failures
 * of each class, yields exactly the reconciliation figures counted from the script, per provider
 * and in total; the drill-down link lists the same failed transactions; providers see themselves.
 */
describe.each(engines)('reconciliation on %s', (engine) => {
  let kit: SandboxKit;
  const callers: Record<string, ApiCall> = {};
  let start: Date;
  beforeAll(async () => {
    kit = await startSandboxKit(engine);
    callers.sandbox = kit.api;
    callers['recon-b'] = await kit.otherProvider('recon-b');
    callers['recon-c'] = await kit.otherProvider('recon-c');
    start = kit.server.platform.now();
    let seed = 400;
    for (const [providerId, steps] of Object.entries(PLAN)) {
      for (const step of steps) {
        const response = await callers[providerId]!('/v1/contracts', {
          body: await craft(kit, step, seed++),
        });
        if (SCRIPT[step].kind === 'refused') {
          expect(response.status).toBe(400);
          continue;
        }
        expect(response.status).toBe(202);
        const { transactionId } = (await response.json()) as { transactionId: string };
        const final = await waitForFinal(kit, transactionId);
        const outcome = SCRIPT[step];
        expect(final.status).toBe(outcome.kind === 'ok' ? 'SUCCEEDED' : 'FAILED');
      }
    }
  });
  afterAll(async () => kit?.close());

  const report = async (caller: ApiCall, query = '') =>
    (await (await caller(`/v1/reconciliation${query}`)).json()) as Schemas['Reconciliation'];

  it('gives the operator every provider with the figures counted from the script', async () => {
    const body = await report(kit.operator, `?from=${encodeURIComponent(start.toISOString())}`);
    expect(body.providers.map((p) => p.providerId).sort()).toEqual(Object.keys(PLAN).sort());
    for (const row of body.providers) {
      const { failuresByCode, ...counts } = expectedFigures(PLAN[row.providerId]!);
      expect(row.figures, row.providerId).toMatchObject(counts);
      expect(byCode(row.figures), row.providerId).toEqual(failuresByCode);
      const refused = PLAN[row.providerId]!.filter((s) => SCRIPT[s].kind === 'refused').length;
      // Every submission is a logged call, refused ones included (T11).
      expect(row.apiCalls).toBeGreaterThanOrEqual(counts.received + refused);
    }
    const { failuresByCode, ...totals } = expectedFigures(Object.values(PLAN).flat());
    expect(body.totals).toMatchObject(totals);
    expect(byCode(body.totals)).toEqual(failuresByCode);
  });

  it('drills down to exactly the failed transactions of a provider', async () => {
    const body = await report(kit.operator, '?providerId=recon-b');
    expect(body.providers).toHaveLength(1);
    const row = body.providers[0]!;
    const page = (await (await kit.operator(row.failedTransactionsUrl)).json()) as Schemas['TransactionPage'];
    expect(page.items).toHaveLength(row.figures.failed);
    expect(new Set(page.items.map((t) => t.providerId))).toEqual(new Set(['recon-b']));
    expect(page.items.map((t) => t.errors[0]?.code).sort()).toEqual(
      ['EVIDENCE_DOCUMENT_MISMATCH', 'LABOR_TERM_INVALID', 'LABOR_TERM_INVALID'].sort(),
    );
    const awaiting = (await (
      await kit.operator('/v1/transactions?providerId=recon-b&explanationStatus=AWAITING_EXPLANATION')
    ).json()) as Schemas['TransactionPage'];
    expect(awaiting.items).toHaveLength(row.figures.awaitingExplanation);
  });

  it('counts nothing outside the period', async () => {
    const before = new Date(start.getTime() - 60_000).toISOString();
    const body = await report(kit.operator, `?to=${encodeURIComponent(before)}`);
    expect(body.totals).toMatchObject({ received: 0, failed: 0, failuresByCode: [] });
  });

  it('shows a provider only itself, whatever providerId it asks for', async () => {
    const body = await report(callers['recon-c']!, '?providerId=recon-b');
    expect(body.providers.map((p) => p.providerId)).toEqual(['recon-c']);
    const { failuresByCode, ...counts } = expectedFigures(PLAN['recon-c']!);
    expect(body.totals).toMatchObject(counts);
    expect(byCode(body.totals)).toEqual(failuresByCode);
    const listed = (await (
      await callers['recon-c']!('/v1/transactions?providerId=recon-b')
    ).json()) as Schemas['TransactionPage'];
    expect(new Set(listed.items.map((t) => t.providerId))).toEqual(new Set(['recon-c']));
  });
});
