import type { Transaction } from '@hdld/spec';
import { receiptVerifier } from '../receipts/receipt-verifier.js';
import type { Receipt, VerifyReceiptOptions } from '../receipts/verify-receipt.js';
import {
  type ContractSubmissionInput,
  type ConvertedPaperSubmissionInput,
  contractSubmission,
  convertedPaperSubmission,
  type LifecycleSubmissionInput,
  lifecycleSubmission,
} from '../submissions/submission-bodies.js';
import { type WaitOptions, waitForResult } from '../submissions/wait-for-result.js';
import { createBaseClient, type HdldClientOptions, type HdldResources } from './hdld-client.js';
import type { SubmitOptions, Submitted } from './resources/submissions.js';

export type HdldClient = HdldResources & {
  /**
   * Submits a signed contract from its bytes (N1, F7): PDF, main data, evidence, transaction log.
   * With `waitSeconds`, the outcome comes back in the same call when ready by then (`outcome`).
   */
  submitContract(input: ContractSubmissionInput, options?: SubmitOptions): Promise<Submitted>;
  /** Attaches an appendix, amendment, suspension, resumption or termination to an ID (N5). */
  submitLifecycleDocument(
    contractId: string,
    input: LifecycleSubmissionInput,
    options?: SubmitOptions,
  ): Promise<Submitted>;
  /** Submits a converted paper contract (Decree Art. 9.2) with its conversion log. */
  submitConvertedPaper(input: ConvertedPaperSubmissionInput, options?: SubmitOptions): Promise<Submitted>;
  /** Polls until SUCCEEDED or FAILED, honouring the Platform's polling hint (T10). */
  waitForResult(transactionId: string, options?: WaitOptions): Promise<Transaction>;
  /**
   * Verifies a transaction's receipt offline with the Platform's keys (fetched once, cached) and
   * checks it is the receipt of that transaction (F9, S2.2).
   */
  verifyReceipt(
    transaction: Pick<Transaction, 'transactionId' | 'receipt'>,
    options?: VerifyReceiptOptions,
  ): Promise<Receipt>;
};

/**
 * The SDK's entry point: typed resources for every operation of the API plus the high-level
 * helpers built on the document toolkit.
 */
export function createHdldClient(options: HdldClientOptions): HdldClient {
  const base = createBaseClient(options);
  const verify = receiptVerifier(() => base.platform.keys(), base.lang);
  return {
    ...base,
    submitContract: (input, requestOptions) =>
      base.submissions.submitContract(contractSubmission(input), requestOptions),
    submitLifecycleDocument: (contractId, input, requestOptions) =>
      base.submissions.submitLifecycleDocument(contractId, lifecycleSubmission(input), requestOptions),
    submitConvertedPaper: (input, requestOptions) =>
      base.submissions.submitConvertedPaper(convertedPaperSubmission(input), requestOptions),
    waitForResult: (transactionId, waitOptions) => waitForResult(base, transactionId, waitOptions),
    async verifyReceipt(transaction, verifyOptions = {}) {
      if (!transaction.receipt) {
        throw new TypeError(
          `Transaction ${transaction.transactionId} has no receipt yet (still in progress)`,
        );
      }
      return verify(transaction.receipt, { transactionId: transaction.transactionId, ...verifyOptions });
    },
  };
}
