import type { Lang } from '@hdld/spec';

/** Messages the SDK itself produces (the Platform localizes its own problem documents). */
export const SDK_MESSAGES = {
  network: { en: 'Network error', vi: 'Lỗi kết nối mạng' },
  timeout: { en: 'The request timed out', vi: 'Yêu cầu đã quá thời gian chờ' },
  aborted: { en: 'The request was cancelled', vi: 'Yêu cầu đã bị hủy' },
  noAccessToken: {
    en: 'The token response has no access_token',
    vi: 'Phản hồi cấp mã truy cập không có access_token',
  },
  waitTimeout: {
    en: 'The transaction had no final status before the deadline',
    vi: 'Giao dịch chưa có kết quả cuối cùng trước thời hạn chờ',
  },
  httpStatus: { en: 'HTTP error', vi: 'Lỗi HTTP' },
  attachmentDigest: {
    en: 'The Platform recorded another SHA-256 for the attachment',
    vi: 'Nền tảng ghi nhận mã băm SHA-256 khác cho tệp đính kèm',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type SdkMessage = keyof typeof SDK_MESSAGES;

export function sdkMessage(key: SdkMessage, lang: Lang = 'en'): string {
  return SDK_MESSAGES[key][lang];
}
