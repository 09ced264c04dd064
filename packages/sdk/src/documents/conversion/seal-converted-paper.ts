import { PDFDocument } from 'pdf-lib';
import { sha256, toHex } from '../cms/bytes.js';
import { certificateSha256 } from '../cms/certificate-identity.js';
import { OID } from '../cms/oids.js';
import { readSignedData } from '../cms/signed-data-reader.js';
import { type SignPdfOptions, signPdfRevision } from '../signing/sign-pdf.js';
import { type Signer, signerCertificate } from '../signing/signer.js';
import type { TimestampAuthority } from '../signing/timestamp-client.js';
import { readTimestampToken } from '../signing/timestamp-token.js';
import { type ConversionLog, ConversionLogSchema } from './conversion-log.js';

export interface ConverterInfo {
  /** Name (and version) of the converting system or software. */
  system: string;
  personName?: string;
  personTitle?: string;
  organisationName?: string;
}

export interface SealConvertedPaperOptions
  extends Pick<SignPdfOptions, 'timestamp' | 'clock' | 'placeholderSize' | 'fieldName' | 'location'> {
  /** The seal must be timestamped (Art. 9.2: digital signature with a timestamp). */
  tsa: TimestampAuthority;
  converter: ConverterInfo;
  /** The operator's confirmation that the converted copy was checked against the paper original. */
  checkedMatchesOriginal: true;
}

export interface SealedConversion {
  /** The scan sealed with the organisation's PAdES B-T signature: the file to submit. */
  pdf: Uint8Array;
  /** Describes `pdf` (its size, page count and SHA-256). */
  conversionLog: ConversionLog;
}

/**
 * Seals a scanned paper contract with the converting organisation's timestamped signature and produces the
 * conversion log the Platform requires before an ID is issued (DOMAIN.md core flow step 3, Decree Art. 9.2).
 */
export async function sealConvertedPaper(
  scannedPdf: Uint8Array,
  organisationSigner: Signer,
  options: SealConvertedPaperOptions,
): Promise<SealedConversion> {
  const { converter } = options;
  if (options.checkedMatchesOriginal !== true) {
    throw new Error(
      'The converted copy must be checked against the paper original first / ' +
        'Bản chuyển đổi phải được đối chiếu khớp với bản giấy gốc trước khi niêm phong',
    );
  }
  if (!converter.personName && !converter.organisationName) {
    throw new Error(
      'Name the person or the organisation that converted the contract / ' +
        'Phải ghi tên người hoặc tổ chức thực hiện chuyển đổi',
    );
  }
  const pageCount = await countPages(scannedPdf);
  const completedAt = (options.clock ?? (() => new Date()))();
  const { pdf, cms } = await signPdfRevision(scannedPdf, organisationSigner, {
    ...options,
    clock: () => completedAt,
    reason: 'Chuyển đổi từ bản giấy / Converted from the paper original',
    signerName: converter.organisationName ?? converter.personName,
  });
  const [token] = readSignedData(cms).signerInfos[0]!.unsignedAttributeValues(OID.signatureTimeStampToken);
  const conversionLog = ConversionLogSchema.parse({
    system: converter.system,
    personName: converter.personName,
    personTitle: converter.personTitle,
    organisationName: converter.organisationName,
    completedAt: completedAt.toISOString(),
    fileFormat: 'application/pdf',
    fileSize: pdf.byteLength,
    pageCount,
    sha256: toHex(await sha256(pdf)),
    sealSignature: {
      signerCertificateSha256: toHex(await certificateSha256(signerCertificate(organisationSigner))),
      timestampedAt: readTimestampToken(token!).genTime.toISOString(),
    },
    matchesOriginal: true,
  });
  return { pdf, conversionLog };
}

async function countPages(pdf: Uint8Array): Promise<number> {
  try {
    return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  } catch (error) {
    throw new Error(
      `The scan is not a readable PDF / Tệp quét không phải PDF hợp lệ: ${(error as Error).message}`,
    );
  }
}
