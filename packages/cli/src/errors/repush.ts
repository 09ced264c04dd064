import { formatContractId, type HdldClient, HdldConflictError, HdldNotFoundError } from '@hdld/sdk';
import type { ErrorCode, Lang, Transaction } from '@hdld/spec';
import { ExitCode } from '../exit-codes.js';
import { t } from '../i18n/messages.js';
import { grid } from '../output/terminal.js';

/** One transaction's re-push: queued now, re-pushed before (a rerun), or refused with its code. */
export type RepushOutcome =
  | { transactionId: string; result: 'queued' | 'already'; transaction: Transaction }
  | { transactionId: string; result: 'refused'; code?: ErrorCode; title: string; detail?: string };

/**
 * Re-pushes each transaction in turn (F37). A refusal of the Platform (not approved, not found) is
 * that transaction's outcome and the next one is tried; anything else (authentication, network)
 * stops the command. With `wait`, each accepted one is followed to its new outcome.
 */
export async function repushAll(
  client: HdldClient,
  transactionIds: readonly string[],
  options: { wait: boolean; signal: AbortSignal },
): Promise<RepushOutcome[]> {
  const outcomes: RepushOutcome[] = [];
  for (const transactionId of transactionIds) {
    try {
      const { transaction, queued } = await client.transactions.repush(transactionId, {
        signal: options.signal,
      });
      const final = options.wait
        ? await client.waitForResult(transactionId, { signal: options.signal })
        : transaction;
      outcomes.push({ transactionId, result: queued ? 'queued' : 'already', transaction: final });
    } catch (error) {
      if (!(error instanceof HdldConflictError || error instanceof HdldNotFoundError)) throw error;
      outcomes.push({
        transactionId,
        result: 'refused',
        code: error.code,
        title: error.title,
        detail: error.detail,
      });
    }
  }
  return outcomes;
}

/**
 * The documented exit code (README): 3 when the Platform refused any (its 4xx refusals), else 5
 * when any failed again after `--wait`, else 0 (a rerun of a done re-push is 0: idempotent).
 */
export function repushExitCode(outcomes: readonly RepushOutcome[]): ExitCode {
  if (outcomes.some((o) => o.result === 'refused')) return ExitCode.validationFailed;
  if (outcomes.some((o) => o.result !== 'refused' && o.transaction.status === 'FAILED'))
    return ExitCode.partialBatchFailure;
  return ExitCode.ok;
}

export function repushTable(outcomes: readonly RepushOutcome[], lang: Lang): string {
  return grid(
    [t(lang, 'column.transaction'), t(lang, 'column.result'), t(lang, 'column.status'), ''],
    outcomes.map((o) => {
      if (o.result === 'refused') {
        return [o.transactionId, t(lang, 'repush.refused'), o.code ?? '-', o.title];
      }
      const tx = o.transaction;
      const detail = tx.contractId ? formatContractId(tx.contractId) : (tx.errors[0]?.code ?? '');
      return [
        o.transactionId,
        t(lang, o.result === 'queued' ? 'repush.queued' : 'repush.already'),
        `${tx.status} (${t(lang, `status.${tx.status}`)})`,
        detail,
      ];
    }),
  );
}
