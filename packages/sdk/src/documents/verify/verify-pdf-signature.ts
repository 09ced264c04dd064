import { ALGORITHM_OID } from './asn1/algorithm-oids.js';
import { DerError, encodingOf } from './asn1/der-reader.js';
import { parseSignedData, type SignedData, type SignerInfo } from './asn1/signed-data.js';
import { checkSignerInfo } from './cms/signer-info-check.js';
import { checkTimestampToken, type TimestampCheck } from './cms/timestamp-check.js';
import type { DigestSource } from './crypto/verify-crypto.js';
import type { VerifyOptions } from './options.js';
import { isPdfWhitespace } from './pdf/byte-search.js';
import { changesAfter, type SkippedRanges } from './pdf/revision-changes.js';
import type { ByteRange, SignatureDictionary } from './pdf/signature-dictionaries.js';
import { buildPath, checkPath } from './pki/certificate-chain.js';
import { type KnownCertificate, summarizeCertificate } from './pki/known-certificate.js';
import { checkRevocation } from './pki/revocation.js';
import type { AnchorSet } from './pki/trust-anchors.js';
import { type Finding, finding, type NoteCode, outcomeOf, type SignatureReport } from './report.js';

export interface SignatureContext {
  pdf: Uint8Array;
  caAnchors: AnchorSet;
  tsaAnchors: AnchorSet;
  options: VerifyOptions;
  validationTime: Date;
  /** The hex digits of every well-formed /Contents (not scanned for changes after signing). */
  contentsHex: SkippedRanges;
  /** What each ByteRange's digest is computed from (the file's ranges are hashed together). */
  signedContent(range: ByteRange): DigestSource;
}

const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161';

/** Verifies one PAdES signature (or document timestamp) found in the file; never throws on bad input. */
export async function verifyPdfSignature(
  index: number,
  dictionary: SignatureDictionary,
  context: SignatureContext,
): Promise<SignatureReport> {
  const { pdf } = context;
  const [start, firstLength, gapEnd, secondLength] = dictionary.byteRange;
  let end = pdf.byteLength;
  while (end > 0 && isPdfWhitespace(pdf[end - 1])) end--;
  const signedEnd = gapEnd + secondLength;
  const report: SignatureReport = {
    index,
    indication: 'TOTAL_PASSED',
    findings: [],
    notes: [],
    chain: [],
    byteRange: dictionary.byteRange,
    coverage: {
      wholeDocument: start === 0 && signedEnd >= end,
      signedBytes: firstLength + secondLength,
      totalBytes: pdf.byteLength,
    },
    changesAfterSigning: [],
  };
  if (dictionary.subFilter) report.subFilter = dictionary.subFilter;
  const findings: Finding[] = [];
  const notes = new Set<NoteCode>();
  if (dictionary.problems.length > 0 || !dictionary.contents) {
    findings.push(
      finding(
        'SIGNATURE_BYTERANGE_INVALID',
        'TOTAL_FAILED',
        'FORMAT_FAILURE',
        dictionary.problems.join('; '),
      ),
    );
    return { ...report, ...outcomeOf(findings), findings };
  }
  const signedParts = context.signedContent(dictionary.byteRange);
  const isDocumentTimestamp =
    dictionary.subFilter === DOCUMENT_TIMESTAMP || dictionary.type === 'DocTimeStamp';
  const [core, changes] = await Promise.all([
    isDocumentTimestamp
      ? verifyDocumentTimestamp(dictionary.contents, signedParts, context)
      : verifyCadesSignature(dictionary.contents, signedParts, context),
    changesAfter(pdf, signedEnd, context.contentsHex),
  ]);
  findings.push(...core.findings);
  for (const note of core.notes) notes.add(note);
  if (changes.length > 0) {
    const kinds = [...new Set(changes.map((c) => c.kind))].join(', ');
    findings.push(
      finding(
        'SIGNATURE_MODIFIED_AFTER_SIGNING',
        'TOTAL_FAILED',
        'FORMAT_FAILURE',
        `document changed after signing: ${kinds}`,
      ),
    );
  }
  return {
    ...report,
    ...core.report,
    changesAfterSigning: changes,
    findings,
    notes: [...notes],
    ...outcomeOf(findings),
  };
}

interface CoreResult {
  findings: Finding[];
  notes: NoteCode[];
  report: Partial<SignatureReport>;
}

function parseCms(contents: Uint8Array): SignedData | Finding {
  try {
    return parseSignedData(contents);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return finding('SIGNATURE_INVALID', 'TOTAL_FAILED', 'FORMAT_FAILURE', error.message);
  }
}

async function verifyCadesSignature(
  contents: Uint8Array,
  signedParts: DigestSource,
  context: SignatureContext,
): Promise<CoreResult> {
  const signedData = parseCms(contents);
  if (!('signerInfos' in signedData)) return { findings: [signedData], notes: [], report: {} };
  // The timestamp check only needs the parsed signature value, so it runs alongside the CMS check.
  const parsedInfo = signedData.signerInfos.length === 1 ? signedData.signerInfos[0] : undefined;
  const [cms, stamp] = await Promise.all([
    checkSignerInfo(signedData, signedParts, {
      invalid: 'SIGNATURE_INVALID',
      digestMismatch: 'SIGNATURE_DIGEST_MISMATCH',
    }),
    parsedInfo ? checkSignatureTimestampOf(parsedInfo, context) : undefined,
  ]);
  const findings = [...cms.findings];
  const notes: NoteCode[] = [];
  const report: Partial<SignatureReport> = {};
  if (!cms.signer || !cms.signerInfo) return { findings, notes, report };
  report.signer = summarizeCertificate(cms.signer);

  const timestampFindings: Finding[] = [];
  let provenTime: Date | undefined;
  if (stamp) {
    timestampFindings.push(...stamp.findings);
    notes.push(...stamp.notes);
    if (stamp.summary) report.timestamp = stamp.summary;
    if (stamp.summary?.valid) provenTime = stamp.summary.time;
  } else if (context.options.requireTimestamp) {
    timestampFindings.push(
      finding(
        'TIMESTAMP_MISSING',
        'INDETERMINATE',
        'SIG_CONSTRAINTS_FAILURE',
        'no signature timestamp (PAdES B-T required)',
      ),
    );
  }
  if (provenTime) report.signingTime = provenTime;
  else notes.push('SIGNING_TIME_UNPROVEN');
  const trust = await checkSignerTrust(cms.signer, cms.embedded, provenTime, context);
  // The signer's own certificate problems are more decisive than the timestamp's, so they come first.
  findings.push(...trust.findings, ...timestampFindings);
  notes.push(...trust.notes);
  report.chain = trust.chain;
  return { findings, notes: [...new Set(notes)], report };
}

function checkSignatureTimestampOf(
  signerInfo: SignerInfo,
  context: SignatureContext,
): Promise<TimestampCheck> | undefined {
  const token = signerInfo.unsignedAttributes.find((a) => a.oid === ALGORITHM_OID.signatureTimeStampToken)
    ?.values[0];
  if (!token) return undefined;
  return checkTimestampToken(encodingOf(token), [signerInfo.signature], context.tsaAnchors, context.options);
}

async function checkSignerTrust(
  signer: KnownCertificate,
  embedded: readonly KnownCertificate[],
  provenTime: Date | undefined,
  context: SignatureContext,
): Promise<{ findings: Finding[]; notes: NoteCode[]; chain: SignatureReport['chain'] }> {
  const path = await buildPath(signer, embedded, context.caAnchors);
  if (!path) {
    return {
      findings: [
        finding(
          'CERTIFICATE_UNTRUSTED',
          'INDETERMINATE',
          'NO_CERTIFICATE_CHAIN_FOUND',
          'signer certificate does not chain to a CA trust anchor',
        ),
      ],
      notes: [],
      chain: [],
    };
  }
  const time = provenTime ?? context.validationTime;
  const revocation = await checkRevocation(path, time, provenTime !== undefined, context.options);
  return {
    findings: [...checkPath(path, 'signature', time, provenTime !== undefined), ...revocation.findings],
    notes: revocation.notes,
    chain: path.map(summarizeCertificate),
  };
}

/** A PDF document timestamp (ETSI.RFC3161): the token's imprint covers the ByteRange directly. */
async function verifyDocumentTimestamp(
  contents: Uint8Array,
  signedParts: DigestSource,
  context: SignatureContext,
): Promise<CoreResult> {
  const stamp = await checkTimestampToken(contents, signedParts, context.tsaAnchors, context.options);
  const report: Partial<SignatureReport> = {};
  if (stamp.summary) {
    report.timestamp = stamp.summary;
    if (stamp.summary.tsa) report.signer = stamp.summary.tsa;
    if (stamp.summary.valid) report.signingTime = stamp.summary.time;
  }
  return { findings: stamp.findings, notes: stamp.notes, report };
}
