import { type HdldClient, formatContractId } from '@hdld/sdk';
import type { Lang, Transaction } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { type Terminal, table } from '../output/terminal.js';

export function describeTransaction(tx: Transaction, lang: Lang): string {
  const yesNo = (v: boolean) => t(lang, v ? 'value.yes' : 'value.no');
  const rows: [string, string][] = [
    [t(lang, 'field.transaction'), tx.transactionId],
    [t(lang, 'field.status'), `${tx.status} (${t(lang, `status.${tx.status}`)})`],
  ];
  if (tx.failureClass) rows.push([t(lang, 'field.failureClass'), tx.failureClass]);
  if (tx.contractId) rows.push([t(lang, 'field.contractId'), formatContractId(tx.contractId)]);
  rows.push(
    [t(lang, 'field.reference'), tx.providerReference],
    [t(lang, 'field.receivedAt'), tx.receivedAt],
  );
  if (tx.completedAt) rows.push([t(lang, 'field.completedAt'), tx.completedAt]);
  rows.push([t(lang, 'field.late'), yesNo(tx.late)], [t(lang, 'field.replay'), yesNo(tx.replay)]);
  const errors = tx.errors.map((e) => `  - ${e.code}${e.pointer ? ` ${e.pointer}` : ''}: ${e.detail}`);
  return [table(rows), ...(errors.length ? [`${t(lang, 'field.errors')}:`, ...errors] : [])].join('\n');
}

/** `hdld status <transaction-id>`: the outcome of one submission (T10). */
export async function statusCommand(
  client: HdldClient,
  id: string,
  options: { json: boolean; lang: Lang; term: Terminal },
): Promise<void> {
  const transaction = await client.transactions.get(id);
  options.term.out(options.json ? JSON.stringify(transaction, null, 2) : describeTransaction(transaction, options.lang));
}
