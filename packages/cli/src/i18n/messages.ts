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
  'error.profile': { en: 'profile', vi: 'hồ sơ kết nối' },
  'error.unknownProfile': { en: 'No such profile', vi: 'Không có hồ sơ kết nối' },
  'error.productionNeedsYes': {
    en: 'This profile is marked production: pass --yes to write to it',
    vi: 'Hồ sơ này là môi trường thật (production): thêm --yes để gửi dữ liệu',
  },
  'error.noDocument': { en: 'No such document', vi: 'Không có tài liệu' },
  'confirm.production': { en: 'Production profile', vi: 'Hồ sơ môi trường thật' },
  'confirm.continue': { en: 'Continue?', vi: 'Tiếp tục?' },
  'profile.saved': { en: 'Profile saved', vi: 'Đã lưu hồ sơ kết nối' },
  'profile.none': {
    en: 'No profile yet: add one with `hdld profile add` or `hdld login`',
    vi: 'Chưa có hồ sơ kết nối: tạo bằng `hdld profile add` hoặc `hdld login`',
  },
  'profile.current': { en: 'Current profile', vi: 'Hồ sơ đang dùng' },
  'profile.removed': { en: 'Profile removed', vi: 'Đã xoá hồ sơ kết nối' },
  'login.ok': { en: 'Logged in', vi: 'Đăng nhập thành công' },
  'whoami.auth': { en: 'Authentication', vi: 'Phương thức xác thực' },
  'whoami.mode': { en: 'Mode', vi: 'Môi trường' },
  'field.state': { en: 'State', vi: 'Trạng thái hợp đồng' },
  'field.issuedAt': { en: 'ID issued at', vi: 'Thời điểm cấp mã' },
  'field.employer': { en: 'Employer', vi: 'Người sử dụng lao động' },
  'field.employee': { en: 'Employee', vi: 'Người lao động' },
  'field.term': { en: 'Term', vi: 'Thời hạn' },
  'contract.built': { en: 'Contracts built', vi: 'Số hợp đồng đã tạo' },
  'inspect.contractNumber': { en: 'Contract number', vi: 'Số hợp đồng' },
  'inspect.noMainData': { en: 'No main data attached', vi: 'Không có dữ liệu chính đính kèm' },
  'inspect.signatures': { en: 'Signatures', vi: 'Chữ ký số' },
  'inspect.timestamp': { en: 'timestamp', vi: 'dấu thời gian' },
  'inspect.noTimestamp': { en: 'no timestamp', vi: 'không có dấu thời gian' },
  'inspect.evidence': { en: 'Certification evidence', vi: 'Chứng thực thông điệp dữ liệu' },
  'inspect.logEvents': { en: 'Transaction log events', vi: 'Số sự kiện trong nhật ký giao dịch' },
  'validate.error': { en: 'error', vi: 'lỗi' },
  'validate.warning': { en: 'warning', vi: 'cảnh báo' },
  'validate.passed': { en: 'files passed', vi: 'tệp đạt yêu cầu' },
  'doctor.noTrust': {
    en: 'none configured: pass --trust or add them to the profile (hdld profile add --trust)',
    vi: 'chưa cấu hình: dùng --trust hoặc thêm vào hồ sơ kết nối (hdld profile add --trust)',
  },
  'sync.succeeded': { en: 'succeeded', vi: 'thành công' },
  'sync.failed': { en: 'failed', vi: 'thất bại' },
  'sync.inFlight': { en: 'in flight', vi: 'đang xử lý' },
  'sync.queued': { en: 'queued', vi: 'đang chờ' },
  'sync.skipped': { en: 'done before', vi: 'đã xong trước đó' },
  'sync.interrupted': { en: 'interrupted', vi: 'bị gián đoạn' },
  'sync.perSecond': { en: 'contracts/s', vi: 'hợp đồng/giây' },
  'sync.elapsed': { en: 'elapsed', vi: 'đã chạy' },
  'sync.latestErrors': { en: 'Latest errors', vi: 'Lỗi gần nhất' },
  'sync.dryRun': { en: 'Dry run, nothing sent; contracts', vi: 'Chạy thử, không gửi; số hợp đồng' },
  'sync.journal': { en: 'journal', vi: 'nhật ký đồng bộ' },
  'sync.confirm': { en: 'send contracts:', vi: 'gửi số hợp đồng:' },
  'sync.cancelled': {
    en: 'Stopped; run the same command again to resume',
    vi: 'Đã dừng; chạy lại đúng lệnh này để tiếp tục',
  },
  'reconcile.period': { en: 'Period', vi: 'Kỳ đối soát' },
  'reconcile.mismatches': { en: 'Mismatches', vi: 'Số chênh lệch' },
  'demo.pki': {
    en: 'Creating the sandbox PKI and timestamp authority',
    vi: 'Tạo hạ tầng khoá công khai và dịch vụ cấp dấu thời gian thử nghiệm',
  },
  'demo.server': {
    en: 'Starting the reference Platform (PGlite, in this process)',
    vi: 'Khởi động Nền tảng tham chiếu (PGlite, trong tiến trình này)',
  },
  'demo.contracts': {
    en: 'Building, signing (employer then employee, B-T) and certifying sample contracts',
    vi: 'Tạo, ký số (người sử dụng lao động rồi người lao động, B-T) và chứng thực hợp đồng mẫu',
  },
  'demo.sync': { en: 'Syncing with the Platform', vi: 'Đồng bộ lên Nền tảng' },
  'demo.reconcile': { en: 'Reconciling the journal with the Platform', vi: 'Đối soát nhật ký với Nền tảng' },
  'demo.issued': { en: 'IDs issued', vi: 'Số mã đã cấp' },
  'demo.failures': { en: 'Failures', vi: 'Số lỗi' },
  'demo.buildTime': { en: 'Build and sign', vi: 'Tạo và ký' },
  'demo.syncTime': { en: 'Sync', vi: 'Đồng bộ' },
  'demo.totalTime': { en: 'Total', vi: 'Tổng thời gian' },
  'demo.output': { en: 'Files', vi: 'Thư mục kết quả' },
  'demo.keepServer': {
    en: 'The Platform keeps running (Ctrl-C stops it). In another shell:',
    vi: 'Nền tảng vẫn chạy (Ctrl-C để dừng). Trong cửa sổ dòng lệnh khác:',
  },
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
