import { checkLaborRules, isLate } from '@hdld/sdk';
import type { ContractMainData, Schemas } from '@hdld/spec';
import { nextState } from '../contracts/lifecycle.js';
import { ProblemError } from '../http/problem.js';
import type { TransactionFile } from '../storage/transaction-files-repo.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { CheckFailure, type Finding, failIfAny, item } from './check-outcome.js';
import { checkIdentities } from './checks/identity-check.js';
import type { CheckedFile } from './document-checks.js';
import { throwIfFailed } from './document-checks.js';
import type { DocumentChecker } from './document-checks-pool.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { recordFailure, recordSuccess } from './record-outcome.js';

/** Storage role of the signed PDF the submission is about: the contract, the lifecycle document or the scan. */
function principalRole(transaction: StoredTransaction): string {
  if (transaction.kind === 'LIFECYCLE') return transaction.lifecycleType!;
  return transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'CONTRACT';
}

async function readFiles(deps: PipelineDeps, transaction: StoredTransaction, files: TransactionFile[]) {
  return Promise.all(
    files.map(async (file): Promise<CheckedFile> => {
      const bytes = await deps.blobs.get(file.blobKey);
      // Blobs are fsynced before their rows commit: a missing one means the store was damaged.
      if (!bytes) throw new Error(`blob ${file.blobKey} of transaction ${transaction.id} is missing`);
      return {
        name: file.fileName ?? file.role,
        role: file.role,
        mediaType: file.mediaType,
        bytes,
        sha256: file.blobKey,
      };
    }),
  );
}

/** Checks that need the database: the lifecycle transition (F10), labor rules and identity (F8). */
async function checkBusiness(deps: PipelineDeps, transaction: StoredTransaction): Promise<void> {
  if (transaction.kind === 'LIFECYCLE') {
    const target = transaction.targetContractId
      ? await deps.storage.contracts.findById(transaction.targetContractId)
      : undefined;
    if (!target) {
      throw new CheckFailure('BUSINESS', [
        item('CONTRACT_NOT_FOUND', { en: 'The contract does not exist.', vi: 'Hợp đồng không tồn tại.' }),
      ]);
    }
    if (!nextState(target.state, transaction.lifecycleType!)) {
      throw new CheckFailure('BUSINESS', [
        item(
          'LIFECYCLE_TRANSITION_INVALID',
          {
            en: `A ${transaction.lifecycleType} cannot follow a contract in state ${target.state}.`,
            vi: `Không thể gửi văn bản ${transaction.lifecycleType} cho hợp đồng đang ở trạng thái ${target.state}.`,
          },
          '/type',
        ),
      ]);
    }
    return;
  }
  const data = (transaction.request as { mainData: ContractMainData }).mainData;
  failIfAny('BUSINESS', checkLaborRules(data, { submittedAt: transaction.receivedAt }));
  failIfAny('BUSINESS', await checkIdentities(deps.registries, data));
}

/**
 * The intake pipeline for one claimed transaction (issue 4): business checks, file checks,
 * signatures and timestamps with the SDK's verifier, certification evidence, identity, then the ID.
 * The per-file checks run on a worker thread (document-checks.ts) while the business checks query
 * the database; a business failure is reported first, as when they ran one after the other. Every
 * failure is classified (T10) and stored with its findings; a transient one throws so the job is
 * retried.
 */
export async function processTransaction(
  deps: PipelineDeps,
  checker: DocumentChecker,
  transaction: StoredTransaction,
  files: TransactionFile[],
  /** The contract ID's sequence value drawn at claim (storage/transaction-jobs.ts), if any. */
  contractSerial?: number,
): Promise<void> {
  try {
    const request = transaction.request as {
      mainData?: ContractMainData;
      conversionLog?: Schemas['ConversionLog'];
    };
    const documents = readFiles(deps, transaction, files).then((checked) =>
      checker.check({
        kind: transaction.kind,
        providerReference: transaction.providerReference,
        principalRole: principalRole(transaction),
        minimumSignatures: transaction.kind === 'CONVERTED_PAPER' ? 1 : 2,
        validationTime: deps.now().getTime(),
        files: checked,
        mainData: transaction.kind === 'CONTRACT' ? request.mainData : undefined,
        conversionLog: transaction.kind === 'CONVERTED_PAPER' ? request.conversionLog : undefined,
      }),
    );
    // Whatever the business checks say, the document checks must not end as an unhandled rejection.
    documents.catch(() => {});
    await checkBusiness(deps, transaction);
    const { lastSignedAt } = throwIfFailed(await documents);
    // The 24-hour rule `hdld validate --at` warns of too (sdk/src/validation/submission-deadline.ts, F38).
    const late = isLate(lastSignedAt, transaction.receivedAt);
    await recordSuccess(deps, transaction, files, { lastSignedAt, late }, contractSerial);
  } catch (error) {
    if (error instanceof CheckFailure) {
      await recordFailure(deps, transaction, error.failureClass, error.errors);
      return;
    }
    if (error instanceof ProblemError) {
      const finding: Finding = item(
        error.code,
        error.init.detail ?? { en: error.message, vi: error.message },
      );
      await recordFailure(deps, transaction, 'BUSINESS', [finding]);
      return;
    }
    throw error;
  }
}
