import { formatContractId } from '@hdld/sdk';
import type { Lang, Schemas, Transaction } from '@hdld/spec';
import { t } from '../i18n/messages.js';
import { grid, table } from './terminal.js';

// The text views of a contract and a transaction (`status`, `contracts get`, `errors show`): a module
// of their own, loaded by those actions, because formatting a contract ID evaluates the SDK.

type Contract = Schemas['Contract'];

export function describeContract(contract: Contract, lang: Lang): string {
  const { mainData } = contract;
  const head = table([
    [t(lang, 'field.contractId'), formatContractId(contract.contractId)],
    [t(lang, 'field.state'), contract.state],
    [t(lang, 'field.reference'), contract.providerReference],
    [t(lang, 'field.issuedAt'), contract.issuedAt],
    [t(lang, 'field.employer'), mainData.employer.name],
    [t(lang, 'field.employee'), mainData.employee.fullName],
    [
      t(lang, 'field.term'),
      `${mainData.term.type} ${mainData.term.startDate}${mainData.term.endDate ? ` → ${mainData.term.endDate}` : ''}`,
    ],
  ]);
  const documents = grid(
    ['DOCUMENT', 'KIND', 'FILE', 'SIZE'],
    contract.documents.map((d) => [d.documentId, d.kind, d.fileName, String(d.size)]),
  );
  return `${head}\n\n${documents}`;
}

export function describeTransaction(tx: Transaction, lang: Lang): string {
  const yesNo = (v: boolean) => t(lang, v ? 'value.yes' : 'value.no');
  const rows: [string, string][] = [
    [t(lang, 'field.transaction'), tx.transactionId],
    [t(lang, 'field.status'), `${tx.status} (${t(lang, `status.${tx.status}`)})`],
  ];
  if (tx.failureClass) rows.push([t(lang, 'field.failureClass'), tx.failureClass]);
  if (tx.explanationStatus && tx.explanationStatus !== 'NONE') {
    rows.push([t(lang, 'field.explanationStatus'), t(lang, `explanationStatus.${tx.explanationStatus}`)]);
  }
  if (tx.contractId) rows.push([t(lang, 'field.contractId'), formatContractId(tx.contractId)]);
  rows.push([t(lang, 'field.reference'), tx.providerReference], [t(lang, 'field.receivedAt'), tx.receivedAt]);
  if (tx.completedAt) rows.push([t(lang, 'field.completedAt'), tx.completedAt]);
  rows.push([t(lang, 'field.late'), yesNo(tx.late)], [t(lang, 'field.replay'), yesNo(tx.replay)]);
  const errors = tx.errors.map((e) => `  - ${e.code}${e.pointer ? ` ${e.pointer}` : ''}: ${e.detail}`);
  return [table(rows), ...(errors.length ? [`${t(lang, 'field.errors')}:`, ...errors] : [])].join('\n');
}
