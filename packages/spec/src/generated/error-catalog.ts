// GENERATED FILE - DO NOT EDIT.
// Source: packages/spec/openapi/**. Edit the spec, then run `pnpm gen` (CI fails when this file drifts).

export const errorCatalog = {
  "version": "1.1.0",
  "typeBase": "https://hdld.invalid/problems/",
  "codes": {
    "TRANSACTION_NOT_FOUND": {
      "status": 404,
      "stage": "AUTH_TRANSPORT",
      "action": "NONE",
      "since": "1.0.0",
      "title": {
        "en": "Transaction not found",
        "vi": "Không tìm thấy giao dịch"
      },
      "fix": {
        "en": "Check the transaction id; a provider can only read its own transactions.",
        "vi": "Kiểm tra lại mã giao dịch; nhà cung cấp chỉ xem được giao dịch của chính mình."
      }
    },
    "REQUEST_INVALID": {
      "status": 400,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FORMAT",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 13.1.c; Decision on the Platform T6, T9",
      "title": {
        "en": "The request does not match the API schema",
        "vi": "Yêu cầu không đúng định dạng API"
      },
      "fix": {
        "en": "Correct the fields listed in errors[] and send the request again.",
        "vi": "Sửa các trường được liệt kê trong errors[] rồi gửi lại yêu cầu."
      }
    },
    "UNAUTHENTICATED": {
      "status": 401,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "Authentication required",
        "vi": "Cần xác thực"
      },
      "fix": {
        "en": "Obtain an access token from POST /v1/oauth/token and send it as a Bearer token.",
        "vi": "Lấy mã truy cập từ POST /v1/oauth/token và gửi kèm dưới dạng Bearer token."
      }
    },
    "INTERNAL_ERROR": {
      "status": 500,
      "stage": "PLATFORM",
      "action": "RETRY",
      "since": "1.0.0",
      "title": {
        "en": "Internal error",
        "vi": "Lỗi hệ thống"
      },
      "fix": {
        "en": "The Platform failed on its side; nothing in your request is known to be wrong. Retry later; if it keeps failing, report the requestId to the Platform's operators.",
        "vi": "Nền tảng gặp lỗi từ phía hệ thống; chưa xác định được lỗi nào trong yêu cầu của bạn. Hãy thử lại sau; nếu lỗi vẫn tiếp diễn, hãy báo requestId cho bộ phận vận hành Nền tảng."
      }
    },
    "TOKEN_INVALID": {
      "status": 401,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "Access token is invalid",
        "vi": "Mã truy cập không hợp lệ"
      },
      "fix": {
        "en": "Send the access_token returned by POST /v1/oauth/token unchanged, as \"Authorization: Bearer <token>\".",
        "vi": "Gửi nguyên vẹn access_token nhận được từ POST /v1/oauth/token trong tiêu đề \"Authorization: Bearer <token>\"."
      }
    },
    "TOKEN_EXPIRED": {
      "status": 401,
      "stage": "AUTH_TRANSPORT",
      "action": "RETRY",
      "since": "1.0.0",
      "title": {
        "en": "Access token has expired",
        "vi": "Mã truy cập đã hết hạn"
      },
      "fix": {
        "en": "Request a new token from POST /v1/oauth/token and repeat the request with the same Idempotency-Key.",
        "vi": "Lấy mã truy cập mới từ POST /v1/oauth/token rồi gửi lại yêu cầu với cùng Idempotency-Key."
      }
    },
    "CLIENT_AUTH_FAILED": {
      "status": 401,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "legalBasis": "RFC 6749 section 5.2 (invalid_client); RFC 7523 section 3",
      "title": {
        "en": "Client authentication failed",
        "vi": "Xác thực ứng dụng khách không thành công"
      },
      "fix": {
        "en": "Sign the client assertion with the key registered for your client id (aud = token URL, exp within 5 minutes, unique jti). client_secret is accepted in the sandbox only.",
        "vi": "Ký client assertion bằng khóa đã đăng ký cho client id của bạn (aud là URL cấp mã, exp không quá 5 phút, jti không trùng lặp). client_secret chỉ được chấp nhận trong môi trường thử nghiệm."
      }
    },
    "FORBIDDEN": {
      "status": 403,
      "stage": "AUTH_TRANSPORT",
      "action": "NONE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform T3, T4, T17",
      "title": {
        "en": "Access denied",
        "vi": "Không có quyền truy cập"
      },
      "fix": {
        "en": "The token lacks the scope for this operation, or the resource belongs to another provider. Request a token with the needed scope.",
        "vi": "Mã truy cập không có phạm vi (scope) cho thao tác này, hoặc tài nguyên thuộc nhà cung cấp khác. Hãy lấy mã truy cập có phạm vi phù hợp."
      }
    },
    "RATE_LIMITED": {
      "status": 429,
      "stage": "AUTH_TRANSPORT",
      "action": "RETRY",
      "since": "1.0.0",
      "title": {
        "en": "Too many requests",
        "vi": "Quá nhiều yêu cầu"
      },
      "fix": {
        "en": "Wait for the number of seconds in Retry-After, then retry with the same Idempotency-Key; prefer batches for bulk uploads.",
        "vi": "Chờ số giây ghi trong Retry-After rồi thử lại với cùng Idempotency-Key; nên dùng lô (batch) khi gửi số lượng lớn."
      }
    },
    "PAYLOAD_TOO_LARGE": {
      "status": 413,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "Request body too large",
        "vi": "Nội dung yêu cầu quá lớn"
      },
      "fix": {
        "en": "Keep a single submission under 16 MiB (each document at most 10 MiB); split appendices into later lifecycle submissions if needed.",
        "vi": "Mỗi yêu cầu gửi hồ sơ không vượt quá 16 MiB (mỗi tệp tối đa 10 MiB); nếu cần, hãy tách phụ lục để gửi sau dưới dạng văn bản bổ sung."
      }
    },
    "UNSUPPORTED_MEDIA_TYPE": {
      "status": 415,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "Unsupported Content-Type",
        "vi": "Kiểu nội dung không được hỗ trợ"
      },
      "fix": {
        "en": "Send submissions as application/json (documents base64-encoded) and token requests as application/x-www-form-urlencoded.",
        "vi": "Gửi hồ sơ dưới dạng application/json (tệp mã hóa base64) và yêu cầu cấp mã truy cập dưới dạng application/x-www-form-urlencoded."
      }
    },
    "IDEMPOTENCY_KEY_REUSED": {
      "status": 409,
      "stage": "DUPLICATE",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "Idempotency-Key already used for a different request",
        "vi": "Idempotency-Key đã được dùng cho một yêu cầu khác"
      },
      "fix": {
        "en": "Use a new Idempotency-Key (a fresh UUID) for every new request; reuse a key only to retry the identical request.",
        "vi": "Dùng Idempotency-Key mới (một UUID mới) cho mỗi yêu cầu mới; chỉ dùng lại khóa cũ khi gửi lại đúng yêu cầu đó."
      }
    },
    "IDEMPOTENCY_KEY_IN_USE": {
      "status": 409,
      "stage": "DUPLICATE",
      "action": "RETRY",
      "since": "1.0.0",
      "title": {
        "en": "A request with this Idempotency-Key is still being processed",
        "vi": "Yêu cầu có cùng Idempotency-Key đang được xử lý"
      },
      "fix": {
        "en": "Wait for the number of seconds in Retry-After, then send the same request again with the same key.",
        "vi": "Chờ số giây ghi trong Retry-After rồi gửi lại đúng yêu cầu đó với cùng khóa."
      }
    },
    "CONTRACT_NOT_FOUND": {
      "status": 404,
      "stage": "LIFECYCLE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 9.3",
      "title": {
        "en": "Contract not found",
        "vi": "Không tìm thấy hợp đồng"
      },
      "fix": {
        "en": "Check the contract ID (16 digits, shown 4-4-4-4); a lifecycle document can only be attached to an ID that the Platform issued.",
        "vi": "Kiểm tra lại mã định danh (ID) hợp đồng (16 chữ số, hiển thị dạng 4-4-4-4); văn bản sửa đổi, bổ sung chỉ gắn được vào ID do Nền tảng cấp."
      }
    },
    "DOCUMENT_NOT_FOUND": {
      "status": 404,
      "stage": "AUTH_TRANSPORT",
      "action": "NONE",
      "since": "1.0.0",
      "title": {
        "en": "Document not found",
        "vi": "Không tìm thấy tài liệu"
      },
      "fix": {
        "en": "Take the documentId from the contract's documents list (GET /v1/contracts/{contractId}).",
        "vi": "Lấy documentId từ danh sách tài liệu của hợp đồng (GET /v1/contracts/{contractId})."
      }
    },
    "BATCH_TOO_LARGE": {
      "status": 413,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform T5",
      "title": {
        "en": "Batch too large",
        "vi": "Lô hồ sơ quá lớn"
      },
      "fix": {
        "en": "Send at most 50 contracts and 32 MiB per batch; split larger uploads into several batches.",
        "vi": "Mỗi lô gửi tối đa 50 hợp đồng và 32 MiB; chia các đợt gửi lớn hơn thành nhiều lô."
      }
    },
    "DUPLICATE_PROVIDER_REFERENCE": {
      "status": 409,
      "stage": "DUPLICATE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "title": {
        "en": "Provider reference already used for different content",
        "vi": "Mã tham chiếu của nhà cung cấp đã được dùng cho nội dung khác"
      },
      "fix": {
        "en": "Give every contract and lifecycle document its own providerReference; resend identical content only to replay a submission. To correct a failed transaction under its reference, explain it (POST /v1/explanations, hdld errors explain) and send the corrected package once the Ministry approved the re-push.",
        "vi": "Đặt providerReference riêng cho từng hợp đồng và từng văn bản sửa đổi, bổ sung; chỉ gửi lại nội dung giống hệt khi muốn gửi lại hồ sơ đã gửi. Để sửa một giao dịch lỗi dưới mã tham chiếu của nó, hãy giải trình (POST /v1/explanations, hdld errors explain) và gửi hồ sơ đã sửa sau khi Bộ phê duyệt việc đẩy lại."
      }
    },
    "MAIN_DATA_INVALID": {
      "status": 422,
      "stage": "LABOR_RULES",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 8, 13.1.c; Decree 145/2020",
      "title": {
        "en": "Main contract data breaks a business rule",
        "vi": "Thông tin chủ yếu của hợp đồng vi phạm quy tắc nghiệp vụ"
      },
      "fix": {
        "en": "Correct the fields listed in errors[] (for example a conclusion date in the future, or after the last party signed, or a date of birth after it) and submit again.",
        "vi": "Sửa các trường được liệt kê trong errors[] (ví dụ ngày giao kết ở tương lai hoặc sau thời điểm bên cuối cùng ký, hoặc ngày sinh sau ngày giao kết) rồi gửi lại."
      }
    },
    "MAIN_DATA_MISMATCH": {
      "status": 422,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 13.1.c; Decision on the Platform T9",
      "title": {
        "en": "Main data differs from the signed contract",
        "vi": "Thông tin chủ yếu không khớp với hợp đồng đã ký"
      },
      "fix": {
        "en": "Send mainData exactly as embedded in the signed PDF; if the PDF is wrong, the parties must sign a corrected contract.",
        "vi": "Gửi mainData đúng như dữ liệu nhúng trong tệp PDF đã ký; nếu tệp PDF sai, các bên phải ký lại hợp đồng đã sửa."
      }
    },
    "LABOR_TERM_INVALID": {
      "status": 422,
      "stage": "LABOR_RULES",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Labor Code 2019 Art. 20, 24, 25",
      "title": {
        "en": "Contract term is not allowed",
        "vi": "Thời hạn hợp đồng không hợp lệ"
      },
      "fix": {
        "en": "The end date is the term's last day. A fixed-term contract ends after it starts and lasts at most 36 months (it ends before the same day 36 months later); an indefinite contract has no end date; a contract under one month lasts less than one month; probation lasts at most 180 days.",
        "vi": "Ngày kết thúc là ngày cuối cùng của thời hạn. Hợp đồng xác định thời hạn có ngày kết thúc sau ngày bắt đầu và thời hạn không quá 36 tháng (kết thúc trước ngày tương ứng của 36 tháng sau); hợp đồng không xác định thời hạn không có ngày kết thúc; hợp đồng dưới 01 tháng phải có thời hạn dưới một tháng; thời gian thử việc không quá 180 ngày."
      }
    },
    "EMPLOYEE_UNDERAGE": {
      "status": 422,
      "stage": "LABOR_RULES",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Labor Code 2019 Art. 143, 145",
      "title": {
        "en": "Employee is under 15",
        "vi": "Người lao động chưa đủ 15 tuổi"
      },
      "fix": {
        "en": "The Platform accepts no contract with an employee under 15 on the conclusion date, since such a contract needs the employee's legal representative as a party and work the law allows (Labor Code Art. 145), which the main data cannot carry. Check the date of birth and the conclusion date.",
        "vi": "Nền tảng không tiếp nhận hợp đồng với người lao động chưa đủ 15 tuổi vào ngày giao kết, vì hợp đồng đó phải có người đại diện theo pháp luật của người lao động cùng giao kết và chỉ cho các công việc pháp luật cho phép (Điều 145 Bộ luật Lao động), điều mà thông tin chủ yếu không thể hiện được. Hãy kiểm tra ngày sinh và ngày giao kết."
      }
    },
    "DOCUMENT_MISSING": {
      "status": 422,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FILE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 13.1.a",
      "title": {
        "en": "Signed contract document is missing",
        "vi": "Thiếu tệp hợp đồng đã ký"
      },
      "fix": {
        "en": "Put the signed contract (or lifecycle document) first in documents[], with role CONTRACT.",
        "vi": "Đặt tệp hợp đồng (hoặc văn bản sửa đổi, bổ sung) đã ký ở vị trí đầu tiên trong documents[], với role là CONTRACT."
      }
    },
    "FILE_TYPE_NOT_ALLOWED": {
      "status": 415,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FILE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform T7, T9",
      "title": {
        "en": "File type not allowed",
        "vi": "Loại tệp không được chấp nhận"
      },
      "fix": {
        "en": "Only PDF files are accepted in v1; the content must start with %PDF- and match mediaType.",
        "vi": "Phiên bản 1 chỉ chấp nhận tệp PDF; nội dung tệp phải bắt đầu bằng %PDF- và khớp với mediaType."
      }
    },
    "FILE_TOO_LARGE": {
      "status": 413,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FILE",
      "since": "1.0.0",
      "title": {
        "en": "File too large",
        "vi": "Tệp quá lớn"
      },
      "fix": {
        "en": "Keep each document at most 10 MiB; reduce image resolution of scans (300 dpi is enough).",
        "vi": "Mỗi tệp tối đa 10 MiB; hãy giảm độ phân giải ảnh quét (300 dpi là đủ)."
      }
    },
    "PDF_MALFORMED": {
      "status": 422,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FILE",
      "since": "1.0.0",
      "title": {
        "en": "PDF file is malformed",
        "vi": "Tệp PDF bị lỗi cấu trúc"
      },
      "fix": {
        "en": "Check that the base64 content is the complete, unmodified PDF; encrypted PDFs are not accepted.",
        "vi": "Kiểm tra nội dung base64 là tệp PDF đầy đủ, chưa bị thay đổi; không chấp nhận tệp PDF có mật khẩu."
      }
    },
    "PDF_TOO_MANY_PAGES": {
      "status": 422,
      "stage": "PACKAGE_SCHEMA",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "FILE",
      "since": "1.0.0",
      "title": {
        "en": "PDF has too many pages",
        "vi": "Tệp PDF có quá nhiều trang"
      },
      "fix": {
        "en": "A document has at most 500 pages; send long annexes as separate documents.",
        "vi": "Mỗi tệp tối đa 500 trang; hãy gửi các phụ lục dài thành tệp riêng."
      }
    },
    "PDF_NOT_SIGNED": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b, 7.3",
      "title": {
        "en": "PDF has no digital signature",
        "vi": "Tệp PDF chưa được ký số"
      },
      "fix": {
        "en": "Send the PDF after both parties have signed it in the eContract, not the draft.",
        "vi": "Gửi tệp PDF sau khi cả hai bên đã ký trên eContract, không gửi bản nháp."
      }
    },
    "SIGNATURE_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.a; Decree 23/2025",
      "title": {
        "en": "Digital signature is invalid",
        "vi": "Chữ ký số không hợp lệ"
      },
      "fix": {
        "en": "The signature value does not verify with the signer's certificate; have the party sign again.",
        "vi": "Giá trị chữ ký không khớp với chứng thư số của người ký; đề nghị bên đó ký lại."
      }
    },
    "SIGNATURE_DIGEST_MISMATCH": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.a; Decree 23/2025",
      "title": {
        "en": "Signed digest does not match the document",
        "vi": "Giá trị băm đã ký không khớp với tài liệu"
      },
      "fix": {
        "en": "The file changed after it was signed; send the file exactly as it was signed.",
        "vi": "Tệp đã bị thay đổi sau khi ký; hãy gửi đúng tệp như khi được ký."
      }
    },
    "SIGNATURE_BYTERANGE_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "title": {
        "en": "Signature byte range is invalid",
        "vi": "Vùng dữ liệu được ký (ByteRange) không hợp lệ"
      },
      "fix": {
        "en": "The ByteRange must cover the whole file except the signature value; check the signing library's PDF output.",
        "vi": "ByteRange phải bao phủ toàn bộ tệp trừ giá trị chữ ký; kiểm tra lại tệp PDF do thư viện ký số tạo ra."
      }
    },
    "SIGNATURE_MODIFIED_AFTER_SIGNING": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "title": {
        "en": "Document was modified after signing",
        "vi": "Tài liệu bị chỉnh sửa sau khi ký"
      },
      "fix": {
        "en": "Content was added after the last signature (only a later signature or timestamp may be appended); send the file as last signed.",
        "vi": "Có nội dung được thêm vào sau chữ ký cuối cùng (chỉ được thêm chữ ký hoặc dấu thời gian sau đó); hãy gửi tệp ở trạng thái ký lần cuối."
      }
    },
    "SIGNATURE_PARTY_MISMATCH": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b, 8",
      "title": {
        "en": "A signature's certificate does not identify its party",
        "vi": "Chứng thư của chữ ký không xác định đúng bên ký"
      },
      "fix": {
        "en": "Sign each party's signature with that party's own certificate: the employer's carries UID MST:<tax code> of the main data (a representative's personal certificate also carries the employer's MST), the employee's CCCD:, CMND: or HC: with the identity number of the main data.",
        "vi": "Mỗi bên ký bằng chứng thư số của chính mình: chứng thư của người sử dụng lao động có UID MST:<mã số thuế> trong dữ liệu chính (chứng thư cá nhân của người đại diện cũng phải có MST của người sử dụng lao động), chứng thư của người lao động có CCCD:, CMND: hoặc HC: với số giấy tờ trong dữ liệu chính."
      }
    },
    "SIGNATURE_PARTY_MISSING": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b, 8",
      "title": {
        "en": "A party's signature is missing",
        "vi": "Thiếu chữ ký của một bên"
      },
      "fix": {
        "en": "Both the employer's representative and the employee must sign; match each signature to a signer in the certification evidence.",
        "vi": "Cả người đại diện của người sử dụng lao động và người lao động đều phải ký; mỗi chữ ký phải khớp với một người ký trong tệp chứng thực."
      }
    },
    "CERTIFICATE_UNTRUSTED": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b; Decree 23/2025",
      "title": {
        "en": "Certificate is not from a trusted provider",
        "vi": "Chứng thư số không do tổ chức được tin cậy cấp"
      },
      "fix": {
        "en": "Use a certificate issued by a licensed digital signature certification service provider in Vietnam.",
        "vi": "Sử dụng chứng thư chữ ký số do tổ chức cung cấp dịch vụ chứng thực chữ ký số được cấp phép tại Việt Nam cấp."
      }
    },
    "CERTIFICATE_EXPIRED": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b",
      "title": {
        "en": "Certificate was expired at signing time",
        "vi": "Chứng thư số đã hết hạn tại thời điểm ký"
      },
      "fix": {
        "en": "The party must renew the certificate and sign again.",
        "vi": "Bên ký cần gia hạn chứng thư số rồi ký lại."
      }
    },
    "CERTIFICATE_REVOKED": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.2.b",
      "title": {
        "en": "Certificate was revoked",
        "vi": "Chứng thư số đã bị thu hồi"
      },
      "fix": {
        "en": "The certificate was revoked before the signing time; the party must sign again with a valid certificate.",
        "vi": "Chứng thư số đã bị thu hồi trước thời điểm ký; bên ký phải ký lại bằng chứng thư số còn hiệu lực."
      }
    },
    "CERTIFICATE_USAGE_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "title": {
        "en": "Certificate may not be used for signing",
        "vi": "Chứng thư số không được phép dùng để ký"
      },
      "fix": {
        "en": "The certificate's key usage must include digitalSignature or nonRepudiation; use a signing certificate.",
        "vi": "Mục đích sử dụng khóa (key usage) của chứng thư số phải có digitalSignature hoặc nonRepudiation; hãy dùng chứng thư số dành cho ký."
      }
    },
    "TIMESTAMP_MISSING": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 13; Decision on the Platform F8",
      "title": {
        "en": "Signature has no timestamp",
        "vi": "Chữ ký số không có dấu thời gian"
      },
      "fix": {
        "en": "Every party's signature needs an RFC 3161 timestamp from a trusted timestamping service; enable it in the signing software.",
        "vi": "Chữ ký của mỗi bên phải có dấu thời gian RFC 3161 từ dịch vụ cấp dấu thời gian được tin cậy; hãy bật tính năng này trong phần mềm ký."
      }
    },
    "TIMESTAMP_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform F8",
      "title": {
        "en": "Signature timestamp is invalid",
        "vi": "Dấu thời gian của chữ ký không hợp lệ"
      },
      "fix": {
        "en": "The timestamp token does not verify or does not cover this signature; timestamp the signature again.",
        "vi": "Dấu thời gian không kiểm tra được hoặc không gắn với chữ ký này; hãy gắn lại dấu thời gian cho chữ ký."
      }
    },
    "TIMESTAMP_UNTRUSTED": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform F8; Decree 23/2025",
      "title": {
        "en": "Timestamp authority is not trusted",
        "vi": "Đơn vị cấp dấu thời gian không được tin cậy"
      },
      "fix": {
        "en": "Use a timestamping service licensed in Vietnam.",
        "vi": "Sử dụng dịch vụ cấp dấu thời gian được cấp phép tại Việt Nam."
      }
    },
    "REVOCATION_UNAVAILABLE": {
      "status": 503,
      "stage": "SIGNATURE",
      "action": "RETRY",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "title": {
        "en": "Certificate revocation status is temporarily unavailable",
        "vi": "Tạm thời không kiểm tra được tình trạng thu hồi chứng thư số"
      },
      "fix": {
        "en": "The CA's OCSP/CRL service did not answer; submit the same package again later (after Retry-After when given).",
        "vi": "Dịch vụ OCSP/CRL của tổ chức chứng thực không phản hồi; hãy gửi lại nguyên hồ sơ sau (sau thời gian Retry-After nếu có)."
      }
    },
    "EVIDENCE_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.b, 25.8; Decision on the Platform N2, F8",
      "title": {
        "en": "Certification evidence is invalid",
        "vi": "Tệp chứng thực thông điệp dữ liệu không hợp lệ"
      },
      "fix": {
        "en": "The evidence must be a CMS SignedData signed with your provider certificate whose content is JSON matching CertificationEvidence.",
        "vi": "Tệp chứng thực phải là CMS SignedData được ký bằng chứng thư số của nhà cung cấp, có nội dung JSON đúng cấu trúc CertificationEvidence."
      }
    },
    "EVIDENCE_DOCUMENT_MISMATCH": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform N2, F8",
      "title": {
        "en": "Certification evidence does not match the documents",
        "vi": "Tệp chứng thực không khớp với các tệp đã gửi"
      },
      "fix": {
        "en": "List every submitted document in the evidence with its exact SHA-256 and size, and the same providerReference.",
        "vi": "Liệt kê đầy đủ các tệp đã gửi trong tệp chứng thực, đúng giá trị SHA-256, kích thước và cùng providerReference."
      }
    },
    "CONVERSION_LOG_INVALID": {
      "status": 422,
      "stage": "SIGNATURE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "SIGNATURE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 9.2.a; Law on Electronic Transactions 2023 Art. 12",
      "title": {
        "en": "Conversion log is invalid",
        "vi": "Nhật ký chuyển đổi không hợp lệ"
      },
      "fix": {
        "en": "Name the converting person or organisation, and give the sealed file's exact SHA-256, size and page count and a timestamped seal signature.",
        "vi": "Ghi rõ người hoặc tổ chức thực hiện chuyển đổi, giá trị SHA-256, kích thước, số trang chính xác của tệp và chữ ký số niêm phong có dấu thời gian."
      }
    },
    "IDENTITY_NOT_FOUND": {
      "status": 422,
      "stage": "IDENTITY",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
      "title": {
        "en": "Identity not found in the National Population Database",
        "vi": "Không tìm thấy thông tin định danh trong Cơ sở dữ liệu quốc gia về dân cư"
      },
      "fix": {
        "en": "Check the identity document type and number of the employee.",
        "vi": "Kiểm tra lại loại và số giấy tờ tùy thân của người lao động."
      }
    },
    "IDENTITY_MISMATCH": {
      "status": 422,
      "stage": "IDENTITY",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
      "title": {
        "en": "Identity data differ from the National Population Database",
        "vi": "Thông tin nhân thân không khớp với Cơ sở dữ liệu quốc gia về dân cư"
      },
      "fix": {
        "en": "The full name, date of birth or sex differ from the National Population Database; correct them as in the citizen's ID card.",
        "vi": "Họ tên, ngày sinh hoặc giới tính khác với Cơ sở dữ liệu quốc gia về dân cư; hãy sửa lại theo đúng thẻ căn cước."
      }
    },
    "EMPLOYER_NOT_FOUND": {
      "status": 422,
      "stage": "IDENTITY",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
      "title": {
        "en": "Employer's tax code not found in the National Business Registration Portal",
        "vi": "Không tìm thấy mã số thuế của người sử dụng lao động trên Cổng thông tin quốc gia về đăng ký doanh nghiệp"
      },
      "fix": {
        "en": "Check the employer's enterprise/tax code (10 digits, or 10-3 for a branch).",
        "vi": "Kiểm tra lại mã số doanh nghiệp/mã số thuế của người sử dụng lao động (10 chữ số, hoặc 10-3 với chi nhánh)."
      }
    },
    "EMPLOYER_MISMATCH": {
      "status": 422,
      "stage": "IDENTITY",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
      "title": {
        "en": "Employer's name differs from the National Business Registration Portal",
        "vi": "Tên người sử dụng lao động không khớp với Cổng thông tin quốc gia về đăng ký doanh nghiệp"
      },
      "fix": {
        "en": "Write the employer's name as in its certificate of enterprise registration.",
        "vi": "Ghi tên người sử dụng lao động đúng như trên giấy chứng nhận đăng ký doanh nghiệp."
      }
    },
    "EMPLOYER_INACTIVE": {
      "status": 422,
      "stage": "IDENTITY",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 7.1.d, 13.2.d",
      "title": {
        "en": "Employer is not active in the National Business Registration Portal",
        "vi": "Người sử dụng lao động không ở trạng thái đang hoạt động trên Cổng thông tin quốc gia về đăng ký doanh nghiệp"
      },
      "fix": {
        "en": "The enterprise is suspended, being dissolved, dissolved or its registration revoked; check the tax code, or submit once it is active again.",
        "vi": "Doanh nghiệp đang tạm ngừng kinh doanh, đang giải thể, đã giải thể hoặc bị thu hồi giấy chứng nhận đăng ký; kiểm tra lại mã số thuế hoặc gửi lại khi doanh nghiệp hoạt động trở lại."
      }
    },
    "IDENTITY_REGISTRY_UNAVAILABLE": {
      "status": 503,
      "stage": "IDENTITY",
      "action": "RETRY",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "title": {
        "en": "Identity registry temporarily unavailable",
        "vi": "Cơ sở dữ liệu quốc gia về dân cư hoặc Cổng thông tin quốc gia về đăng ký doanh nghiệp tạm thời không phản hồi"
      },
      "fix": {
        "en": "The National Population Database or the National Business Registration Portal did not answer; the Platform checks again later, or submit the same package again later.",
        "vi": "Cơ sở dữ liệu quốc gia về dân cư hoặc Cổng thông tin quốc gia về đăng ký doanh nghiệp chưa phản hồi; Nền tảng sẽ tự kiểm tra lại sau, hoặc hãy gửi lại nguyên hồ sơ sau."
      }
    },
    "LIFECYCLE_TRANSITION_INVALID": {
      "status": 409,
      "stage": "LIFECYCLE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 9; Labor Code 2019 Art. 30, 31, 34",
      "title": {
        "en": "Not allowed in the contract's current state",
        "vi": "Không thực hiện được ở trạng thái hiện tại của hợp đồng"
      },
      "fix": {
        "en": "Check the contract state (GET /v1/contracts/{contractId}); for example a terminated contract cannot be amended, and only a suspended one can be resumed.",
        "vi": "Kiểm tra trạng thái hợp đồng (GET /v1/contracts/{contractId}); ví dụ hợp đồng đã chấm dứt thì không thể sửa đổi, chỉ hợp đồng đang tạm hoãn mới có thể tiếp tục thực hiện."
      }
    },
    "CONTRACT_NOT_CONVERTED": {
      "status": 409,
      "stage": "LIFECYCLE",
      "action": "FIX_AND_RESUBMIT",
      "failureClass": "BUSINESS",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 9.2",
      "title": {
        "en": "Paper contract not converted yet",
        "vi": "Hợp đồng giấy chưa được chuyển đổi"
      },
      "fix": {
        "en": "Convert the paper contract (with its earlier amendments) and submit it with POST /v1/converted-paper-contracts first; attach e-documents to the ID it gets.",
        "vi": "Chuyển đổi hợp đồng giấy (kể cả các nội dung sửa đổi, bổ sung trước đó) và gửi qua POST /v1/converted-paper-contracts trước; sau đó gắn văn bản điện tử vào ID được cấp."
      }
    },
    "PROVIDER_SUSPENDED": {
      "status": 403,
      "stage": "PROVIDER_STATUS",
      "action": "EXPLAIN_AND_WAIT",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform F38, F39",
      "title": {
        "en": "Provider connection suspended",
        "vi": "Kết nối của nhà cung cấp đang bị tạm ngừng"
      },
      "fix": {
        "en": "Your connection is suspended; read the Ministry's notice, send an explanation and wait for it to be restored.",
        "vi": "Kết nối của bạn đang bị tạm ngừng; hãy đọc thông báo của Bộ Nội vụ, gửi giải trình và chờ khôi phục kết nối."
      }
    },
    "PROVIDER_DISCONNECTED": {
      "status": 403,
      "stage": "PROVIDER_STATUS",
      "action": "NONE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform F38, F39",
      "title": {
        "en": "Provider disconnected",
        "vi": "Nhà cung cấp đã bị ngừng kết nối"
      },
      "fix": {
        "en": "Your connection was terminated; contact the Ministry of Home Affairs.",
        "vi": "Kết nối của bạn đã bị chấm dứt; hãy liên hệ Bộ Nội vụ."
      }
    },
    "ROUTE_NOT_FOUND": {
      "status": 404,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.0.0",
      "title": {
        "en": "No such operation",
        "vi": "Không có thao tác này"
      },
      "fix": {
        "en": "Check the method and path against the API reference at /docs.",
        "vi": "Kiểm tra phương thức và đường dẫn theo tài liệu API tại /docs."
      }
    },
    "SANDBOX_ONLY": {
      "status": 403,
      "stage": "PLATFORM",
      "action": "NONE",
      "since": "1.0.0",
      "legalBasis": "Decision on the Platform S2.4 (test environment)",
      "title": {
        "en": "Available in the sandbox only",
        "vi": "Chỉ dùng được trong môi trường thử nghiệm"
      },
      "fix": {
        "en": "This operation exists for integration tests; call it on the sandbox Platform.",
        "vi": "Thao tác này chỉ phục vụ kiểm thử tích hợp; hãy gọi trên Nền tảng thử nghiệm."
      }
    },
    "SERVICE_UNAVAILABLE": {
      "status": 503,
      "stage": "PLATFORM",
      "action": "RETRY",
      "since": "1.0.0",
      "title": {
        "en": "Service temporarily unavailable",
        "vi": "Dịch vụ tạm thời không khả dụng"
      },
      "fix": {
        "en": "Retry after the number of seconds in Retry-After, with the same Idempotency-Key.",
        "vi": "Thử lại sau số giây ghi trong Retry-After, với cùng Idempotency-Key."
      }
    },
    "SUBMISSION_LATE": {
      "status": 200,
      "severity": "WARNING",
      "stage": "LABOR_RULES",
      "action": "NONE",
      "since": "1.0.0",
      "legalBasis": "Decree 337/2025 Art. 7.3, 25.2 (the Platform's 24-hour rule)",
      "title": {
        "en": "Submitted more than 24 hours after the last signature",
        "vi": "Hồ sơ được gửi muộn hơn 24 giờ kể từ thời điểm bên cuối cùng ký"
      },
      "fix": {
        "en": "The contract was accepted and flagged late; send contracts to the Platform within 24 hours of the last signature.",
        "vi": "Hợp đồng vẫn được tiếp nhận nhưng bị đánh dấu gửi muộn; hãy gửi hợp đồng lên Nền tảng trong vòng 24 giờ kể từ thời điểm bên cuối cùng ký."
      }
    },
    "EXPLANATION_NOT_FOUND": {
      "status": 404,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "title": {
        "en": "Explanation not found",
        "vi": "Không tìm thấy giải trình"
      },
      "fix": {
        "en": "Check the explanation id; a provider can only read its own explanations.",
        "vi": "Kiểm tra lại mã giải trình; nhà cung cấp chỉ xem được giải trình của chính mình."
      }
    },
    "PROVIDER_NOT_FOUND": {
      "status": 404,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "title": {
        "en": "Provider not found",
        "vi": "Không tìm thấy nhà cung cấp"
      },
      "fix": {
        "en": "Check the provider id; a provider can only read its own profile.",
        "vi": "Kiểm tra lại mã nhà cung cấp; nhà cung cấp chỉ xem được hồ sơ của chính mình."
      }
    },
    "TRANSACTION_NOT_AWAITING_EXPLANATION": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "legalBasis": "Decision on the Platform F36",
      "title": {
        "en": "Transaction not awaiting an explanation",
        "vi": "Giao dịch không ở trạng thái chờ giải trình"
      },
      "fix": {
        "en": "Explain only FAILED transactions whose explanationStatus is AWAITING_EXPLANATION or REJECTED; a pending explanation already covers the others.",
        "vi": "Chỉ giải trình các giao dịch FAILED có explanationStatus là AWAITING_EXPLANATION hoặc REJECTED; các giao dịch còn lại đã có giải trình đang chờ duyệt."
      }
    },
    "EXPLANATION_ALREADY_DECIDED": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "legalBasis": "Decision on the Platform F37",
      "title": {
        "en": "Explanation already decided",
        "vi": "Giải trình đã được xử lý"
      },
      "fix": {
        "en": "A decision is final; the provider can submit a new explanation for rejected transactions.",
        "vi": "Quyết định đã là cuối cùng; nhà cung cấp có thể gửi giải trình mới cho các giao dịch bị từ chối."
      }
    },
    "REPUSH_NOT_APPROVED": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "EXPLAIN_AND_WAIT",
      "since": "1.1.0",
      "legalBasis": "Decision on the Platform F36, F37",
      "title": {
        "en": "Re-push not approved",
        "vi": "Chưa được phê duyệt đẩy lại"
      },
      "fix": {
        "en": "Submit an explanation for the failed transaction (POST /v1/explanations) and push it again only after an operator approves it.",
        "vi": "Gửi giải trình cho giao dịch lỗi (POST /v1/explanations) và chỉ đẩy lại sau khi cán bộ vận hành phê duyệt."
      }
    },
    "PROVIDER_STATUS_TRANSITION_INVALID": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 15.4; Decision on the Platform N8, F12",
      "title": {
        "en": "Provider status change not allowed",
        "vi": "Không được phép chuyển trạng thái nhà cung cấp"
      },
      "fix": {
        "en": "A SUSPENDED provider can be restored or disconnected; a DISCONNECTED provider stays disconnected and must register again.",
        "vi": "Nhà cung cấp đang tạm ngừng có thể được khôi phục hoặc ngừng kết nối; nhà cung cấp đã ngừng kết nối phải đăng ký lại."
      }
    },
    "PROVIDER_REPORT_NOT_FOUND": {
      "status": 404,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "title": {
        "en": "Monthly report not found",
        "vi": "Không tìm thấy báo cáo định kỳ"
      },
      "fix": {
        "en": "Check the report id; a provider can only read its own monthly reports.",
        "vi": "Kiểm tra lại mã báo cáo; nhà cung cấp chỉ xem được báo cáo định kỳ của chính mình."
      }
    },
    "PROVIDER_REPORT_CONFLICT": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 25.6; Decision on the Platform F33",
      "title": {
        "en": "Monthly report already sent with other content",
        "vi": "Báo cáo tháng đã được gửi với nội dung khác"
      },
      "fix": {
        "en": "To correct the report, send it again in full with replacesVersion set to its latest version (see listProviderReports).",
        "vi": "Để sửa báo cáo, gửi lại toàn bộ báo cáo với replacesVersion là phiên bản mới nhất của báo cáo (xem listProviderReports)."
      }
    },
    "REPORTING_PERIOD_NOT_ENDED": {
      "status": 409,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "legalBasis": "Decree 337/2025 Art. 25.6; Decision on the Platform F33, F38",
      "title": {
        "en": "The month has not ended yet",
        "vi": "Tháng báo cáo chưa kết thúc"
      },
      "fix": {
        "en": "A month is reported on once it has ended (00:00 on the 1st of the next month, Vietnam time); send it then.",
        "vi": "Chỉ báo cáo về một tháng khi tháng đó đã kết thúc (00:00 ngày 01 tháng sau, giờ Việt Nam); vui lòng gửi sau thời điểm đó."
      }
    },
    "ATTACHMENT_DIGEST_MISMATCH": {
      "status": 422,
      "stage": "OPERATIONS",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.1.0",
      "title": {
        "en": "Attachment does not match its SHA-256",
        "vi": "Tệp đính kèm không khớp với mã băm SHA-256"
      },
      "fix": {
        "en": "Compute the SHA-256 of the exact file bytes (lowercase hex) and send the file again with it.",
        "vi": "Tính SHA-256 trên đúng các byte của tệp (dạng hex chữ thường) rồi gửi lại tệp kèm mã băm đó."
      }
    },
    "VIOLATION_REPORT_NOT_FOUND": {
      "status": 404,
      "stage": "OPERATIONS",
      "action": "NONE",
      "since": "1.1.0",
      "title": {
        "en": "Violations report not found",
        "vi": "Không tìm thấy báo cáo vi phạm"
      },
      "fix": {
        "en": "Check the report id and the provider id; only providers with a violation have a line in the report.",
        "vi": "Kiểm tra lại mã báo cáo và mã nhà cung cấp; chỉ nhà cung cấp có vi phạm mới có dòng trong báo cáo."
      }
    },
    "IP_NOT_ALLOWED": {
      "status": 403,
      "stage": "AUTH_TRANSPORT",
      "action": "FIX_AND_RESUBMIT",
      "since": "1.1.0",
      "legalBasis": "Decision on the Platform N8 (provider technical info), T16",
      "title": {
        "en": "Address not in the IP allow-list",
        "vi": "Địa chỉ IP không nằm trong danh sách được phép"
      },
      "fix": {
        "en": "Call from an address in your registered IP allow-list, or ask the Ministry of Home Affairs to update the list.",
        "vi": "Gọi từ một địa chỉ thuộc danh sách IP đã đăng ký, hoặc đề nghị Bộ Nội vụ cập nhật danh sách này."
      }
    },
    "PROCESSING_FAILED": {
      "status": 500,
      "stage": "PLATFORM",
      "action": "RETRY",
      "since": "1.1.0",
      "title": {
        "en": "The Platform could not process the submission",
        "vi": "Nền tảng không xử lý được hồ sơ"
      },
      "fix": {
        "en": "The failure is on the Platform's side, not in your submission; send the same package again later (it is accepted as new work), and report the transactionId if it persists.",
        "vi": "Lỗi phát sinh từ phía Nền tảng, không phải do hồ sơ của bạn; hãy gửi lại nguyên hồ sơ sau (hồ sơ được tiếp nhận xử lý lại) và báo mã giao dịch nếu lỗi còn tiếp diễn."
      }
    }
  }
} as const;

export type ErrorCode = keyof typeof errorCatalog.codes;
