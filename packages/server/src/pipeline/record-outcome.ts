import type { ContractMainData } from '@hdld/spec';
import { nextState } from '../contracts/lifecycle.js';
import { issueContractId, issuingYear } from '../ids/index.js';
import { signReceipt } from '../receipts/receipt-signer.js';
import type { DocumentKind } from '../storage/document-kind.js';
import type { JsonObject } from '../storage/json.js';
import type { TransactionFile } from '../storage/transaction-files-repo.js';
import type { FailureClass, StoredTransaction } from '../storage/transactions-repo.js';
import { enqueueTransactionResult } from '../webhooks/enqueue-transaction-result.js';
import type { Finding } from './check-outcome.js';
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

/**
 * All checks passed: issue the ID (F9) or find the existing one, attach the documents, move the
 * lifecycle state, sign the receipt and queue the provider's webhook (F4), in one database
 * transaction, so a crash leaves either nothing (the job runs again) or everything.
 */
export async function recordSuccess(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  files: TransactionFile[],
  outcome: { lastSignedAt?: Date; late: boolean },
): Promise<void> {
  const now = deps.now();
  await deps.storage.transaction(async (repos) => {
    let contractId: string;
    let replay = false;
    if (transaction.kind === 'LIFECYCLE') {
      contractId = transaction.targetContractId!;
      const contract = await repos.contracts.findById(contractId);
      const state = contract && nextState(contract.state, transaction.lifecycleType!);
      if (state && state !== contract.state) await repos.contracts.setState(contractId, state, now);
    } else {
      const mainData = (transaction.request as { mainData: ContractMainData }).mainData;
      const principal = files.find(
        (f) => f.role === (transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'CONTRACT'),
      )!;
      const issued = await repos.contracts.insertUnlessDocumentKnown({
        id: await issueContractId(repos.tx, { year: issuingYear(now), secret: deps.idSecret }),
        providerId: transaction.providerId,
        origin: transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'ELECTRONIC',
        documentSha256: principal.sha256,
        mainData: mainData as unknown as JsonObject,
        ...summaryOf(mainData),
        issuedAt: now,
        late: outcome.late,
        sourceTransactionId: transaction.id,
      });
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
    const receipt = await signReceipt(
      deps.keys,
      deps.publicUrl,
      {
        transactionId: transaction.id,
        providerReference: transaction.providerReference,
        outcome: replay ? 'REPLAY' : 'ISSUED',
        contractId,
        payloadSha256: transaction.payloadSha256,
      },
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
  deps.metrics.verifications.inc({ outcome: 'SUCCEEDED' });
}

/**
 * A check failed: the transaction is FAILED with its class and findings (T9, T10) and a signed
 * receipt, and the provider's webhook (F4) is queued in the same database transaction.
 */
export async function recordFailure(
  deps: PipelineDeps,
  transaction: StoredTransaction,
  failureClass: FailureClass,
  findings: Finding[],
): Promise<void> {
  const now = deps.now();
  const receipt = await signReceipt(
    deps.keys,
    deps.publicUrl,
    {
      transactionId: transaction.id,
      providerReference: transaction.providerReference,
      outcome: 'REJECTED',
      errors: [...new Set(findings.map((f) => f.code))],
      payloadSha256: transaction.payloadSha256,
    },
    now,
  );
  await deps.storage.transaction(async (repos) => {
    const failed = await repos.transactions.markFailed(transaction.id, {
      failureClass,
      errors: findings as unknown as JsonObject[],
      completedAt: now,
      receipt,
    });
    if (failed) await enqueueTransactionResult(repos, failed);
  });
  deps.metrics.verifications.inc({ outcome: failureClass });
}
