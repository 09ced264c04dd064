import { bilingualEmail, type RenderedEmail } from './layout.js';
import type { ProviderStatusFacts } from './provider-status-facts.js';
import { ART_15_4, OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** F39: the provider was disconnected for good (→ DISCONNECTED). */
export function providerDisconnectedEmail(facts: ProviderStatusFacts): RenderedEmail {
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.effectiveAt);
  return bilingualEmail(
    { vi: 'Thông báo ngừng kết nối', en: 'Connection terminated' },
    {
      title: 'Thông báo ngừng kết nối',
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã bị NGỪNG (chấm dứt).',
        'Kể từ thời điểm có hiệu lực, mọi lời gọi API và yêu cầu cấp mã truy cập của Quý đơn vị bị từ chối với mã lỗi PROVIDER_DISCONNECTED. Việc ngừng kết nối không thể được khôi phục.',
      ],
      facts: [
        ['Lý do', reason],
        ['Thời điểm có hiệu lực', at],
        ['Người thực hiện', OPERATOR_ROLE.vi],
        ['Căn cứ pháp lý', ART_15_4.vi],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: [
        'Thông báo cho người sử dụng lao động và người lao động đang dùng dịch vụ của Quý đơn vị.',
        'Liên hệ Bộ Nội vụ nếu có ý kiến về quyết định này; muốn kết nối lại, Quý đơn vị phải đăng ký lại từ đầu.',
      ],
    },
    {
      title: 'Connection terminated',
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been TERMINATED.',
        'From the effective time, every API call and token request of yours is refused with the error code PROVIDER_DISCONNECTED. A disconnection cannot be reversed.',
      ],
      facts: [
        ['Reason', reason],
        ['Effective', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Legal basis', ART_15_4.en],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: [
        'Inform the employers and employees who use your service.',
        'Contact the Ministry of Home Affairs if you dispute this decision; to connect again you must register anew.',
      ],
    },
  );
}
