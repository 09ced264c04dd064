import type { ContractMainData } from '@hdld/spec';
import { nextState } from '../contracts/lifecycle.js';
import { contractIdOf, issueContractId, issuingYear } from '../ids/index.js';
import { type ReceiptClaims, signReceipt } from '../receipts/receipt-signer.js';
import type { NewContract } from '../storage/contracts-repo.js';
import type { Queryable } from '../storage/database.js';
import type { DocumentKind } from '../storage/document-kind.js';
import type { JsonObject } from '../storage/json.js';
import type { TransactionFile } from '../storage/transaction-files-repo.js';
import { recordFailedTransaction, recordIssuedContract } from '../storage/transaction-outcome.js';
import type { FailureClass, StoredTransaction } from '../storage/transactions-repo.js';
import {
  enqueueTransactionResult,
  transactionResultWebhook,
} from '../webhooks/enqueue-transaction-result.js';
import { type Finding, item } from './check-outcome.js';
import type { PipelineDeps } from './pipeline-deps.js';

/** Columns kept beside the main data for statistics (Art. 13.1.d, F17-F19). */
function summaryOf(data: ContractMainData) {
  return {
    employerName: data.employer.name,
    employeeSex: data.employee.sex,
    employeeBirthYear: Number(data.employee.dateOfBirth.slice(0, 4)),
    jobPosition: data.job.position,
    contractTerm: data.term.type,
    provinceCode: data.employer.provinceCode,
  };
}

/** The contract a transaction of kind CONTRACT or CONVERTED_PAPER asks for, with the given ID. */
function newContract(
  transaction: StoredTransaction,
  files: TransactionFile[],
  id: string,
  now: Date,
  late: boolean,
): NewContract {
  const mainData = (transaction.request as { mainData: ContractMainData }).mainData;
  const principal = files.find(
    (f) => f.role === (transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'CONTRACT'),
  )!;
  return {
    id,
    providerId: transaction.providerId,
    origin: transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'ELECTRONIC',
    documentSha256: principal.sha256,
    mainData: mainData as unknown as JsonObject,
    ...summaryOf(mainData),
    issuedAt: now,
    late,
    sourceTransactionId: transaction.id,
  };
}

function receiptOf(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  outcome: Omit<ReceiptClaims, 'transactionId' | 'providerReference' | 'payloadSha256'>,
  now: Date,
): Promise<string> {
  return signReceipt(
    deps.keys,
    deps.publicUrl,
    {
      transactionId: transaction.id,
      providerReference: transaction.providerReference,
      ...outcome,
      payloadSha256: transaction.payloadSha256,
    },
    now,
  );
}

/**
 * The common case in one statement (storage/transaction-outcome.ts): a new contract whose ID comes
 * from the sequence value drawn when the job was claimed. The receipt is signed first, as the ID is
 * known. False when the document already has a contract: recordSuccess then takes the general path.
 */
async function recordNewContract(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  files: TransactionFile[],
  outcome: { lastSignedAt?: Date; late: boolean },
  contractSerial: number,
): Promise<boolean> {
  const now = deps.now();
  const id = contractIdOf(contractSerial, { year: issuingYear(now), secret: deps.idSecret });
  const issued = await recordIssuedContract(deps.storage.db, {
    contract: newContract(transaction, files, id, now, outcome.late),
    documents: files.map((file) => ({ ...file, kind: file.role as DocumentKind })),
    receipt: await receiptOf(deps, transaction, { outcome: 'ISSUED', contractId: id }, now),
    lastSignedAt: outcome.lastSignedAt,
    webhook: transactionResultWebhook({
      ...transaction,
      status: 'SUCCEEDED',
      contractId: id,
      failureClass: undefined,
      completedAt: now,
    }),
  });
  if (issued) deps.metrics.idsIssued.inc();
  return issued;
}

/**
 * All checks passed: issue the ID (F9) or find the existing one, attach the documents, move the
 * lifecycle state, sign the receipt and queue the provider's webhook (F4), atomically, so a crash
 * leaves either nothing (the job runs again) or everything. A new contract whose sequence value was
 * drawn at claim takes one statement; lifecycle documents and replays take a database transaction.
 */
export async function recordSuccess(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  files: TransactionFile[],
  outcome: { lastSignedAt?: Date; late: boolean },
  contractSerial?: number,
): Promise<void> {
  const done =
    transaction.kind !== 'LIFECYCLE' &&
    contractSerial !== undefined &&
    (await recordNewContract(deps, transaction, files, outcome, contractSerial));
  if (!done) await recordSuccessInTransaction(deps, transaction, files, outcome, contractSerial);
  deps.metrics.verifications.inc({ outcome: 'SUCCEEDED' });
}

async function recordSuccessInTransaction(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  files: TransactionFile[],
  outcome: { lastSignedAt?: Date; late: boolean },
  contractSerial: number | undefined,
): Promise<void> {
  const now = deps.now();
  const key = { year: issuingYear(now), secret: deps.idSecret };
  await deps.storage.transaction(async (repos) => {
    let contractId: string;
    let replay = false;
    if (transaction.kind === 'LIFECYCLE') {
      contractId = transaction.targetContractId!;
      const contract = await repos.contracts.findById(contractId);
      const state = contract && nextState(contract.state, transaction.lifecycleType!);
      if (state && state !== contract.state) await repos.contracts.setState(contractId, state, now);
    } else {
      // The value drawn at claim was not stored (the one-statement path found the document known).
      const id =
        contractSerial === undefined
          ? await issueContractId(repos.tx, key)
          : contractIdOf(contractSerial, key);
      const issued = await repos.contracts.insertUnlessDocumentKnown(
        newContract(transaction, files, id, now, outcome.late),
      );
      contractId = issued.contract.id;
      replay = !issued.created;
      if (issued.created) deps.metrics.idsIssued.inc();
    }
    if (!replay) {
      await repos.documents.insertMany(
        files.map((file) => ({
          ...file,
          contractId,
          transactionId: transaction.id,
          kind: file.role as DocumentKind,
        })),
      );
    }
    const receipt = await receiptOf(
      deps,
      transaction,
      { outcome: replay ? 'REPLAY' : 'ISSUED', contractId },
      now,
    );
    const succeeded = await repos.transactions.markSucceeded(transaction.id, {
      contractId,
      replay,
      receipt,
      completedAt: now,
      late: outcome.late,
      lastSignedAt: outcome.lastSignedAt,
    });
    if (succeeded) await enqueueTransactionResult(repos, succeeded);
  });
}

/**
 * A check failed: the transaction is FAILED with its class and findings (T9, T10) and a signed
 * receipt, and the provider's webhook (F4) is queued, in one statement.
 */
export async function recordFailure(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  failureClass: FailureClass,
  findings: Finding[],
): Promise<void> {
  await storeFailure(deps, deps.storage.db, transaction, failureClass, findings);
  deps.metrics.verifications.inc({ outcome: failureClass });
}

/**
 * The Platform could not process the transaction (its job used every attempt on unexpected errors):
 * FAILED as by `recordFailure`, with PROCESSING_FAILED and no failure class (nothing is wrong with
 * the submission, T10), in the caller's database transaction `q`, the one parking the job
 * (fail-attempt.ts). The caller counts it once committed.
 */
export function recordProcessingFailure(
  deps: PipelineDeps,
  q: Queryable,
  transaction: StoredTransaction,
): Promise<void> {
  const finding = item('PROCESSING_FAILED', {
    en: 'The Platform could not process the submission; send the same package again later.',
    vi: 'Nền tảng không xử lý được hồ sơ; hãy gửi lại nguyên hồ sơ sau.',
  });
  return storeFailure(deps, q, transaction, undefined, [finding]);
}

async function storeFailure(
  deps: PipelineDeps,
  q: Queryable,
  transaction: StoredTransaction,
  failureClass: FailureClass | undefined,
  findings: Finding[],
): Promise<void> {
  const now = deps.now();
  const errors = [...new Set(findings.map((f) => f.code))];
  await recordFailedTransaction(q, {
    transactionId: transaction.id,
    failureClass,
    errors: findings as unknown as JsonObject[],
    completedAt: now,
    receipt: await receiptOf(deps, transaction, { outcome: 'REJECTED', errors }, now),
    webhook: transactionResultWebhook({
      ...transaction,
      status: 'FAILED',
      contractId: undefined,
      failureClass,
      completedAt: now,
    }),
  });
}
