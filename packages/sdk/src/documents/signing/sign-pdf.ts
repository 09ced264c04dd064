import { concatBytes, sha256 } from '../cms/bytes.js';
import { OID } from '../cms/oids.js';
import { createCadesSignature } from './cades-signature.js';
import { appendRevision } from './pdf-incremental-writer.js';
import { readPreviousRevision } from './pdf-previous-revision.js';
import { fillContents, fixByteRange, signatureDictionary } from './pdf-signature-dictionary.js';
import { planSignatureField, type SignatureFieldOptions } from './pdf-signature-field.js';
import type { Signer } from './signer.js';
import type { TimestampAuthority, TimestampOptions } from './timestamp-client.js';

/** 16 KiB of DER (32 KiB of hex): RSA-4096 chains with intermediates plus a timestamp token fit comfortably. */
export const DEFAULT_PLACEHOLDER_BYTES = 16 * 1024;

export interface SignPdfOptions extends SignatureFieldOptions {
  /** With a TSA the signature is PAdES B-T (N2: timestamped party signatures), without one B-B. */
  tsa?: TimestampAuthority;
  /** Timestamp request options (inject `randomBytes` for a reproducible nonce). */
  timestamp?: TimestampOptions;
  /** Time written as the signature dictionary /M; inject for reproducible output. Default: now. */
  clock?: () => Date;
  /** Bytes reserved for the CMS signature; default DEFAULT_PLACEHOLDER_BYTES. */
  placeholderSize?: number;
  signerName?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
}

export interface SignedPdfRevision {
  pdf: Uint8Array;
  fieldName: string;
  byteRange: [number, number, number, number];
  /** The DER CMS written into /Contents (without padding). */
  cms: Uint8Array;
  signatureValue: Uint8Array;
}

/**
 * Signs a PDF as PAdES baseline B-B or B-T (SubFilter ETSI.CAdES.detached, SHA-256) in a new incremental
 * revision, so every earlier signature stays valid: call it once per party, in signing order (Decree Art. 8).
 */
export async function signPdfRevision(
  pdf: Uint8Array,
  signer: Signer,
  options: SignPdfOptions = {},
): Promise<SignedPdfRevision> {
  const previous = readPreviousRevision(pdf);
  const placeholderBytes = options.placeholderSize ?? DEFAULT_PLACEHOLDER_BYTES;
  const signingTime = (options.clock ?? (() => new Date()))();
  const dictionary = signatureDictionary({
    placeholderBytes,
    signingTime,
    signerName: options.signerName,
    reason: options.reason,
    location: options.location,
    contactInfo: options.contactInfo,
  });
  const plan = await planSignatureField(pdf, previous, dictionary, signingTime, options);
  const output = appendRevision(pdf, previous, plan.objects, { entries: plan.trailerEntries });
  const placeholder = fixByteRange(output, pdf.byteLength);
  const [, start, end] = placeholder.byteRange;
  const { contentInfo, signatureValue } = await createCadesSignature({
    signer,
    contentType: OID.data,
    contentDigest: await sha256(concatBytes([output.subarray(0, start), output.subarray(end)])),
    tsa: options.tsa,
    timestamp: options.timestamp,
  });
  fillContents(output, placeholder, contentInfo);
  return {
    pdf: output,
    fieldName: plan.fieldName,
    byteRange: placeholder.byteRange,
    cms: contentInfo,
    signatureValue,
  };
}

/** `signPdfRevision` returning only the signed PDF bytes. */
export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  options: SignPdfOptions = {},
): Promise<Uint8Array> {
  return (await signPdfRevision(pdf, signer, options)).pdf;
}
