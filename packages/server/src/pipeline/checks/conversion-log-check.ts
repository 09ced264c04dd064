import { createHash } from 'node:crypto';
import { countPages } from '@hdld/sdk';
import type { Schemas } from '@hdld/spec';
import { CheckFailure, type Finding, item } from '../check-outcome.js';

/**
 * Decree Art. 9.2 / DOMAIN.md core flow step 3: the conversion log must describe the sealed scan
 * it came with (hash, size, pages), name who converted it, and confirm it matches the original.
 */
export async function checkConversionLog(
  log: Schemas['ConversionLog'],
  scan: Uint8Array,
  sealSignerSha256s: readonly string[],
): Promise<void> {
  const findings: Finding[] = [];
  const wrong = (field: string, en: string, vi: string) =>
    findings.push(item('CONVERSION_LOG_INVALID', { en, vi }, `/conversionLog/${field}`));
  if (log.sha256 !== createHash('sha256').update(scan).digest('hex')) {
    wrong(
      'sha256',
      'sha256 is not the SHA-256 of the sealed scan.',
      'sha256 không khớp với bản quét đã niêm phong.',
    );
  }
  if (log.fileSize !== scan.length)
    wrong(
      'fileSize',
      'fileSize is not the size of the sealed scan.',
      'fileSize không khớp với kích thước tệp.',
    );
  if (log.pageCount !== (await countPages(scan)))
    wrong('pageCount', 'pageCount differs from the scan.', 'pageCount không khớp với số trang.');
  if (!sealSignerSha256s.includes(log.sealSignature.signerCertificateSha256)) {
    wrong(
      'sealSignature/signerCertificateSha256',
      'The seal was not made with the certificate the log names.',
      'Chữ ký niêm phong không dùng chứng thư số ghi trong nhật ký chuyển đổi.',
    );
  }
  if (!log.personName && !log.organisationName) {
    wrong(
      'personName',
      'Name the converting person or organisation.',
      'Phải ghi tên người hoặc tổ chức chuyển đổi.',
    );
  }
  if (findings.length > 0) throw new CheckFailure('FILE', findings);
}
