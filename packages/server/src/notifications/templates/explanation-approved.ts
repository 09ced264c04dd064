import { type ExplanationDecisionFacts, transactionLines } from './explanation-facts.js';
import { bilingualEmail, type RenderedEmail } from './layout.js';
import { OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** F37: the operator approved an explanation; its failed transactions may be pushed again. */
export function explanationApprovedEmail(facts: ExplanationDecisionFacts): RenderedEmail {
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.decidedAt);
  const transactions = transactionLines(facts);
  return bilingualEmail(
    { vi: 'Giải trình được phê duyệt', en: 'Explanation approved' },
    {
      title: 'Giải trình được phê duyệt',
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: [
        `Giải trình ${facts.explanationId} về các giao dịch lỗi của Quý đơn vị đã được PHÊ DUYỆT. Các giao dịch này được phép đẩy lại.`,
      ],
      facts: [
        ['Giao dịch', transactions],
        ['Ý kiến của cán bộ', reason],
        ['Thời điểm phê duyệt', at],
        ['Người phê duyệt', OPERATOR_ROLE.vi],
        ['Được phép đẩy lại', 'Có'],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: [
        'Đẩy lại từng giao dịch bằng POST /v1/transactions/{transactionId}/repush.',
        'Theo dõi kết quả xử lý tại GET /v1/transactions/{transactionId}.',
      ],
    },
    {
      title: 'Explanation approved',
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: [
        `Your explanation ${facts.explanationId} of failed transactions was APPROVED. These transactions may now be pushed again.`,
      ],
      facts: [
        ['Transactions', transactions],
        ["Operator's reason", reason],
        ['Approved', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Re-push allowed', 'Yes'],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: [
        'Push each transaction again with POST /v1/transactions/{transactionId}/repush.',
        'Follow the outcome with GET /v1/transactions/{transactionId}.',
      ],
    },
  );
}
