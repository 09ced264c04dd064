import { bilingualEmail, type RenderedEmail } from './layout.js';
import type { ProviderStatusFacts } from './provider-status-facts.js';
import { ART_15_4, OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** F39: a suspended provider's connection was restored (SUSPENDED → ACTIVE). */
export function providerRestoredEmail(facts: ProviderStatusFacts): RenderedEmail {
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.effectiveAt);
  return bilingualEmail(
    { vi: 'Thông báo khôi phục kết nối', en: 'Connection restored' },
    {
      title: 'Thông báo khôi phục kết nối',
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã được KHÔI PHỤC.',
      ],
      facts: [
        ['Lý do', reason],
        ['Thời điểm có hiệu lực', at],
        ['Người thực hiện', OPERATOR_ROLE.vi],
        ['Căn cứ pháp lý', ART_15_4.vi],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: [
        'Lấy mã truy cập mới tại POST /v1/oauth/token.',
        'Gửi lên Nền tảng các hợp đồng đã ký trong thời gian tạm ngừng.',
        'Tiếp tục tuân thủ các yêu cầu kết nối để tránh bị tạm ngừng lần nữa.',
      ],
    },
    {
      title: 'Connection restored',
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been RESTORED.',
      ],
      facts: [
        ['Reason', reason],
        ['Effective', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Legal basis', ART_15_4.en],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: [
        'Obtain a new access token from POST /v1/oauth/token.',
        'Send the Platform the contracts signed while the connection was suspended.',
        'Keep to the connection rules so that the connection is not suspended again.',
      ],
    },
  );
}
