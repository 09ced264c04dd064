import type { ProviderStatus } from '../../storage/providers-repo.js';
import { bilingualEmail, type RenderedEmail } from './layout.js';
import { ART_15_4, OPERATOR_ROLE, redactIdentityNumbers, vietnamTime } from './wording.js';

/** What every connection-status notice says (F39; Decree 337/2025 Art. 15.4). */
export type ProviderStatusFacts = {
  providerId: string;
  providerName: string;
  /** The operator's reason, as recorded in the status history. */
  reason: string;
  /** When the change took effect. */
  effectiveAt: Date;
};

type Bilingual<T> = { vi: T; en: T };

/** What differs between the notices: the status the provider was moved to decides the wording. */
const NOTICES: Record<
  ProviderStatus,
  { title: Bilingual<string>; paragraphs: Bilingual<string[]>; nextSteps: Bilingual<string[]> }
> = {
  // ACTIVE → SUSPENDED
  SUSPENDED: {
    title: { vi: 'Thông báo tạm ngừng kết nối', en: 'Connection suspended' },
    paragraphs: {
      vi: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã bị TẠM NGỪNG.',
        'Kể từ thời điểm có hiệu lực, mọi lời gọi API và yêu cầu cấp mã truy cập của Quý đơn vị bị từ chối với mã lỗi PROVIDER_SUSPENDED.',
      ],
      en: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been SUSPENDED.',
        'From the effective time, every API call and token request of yours is refused with the error code PROVIDER_SUSPENDED.',
      ],
    },
    nextSteps: {
      vi: [
        'Khắc phục nguyên nhân nêu tại mục Lý do.',
        'Gửi văn bản giải trình và biện pháp khắc phục tới Bộ Nội vụ để đề nghị khôi phục kết nối.',
        'Lưu giữ các hợp đồng ký trong thời gian tạm ngừng và gửi lên Nền tảng ngay khi kết nối được khôi phục.',
      ],
      en: [
        'Correct the cause given under Reason.',
        'Send the Ministry of Home Affairs a written explanation and the corrective measures, asking for the connection to be restored.',
        'Keep the contracts signed during the suspension and send them to the Platform as soon as the connection is restored.',
      ],
    },
  },
  // SUSPENDED → ACTIVE: the connection is restored
  ACTIVE: {
    title: { vi: 'Thông báo khôi phục kết nối', en: 'Connection restored' },
    paragraphs: {
      vi: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã được KHÔI PHỤC.',
      ],
      en: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been RESTORED.',
      ],
    },
    nextSteps: {
      vi: [
        'Lấy mã truy cập mới tại POST /v1/oauth/token.',
        'Gửi lên Nền tảng các hợp đồng đã ký trong thời gian tạm ngừng.',
        'Tiếp tục tuân thủ các yêu cầu kết nối để tránh bị tạm ngừng lần nữa.',
      ],
      en: [
        'Obtain a new access token from POST /v1/oauth/token.',
        'Send the Platform the contracts signed while the connection was suspended.',
        'Keep to the connection rules so that the connection is not suspended again.',
      ],
    },
  },
  // → DISCONNECTED, for good
  DISCONNECTED: {
    title: { vi: 'Thông báo ngừng kết nối', en: 'Connection terminated' },
    paragraphs: {
      vi: [
        'Bộ Nội vụ thông báo: kết nối giữa hệ thống hợp đồng điện tử (eContract) của Quý đơn vị và Nền tảng hợp đồng lao động điện tử đã bị NGỪNG (chấm dứt).',
        'Kể từ thời điểm có hiệu lực, mọi lời gọi API và yêu cầu cấp mã truy cập của Quý đơn vị bị từ chối với mã lỗi PROVIDER_DISCONNECTED. Việc ngừng kết nối không thể được khôi phục.',
      ],
      en: [
        'The Ministry of Home Affairs informs you that the connection between your eContract system and the Electronic Labor Contract Platform has been TERMINATED.',
        'From the effective time, every API call and token request of yours is refused with the error code PROVIDER_DISCONNECTED. A disconnection cannot be reversed.',
      ],
    },
    nextSteps: {
      vi: [
        'Thông báo cho người sử dụng lao động và người lao động đang dùng dịch vụ của Quý đơn vị.',
        'Liên hệ Bộ Nội vụ nếu có ý kiến về quyết định này; muốn kết nối lại, Quý đơn vị phải đăng ký lại từ đầu.',
      ],
      en: [
        'Inform the employers and employees who use your service.',
        'Contact the Ministry of Home Affairs if you dispute this decision; to connect again you must register anew.',
      ],
    },
  },
};

/**
 * F39: the e-mail telling a provider its connection was suspended, restored or terminated, Vietnamese
 * first; the facts (reason, time, actor, legal basis) are the same in every notice.
 */
export function providerStatusEmail(status: ProviderStatus, facts: ProviderStatusFacts): RenderedEmail {
  const notice = NOTICES[status];
  const reason = redactIdentityNumbers(facts.reason);
  const at = vietnamTime(facts.effectiveAt);
  return bilingualEmail(
    notice.title,
    {
      title: notice.title.vi,
      greeting: `Kính gửi ${facts.providerName} (mã nhà cung cấp: ${facts.providerId}),`,
      paragraphs: notice.paragraphs.vi,
      facts: [
        ['Lý do', reason],
        ['Thời điểm có hiệu lực', at],
        ['Người thực hiện', OPERATOR_ROLE.vi],
        ['Căn cứ pháp lý', ART_15_4.vi],
      ],
      nextStepsTitle: 'Việc cần làm',
      nextSteps: notice.nextSteps.vi,
    },
    {
      title: notice.title.en,
      greeting: `Dear ${facts.providerName} (provider id: ${facts.providerId}),`,
      paragraphs: notice.paragraphs.en,
      facts: [
        ['Reason', reason],
        ['Effective', at],
        ['Decided by', OPERATOR_ROLE.en],
        ['Legal basis', ART_15_4.en],
      ],
      nextStepsTitle: 'What to do next',
      nextSteps: notice.nextSteps.en,
    },
  );
}
