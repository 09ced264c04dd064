import type { ReportLanguage } from './options.js';
import type { Indication, NoteCode, VerificationErrorCode } from './report.js';

/** User-facing texts in English and Vietnamese (N2, S2.2: results shown to providers, staff and citizens). */
export const CODE_MESSAGES: Record<VerificationErrorCode, Record<ReportLanguage, string>> = {
  SIGNATURE_INVALID: { en: 'The signature is invalid', vi: 'Chữ ký không hợp lệ' },
  SIGNATURE_DIGEST_MISMATCH: {
    en: 'The signed content does not match the signature (the document was altered)',
    vi: 'Nội dung đã ký không khớp với chữ ký (tài liệu đã bị thay đổi)',
  },
  SIGNATURE_BYTERANGE_INVALID: {
    en: 'The signature does not cover the document correctly (invalid ByteRange)',
    vi: 'Chữ ký không bao phủ đúng tài liệu (ByteRange không hợp lệ)',
  },
  SIGNATURE_MODIFIED_AFTER_SIGNING: {
    en: 'The document was modified after signing',
    vi: 'Tài liệu đã bị sửa đổi sau khi ký',
  },
  SIGNATURE_PARTY_MISMATCH: {
    en: "The signer's certificate does not identify the contract party",
    vi: 'Chứng thư số của người ký không xác định đúng bên giao kết hợp đồng',
  },
  CERTIFICATE_UNTRUSTED: {
    en: 'The certificate is not issued by a trusted authority',
    vi: 'Chứng thư số không do tổ chức tin cậy cấp',
  },
  CERTIFICATE_EXPIRED: {
    en: 'The certificate was not valid at the signing time',
    vi: 'Chứng thư số không còn hiệu lực tại thời điểm ký',
  },
  CERTIFICATE_REVOKED: { en: 'The certificate has been revoked', vi: 'Chứng thư số đã bị thu hồi' },
  CERTIFICATE_USAGE_INVALID: {
    en: 'The certificate may not be used for this purpose',
    vi: 'Chứng thư số không được phép dùng cho mục đích này',
  },
  TIMESTAMP_MISSING: { en: 'The signature has no timestamp', vi: 'Chữ ký không có dấu thời gian' },
  TIMESTAMP_INVALID: {
    en: 'The signature timestamp is invalid',
    vi: 'Dấu thời gian của chữ ký không hợp lệ',
  },
  TIMESTAMP_UNTRUSTED: {
    en: 'The timestamp is not issued by a trusted timestamp authority',
    vi: 'Dấu thời gian không do tổ chức cung cấp dịch vụ cấp dấu thời gian tin cậy cấp',
  },
  REVOCATION_UNAVAILABLE: {
    en: 'Certificate revocation status is not available yet; try again later',
    vi: 'Chưa lấy được trạng thái thu hồi chứng thư số; vui lòng thử lại sau',
  },
  EVIDENCE_INVALID: {
    en: 'The certification evidence is invalid',
    vi: 'Tệp chứng thực thông điệp dữ liệu không hợp lệ',
  },
  EVIDENCE_DOCUMENT_MISMATCH: {
    en: 'The certification evidence does not match the submitted documents',
    vi: 'Tệp chứng thực không khớp với các tài liệu đã gửi',
  },
  PDF_MALFORMED: { en: 'The file is not a valid PDF', vi: 'Tệp không phải là PDF hợp lệ' },
  PDF_NOT_SIGNED: { en: 'The document is not signed', vi: 'Tài liệu chưa được ký' },
};

export const NOTE_MESSAGES: Record<NoteCode, Record<ReportLanguage, string>> = {
  REVOCATION_NOT_CHECKED: {
    en: 'Certificate revocation was not checked (no revocation data supplied)',
    vi: 'Chưa kiểm tra trạng thái thu hồi chứng thư số (không có dữ liệu thu hồi)',
  },
  SIGNING_TIME_UNPROVEN: {
    en: 'No valid timestamp proves the signing time',
    vi: 'Không có dấu thời gian hợp lệ chứng minh thời điểm ký',
  },
  REVOKED_AFTER_SIGNING: {
    en: 'The certificate was revoked after the proven signing time',
    vi: 'Chứng thư số bị thu hồi sau thời điểm ký đã được chứng minh',
  },
};

export const INDICATION_MESSAGES: Record<Indication, Record<ReportLanguage, string>> = {
  TOTAL_PASSED: { en: 'Signature is valid', vi: 'Chữ ký hợp lệ' },
  INDETERMINATE: {
    en: 'Signature could not be fully verified',
    vi: 'Chưa thể xác định tính hợp lệ của chữ ký',
  },
  TOTAL_FAILED: { en: 'Signature is invalid', vi: 'Chữ ký không hợp lệ' },
};

export const LABELS = {
  signature: { en: 'Signature', vi: 'Chữ ký' },
  signer: { en: 'Signer', vi: 'Người ký' },
  party: { en: 'Party', vi: 'Bên ký' },
  EMPLOYER: { en: 'employer', vi: 'người sử dụng lao động' },
  EMPLOYEE: { en: 'employee', vi: 'người lao động' },
  issuer: { en: 'Issued by', vi: 'Tổ chức cấp' },
  serial: { en: 'Certificate serial', vi: 'Số hiệu chứng thư' },
  signingTime: { en: 'Signing time (timestamp)', vi: 'Thời điểm ký (dấu thời gian)' },
  unproven: { en: 'not proven', vi: 'chưa được chứng minh' },
  integrity: { en: 'Integrity', vi: 'Tính toàn vẹn' },
  intact: { en: 'Document unchanged since signing', vi: 'Tài liệu không bị thay đổi kể từ khi ký' },
  partial: {
    en: 'Signature covers an earlier revision; later changes are allowed signature additions',
    vi: 'Chữ ký bao phủ một phiên bản trước; các thay đổi sau chỉ là việc bổ sung chữ ký hợp lệ',
  },
  result: { en: 'Result', vi: 'Kết quả' },
  document: { en: 'Document', vi: 'Tài liệu' },
  evidence: { en: 'Certification evidence', vi: 'Tệp chứng thực' },
  evidenceValid: { en: 'Certification evidence is valid', vi: 'Tệp chứng thực hợp lệ' },
  provider: { en: 'Provider', vi: 'Nhà cung cấp' },
  unknown: { en: 'unknown', vi: 'không xác định' },
} satisfies Record<string, Record<ReportLanguage, string>>;
