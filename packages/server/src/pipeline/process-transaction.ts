import { checkLaborRules } from '@hdld/sdk';
import type { ContractMainData, Schemas } from '@hdld/spec';
import { nextState } from '../contracts/lifecycle.js';
import { ProblemError } from '../http/problem.js';
import type { TransactionFile } from '../storage/transaction-files-repo.js';
import type { StoredTransaction } from '../storage/transactions-repo.js';
import { CheckFailure, type Finding, failIfAny, item } from './check-outcome.js';
import { checkConversionLog } from './checks/conversion-log-check.js';
import { checkEmbeddedMainData } from './checks/embedded-main-data-check.js';
import { checkEvidence } from './checks/evidence-check.js';
import { checkPdfFile } from './checks/file-checks.js';
import { checkEmployeeIdentity } from './checks/identity-check.js';
import { checkPdfSignatures } from './checks/signature-checks.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { recordFailure, recordSuccess } from './record-outcome.js';

/** A submission is late when sent more than 24 hours after the last signature (issue 4, F38). */
export const SUBMISSION_DEADLINE_MS = 24 * 60 * 60 * 1000;

type Loaded = { transaction: StoredTransaction; files: (TransactionFile & { bytes: Uint8Array })[] };

async function load(deps: PipelineDeps, transactionId: string): Promise<Loaded | undefined> {
  const transaction = await deps.storage.transactions.markProcessing(transactionId);
  if (!transaction) return undefined; // already final: a redelivered job has nothing left to do
  const files = await Promise.all(
    (await deps.storage.transactionFiles.list(transactionId)).map(async (file) => {
      const bytes = await deps.blobs.get(file.blobKey);
      // Blobs are fsynced before their rows commit: a missing one means the store was damaged.
      if (!bytes) throw new Error(`blob ${file.blobKey} of transaction ${transactionId} is missing`);
      return { ...file, bytes };
    }),
  );
  return { transaction, files };
}

/** Storage role of the signed PDF the submission is about: the contract, the lifecycle document or the scan. */
function principalRole(transaction: StoredTransaction): string {
  if (transaction.kind === 'LIFECYCLE') return transaction.lifecycleType!;
  return transaction.kind === 'CONVERTED_PAPER' ? 'CONVERTED_PAPER' : 'CONTRACT';
}

function principalDocument(loaded: Loaded): TransactionFile & { bytes: Uint8Array } {
  const role = principalRole(loaded.transaction);
  const principal = loaded.files.find((f) => f.role === role);
  if (!principal) {
    throw new CheckFailure('FILE', [
      item('DOCUMENT_MISSING', { en: 'No principal signed document.', vi: 'Thiếu văn bản chính đã ký.' }),
    ]);
  }
  return principal;
}

type DocumentsOutcome = { lastSignedAt?: Date; principalSigners: string[] };

async function checkDocuments(
  deps: PipelineDeps,
  loaded: Loaded,
  minimumSignatures: number,
): Promise<DocumentsOutcome> {
  const pdfs = loaded.files.filter((f) => f.mediaType === 'application/pdf');
  const fileFindings = await Promise.all(pdfs.map((f) => checkPdfFile(f.bytes, f.fileName ?? f.role)));
  failIfAny('FILE', fileFindings.flat());
  let lastSignedAt: Date | undefined;
  let principalSigners: string[] = [];
  const principal = principalDocument(loaded);
  for (const file of pdfs) {
    const result = await checkPdfSignatures(file.bytes, {
      trust: deps.trust,
      validationTime: deps.now(),
      minimumSignatures: file === principal ? minimumSignatures : 1,
      documentName: file.fileName ?? file.role,
    });
    if (result.lastSignedAt && (!lastSignedAt || result.lastSignedAt > lastSignedAt))
      lastSignedAt = result.lastSignedAt;
    if (file === principal)
      principalSigners = result.report.signatures.flatMap((s) => (s.signer ? [s.signer.sha256] : []));
  }
  const evidence = loaded.files.find((f) => f.role === 'EVIDENCE');
  if (evidence) {
    await checkEvidence(evidence.bytes, pdfs, {
      trust: deps.trust,
      validationTime: deps.now(),
      providerReference: loaded.transaction.providerReference,
    });
  }
  return { lastSignedAt, principalSigners };
}

async function checkMainData(deps: PipelineDeps, data: ContractMainData): Promise<void> {
  failIfAny('BUSINESS', checkLaborRules(data));
  failIfAny('BUSINESS', await checkEmployeeIdentity(deps.identity, data));
}

/**
 * The intake pipeline for one transaction (issue 4): business checks, file checks, signatures and
 * timestamps with the SDK's verifier, certification evidence, identity, then the ID. Every failure
 * is classified (T10) and stored with its findings; a transient one throws so the job is retried.
 */
export async function processTransaction(deps: PipelineDeps, transactionId: string): Promise<void> {
  const loaded = await load(deps, transactionId);
  if (!loaded) return;
  const { transaction } = loaded;
  try {
    const request = transaction.request as { mainData?: ContractMainData; type?: string };
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
    } else {
      await checkMainData(deps, request.mainData!);
    }
    const minimumSignatures = transaction.kind === 'CONVERTED_PAPER' ? 1 : 2;
    const { lastSignedAt, principalSigners } = await checkDocuments(deps, loaded, minimumSignatures);
    if (transaction.kind === 'CONVERTED_PAPER') {
      const { conversionLog } = transaction.request as unknown as { conversionLog: Schemas['ConversionLog'] };
      await checkConversionLog(conversionLog, principalDocument(loaded).bytes, principalSigners);
    } else if (transaction.kind === 'CONTRACT') {
      await checkEmbeddedMainData(principalDocument(loaded).bytes, request.mainData!);
    }
    const late =
      lastSignedAt !== undefined &&
      transaction.receivedAt.getTime() - lastSignedAt.getTime() > SUBMISSION_DEADLINE_MS;
    await recordSuccess(deps, loaded.transaction, loaded.files, { lastSignedAt, late });
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
