import { bilingualEmail, type RenderedEmail } from './layout.js';
import type { ProviderStatusFacts } from './provider-status-facts.js';
import { ART_15_4, OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** F39: the provider's connection was suspended (ACTIVE → SUSPENDED). */
export function providerSuspendedEmail(facts: ProviderStatusFacts): RenderedEmail {
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.effectiveAt);
  return bilingualEmail(
    { vi: 'Thông báo tạm ngừng kết nối', en: 'Connection suspended' },
    {
      title: 'Thông báo tạm ngừng kết nối',
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã bị TẠM NGỪNG.',
        'Kể từ thời điểm có hiệu lực, mọi lời gọi API và yêu cầu cấp mã truy cập của Quý đơn vị bị từ chối với mã lỗi PROVIDER_SUSPENDED.',
      ],
      facts: [
        ['Lý do', reason],
        ['Thời điểm có hiệu lực', at],
        ['Người thực hiện', OPERATOR_ROLE.vi],
        ['Căn cứ pháp lý', ART_15_4.vi],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: [
        'Khắc phục nguyên nhân nêu tại mục Lý do.',
        'Gửi văn bản giải trình và biện pháp khắc phục tới Bộ Nội vụ để đề nghị khôi phục kết nối.',
        'Lưu giữ các hợp đồng ký trong thời gian tạm ngừng và gửi lên Nền tảng ngay khi kết nối được khôi phục.',
      ],
    },
    {
      title: 'Connection suspended',
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been SUSPENDED.',
        'From the effective time, every API call and token request of yours is refused with the error code PROVIDER_SUSPENDED.',
      ],
      facts: [
        ['Reason', reason],
        ['Effective', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Legal basis', ART_15_4.en],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: [
        'Correct the cause given under Reason.',
        'Send the Ministry of Home Affairs a written explanation and the corrective measures, asking for the connection to be restored.',
        'Keep the contracts signed during the suspension and send them to the Platform as soon as the connection is restored.',
      ],
    },
  );
}
