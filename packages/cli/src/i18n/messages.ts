import { type Lang, pickLang } from '@hdld/spec';

/** Every user-facing CLI text, in English and Vietnamese (`--lang vi` or LANG=vi_VN*). */
const messages = {
  'field.transaction': { en: 'Transaction', vi: 'Giao dịch' },
  'field.status': { en: 'Status', vi: 'Trạng thái' },
  'field.failureClass': { en: 'Failure class', vi: 'Loại lỗi' },
  'field.contractId': { en: 'Contract ID', vi: 'Mã hợp đồng' },
  'field.reference': { en: 'Provider reference', vi: 'Mã tham chiếu của nhà cung cấp' },
  'field.receivedAt': { en: 'Received at', vi: 'Thời điểm tiếp nhận' },
  'field.completedAt': { en: 'Completed at', vi: 'Thời điểm hoàn tất' },
  'field.late': { en: 'Late (over 24 h)', vi: 'Nộp muộn (quá 24 giờ)' },
  'field.replay': { en: 'Already registered', vi: 'Đã được cấp mã trước đó' },
  'field.errors': { en: 'Errors', vi: 'Lỗi' },
  'value.yes': { en: 'yes', vi: 'có' },
  'value.no': { en: 'no', vi: 'không' },
  'status.RECEIVED': { en: 'received', vi: 'đã tiếp nhận' },
  'status.PROCESSING': { en: 'processing', vi: 'đang xử lý' },
  'status.SUCCEEDED': { en: 'succeeded', vi: 'thành công' },
  'status.FAILED': { en: 'failed', vi: 'thất bại' },
  'error.prefix': { en: 'error', vi: 'lỗi' },
  'error.requestId': { en: 'request id', vi: 'mã yêu cầu' },
  'error.missingBaseUrl': {
    en: 'No Platform URL: pass --base-url or set HDLD_BASE_URL',
    vi: 'Chưa có địa chỉ Nền tảng: dùng --base-url hoặc đặt HDLD_BASE_URL',
  },
  'error.missingCredentials': {
    en: 'No credentials: pass --client-id with --client-secret or --key-file (or HDLD_CLIENT_ID, HDLD_CLIENT_SECRET, HDLD_KEY_FILE)',
    vi: 'Chưa có thông tin xác thực: dùng --client-id cùng --client-secret hoặc --key-file (hoặc HDLD_CLIENT_ID, HDLD_CLIENT_SECRET, HDLD_KEY_FILE)',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

export function t(lang: Lang, key: MessageKey): string {
  return messages[key][lang];
}

/** `--lang` wins; otherwise the environment's locale decides. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  return pickLang(flag ?? env.HDLD_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}
