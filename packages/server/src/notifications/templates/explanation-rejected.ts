import { type ExplanationDecisionFacts, transactionLines } from './explanation-facts.js';
import { bilingualEmail, type RenderedEmail } from './layout.js';
import { OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** F37: the operator rejected an explanation; its transactions may not be pushed again. */
export function explanationRejectedEmail(facts: ExplanationDecisionFacts): RenderedEmail {
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.decidedAt);
  const transactions = transactionLines(facts);
  return bilingualEmail(
    { vi: 'Giải trình bị từ chối', en: 'Explanation rejected' },
    {
      title: 'Giải trình bị từ chối',
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: [
        `Giải trình ${facts.explanationId} về các giao dịch lỗi của Quý đơn vị đã bị TỪ CHỐI. Các giao dịch này không được phép đẩy lại.`,
      ],
      facts: [
        ['Giao dịch', transactions],
        ['Lý do từ chối', reason],
        ['Thời điểm quyết định', at],
        ['Người quyết định', OPERATOR_ROLE.vi],
        ['Được phép đẩy lại', 'Không'],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: [
        'Xem lý do từ chối, khắc phục và gửi giải trình mới cho các giao dịch này (POST /v1/explanations).',
        'Hoặc gửi lại hợp đồng đã sửa dưới dạng một giao dịch mới.',
      ],
    },
    {
      title: 'Explanation rejected',
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: [
        `Your explanation ${facts.explanationId} of failed transactions was REJECTED. These transactions may not be pushed again.`,
      ],
      facts: [
        ['Transactions', transactions],
        ['Reason for rejection', reason],
        ['Decided', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Re-push allowed', 'No'],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: [
        'Read the reason, correct the problem and send a new explanation of these transactions (POST /v1/explanations).',
        'Or send the corrected contract again as a new transaction.',
      ],
    },
  );
}
