import { bytesEqual } from '../../cms/bytes.js';
import { hashByOid } from '../asn1/algorithm-oids.js';
import { DerError } from '../asn1/der-reader.js';
import { parseTimestampToken, type TimestampToken } from '../asn1/tst-info.js';
import { type DigestSource, digestOf } from '../crypto/verify-crypto.js';
import { buildPath, checkPath } from '../pki/certificate-chain.js';
import { type KnownCertificate, summarizeCertificate } from '../pki/known-certificate.js';
import { checkRevocation, type RevocationOptions } from '../pki/revocation.js';
import type { AnchorSet } from '../pki/trust-anchors.js';
import { type Finding, finding, type NoteCode, type TimestampSummary } from '../report.js';
import { checkSignerInfo } from './signer-info-check.js';

export interface TimestampCheck {
  summary?: TimestampSummary;
  findings: Finding[];
  notes: NoteCode[];
}

/** TSA chain problems keep their sub-indication but report as the timestamp's trust failure (except transient ones). */
const asTimestampFinding = (f: Finding): Finding =>
  f.code === 'REVOCATION_UNAVAILABLE' ? f : { ...f, code: 'TIMESTAMP_UNTRUSTED' };

/**
 * Verifies an RFC 3161 token over `stamped` (for id-aa-signatureTimeStampToken: the SignerInfo signature
 * value; for a PDF document timestamp: the ByteRange): the imprint, the token's own CMS signature and ESSCertID, the TSA certificate's
 * timeStamping EKU and its chain to the TSA anchors at genTime (F8: "timestamps attached to each signature").
 */
export async function checkTimestampToken(
  tokenDer: Uint8Array,
  stamped: DigestSource,
  anchors: AnchorSet,
  revocation: RevocationOptions,
): Promise<TimestampCheck> {
  let token: TimestampToken;
  try {
    token = parseTimestampToken(tokenDer);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return {
      findings: [finding('TIMESTAMP_INVALID', 'TOTAL_FAILED', 'FORMAT_FAILURE', error.message)],
      notes: [],
    };
  }
  const { tstInfo } = token;
  const findings: Finding[] = [];
  const imprintHash = hashByOid(tstInfo.imprintAlgorithm.oid);
  if (!imprintHash || !bytesEqual(tstInfo.imprint, await digestOf(stamped, imprintHash))) {
    findings.push(
      finding(
        'TIMESTAMP_INVALID',
        'TOTAL_FAILED',
        'HASH_FAILURE',
        'timestamp imprint does not match the stamped data',
      ),
    );
  }
  const cms = await checkSignerInfo(
    token.signedData,
    [token.tstInfoDer],
    { invalid: 'TIMESTAMP_INVALID', digestMismatch: 'TIMESTAMP_INVALID' },
    { acceptEssCertIdV1: true },
  );
  findings.push(...cms.findings);
  let notes: NoteCode[] = [];
  const summary: TimestampSummary = {
    time: tstInfo.genTime,
    serialNumber: tstInfo.serialNumberHex,
    policy: tstInfo.policy,
    valid: false,
  };
  if (cms.signer) {
    summary.tsa = summarizeCertificate(cms.signer);
    const trust = await checkTsaTrust(cms.signer, cms.embedded, anchors, tstInfo.genTime, revocation);
    findings.push(...trust.findings);
    notes = trust.notes;
  }
  summary.valid = findings.length === 0;
  return { summary, findings, notes };
}

async function checkTsaTrust(
  tsa: KnownCertificate,
  embedded: readonly KnownCertificate[],
  anchors: AnchorSet,
  genTime: Date,
  revocation: RevocationOptions,
): Promise<{ findings: Finding[]; notes: NoteCode[] }> {
  const path = await buildPath(tsa, embedded, anchors);
  if (!path) {
    return {
      findings: [
        finding(
          'TIMESTAMP_UNTRUSTED',
          'INDETERMINATE',
          'NO_CERTIFICATE_CHAIN_FOUND',
          'TSA certificate does not chain to a TSA trust anchor',
        ),
      ],
      notes: [],
    };
  }
  const revoked = await checkRevocation(path, genTime, true, revocation);
  return {
    findings: [...checkPath(path, 'timestamping', genTime, true), ...revoked.findings].map(
      asTimestampFinding,
    ),
    notes: revoked.notes,
  };
}
