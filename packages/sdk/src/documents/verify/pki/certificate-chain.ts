import { bytesEqual } from '../../cms/bytes.js';
import { ALGORITHM_OID } from '../asn1/algorithm-oids.js';
import { KEY_USAGE } from '../asn1/certificate.js';
import { BoundedCache } from '../crypto/bounded-cache.js';
import { verifySignature } from '../crypto/verify-crypto.js';
import { type Finding, finding } from '../report.js';
import type { KnownCertificate } from './known-certificate.js';
import type { AnchorSet } from './trust-anchors.js';

/** What the end-entity certificate is used for; each purpose has its own keyUsage/EKU rule. */
export type CertificatePurpose = 'signature' | 'timestamping';

const MAX_PATH = 8;

/** "child is signed by issuer's key": a pure fact, cached by both fingerprints across verifications. */
const links = new BoundedCache<Promise<boolean>>(2048);

function isSignedBy(child: KnownCertificate, issuer: KnownCertificate): Promise<boolean> {
  return links.getOrCreate(`${child.sha256}>${issuer.sha256}`, () =>
    verifySignature({
      spki: issuer.spki,
      curveOid: issuer.namedCurve,
      algorithm: child.signatureAlgorithm,
      signature: child.signature,
      data: child.tbs,
    }).catch(() => false),
  );
}

function mayHaveIssued(child: KnownCertificate, issuer: KnownCertificate): boolean {
  if (!bytesEqual(child.issuer, issuer.subject)) return false;
  const { authorityKeyIdentifier: aki } = child;
  const { subjectKeyIdentifier: ski } = issuer;
  return !aki || !ski || bytesEqual(aki, ski);
}

/**
 * Builds a path leaf -> ... -> anchor through the candidate certificates (those embedded in the CMS), with
 * every link's signature verified. Returns undefined when no path reaches a configured anchor.
 */
export async function buildPath(
  leaf: KnownCertificate,
  candidates: readonly KnownCertificate[],
  anchors: AnchorSet,
): Promise<KnownCertificate[] | undefined> {
  const pool = [...anchors.values(), ...candidates];
  const extend = async (path: KnownCertificate[]): Promise<KnownCertificate[] | undefined> => {
    const current = path[path.length - 1]!;
    if (anchors.has(current.sha256)) return path;
    if (path.length > MAX_PATH) return undefined;
    for (const issuer of pool) {
      if (path.some((c) => c.sha256 === issuer.sha256) || !mayHaveIssued(current, issuer)) continue;
      if (!(await isSignedBy(current, issuer))) continue;
      const found = await extend([...path, issuer]);
      if (found) return found;
    }
    return undefined;
  };
  return extend([leaf]);
}

/**
 * RFC 5280 checks on a built path at `time` (the time proven by a timestamp, else now): validity periods,
 * CA basicConstraints and path length, keyCertSign, the leaf's usage, and unknown critical extensions.
 * `timeIsProven` distinguishes a proven late signature (EXPIRED, failed) from missing proof (no POE).
 */
export function checkPath(
  path: readonly KnownCertificate[],
  purpose: CertificatePurpose,
  time: Date,
  timeIsProven: boolean,
): Finding[] {
  const findings: Finding[] = [];
  const leaf = path[0]!;
  path.forEach((certificate, position) => {
    const role = position === 0 ? 'end-entity' : `CA #${position}`;
    if (time > certificate.notAfter) {
      findings.push(
        timeIsProven
          ? finding(
              'CERTIFICATE_EXPIRED',
              'TOTAL_FAILED',
              'EXPIRED',
              `${role} certificate expired before the proven signing time`,
            )
          : finding(
              'CERTIFICATE_EXPIRED',
              'INDETERMINATE',
              'OUT_OF_BOUNDS_NO_POE',
              `${role} certificate has expired and no timestamp proves an earlier signing time`,
            ),
      );
    } else if (time < certificate.notBefore) {
      findings.push(
        finding(
          'CERTIFICATE_EXPIRED',
          'INDETERMINATE',
          'NOT_YET_VALID',
          `${role} certificate is not yet valid at the signing time`,
        ),
      );
    }
    if (certificate.unknownCriticalExtensions.length > 0) {
      findings.push(usage(`${role} certificate has unsupported critical extensions`));
    }
    if (position > 0) findings.push(...checkIssuer(certificate, position, path.length - 1));
  });
  findings.push(...checkLeafUsage(leaf, purpose));
  return findings;
}

function checkIssuer(issuer: KnownCertificate, position: number, anchorPosition: number): Finding[] {
  const findings: Finding[] = [];
  // A v1 root without extensions is acceptable as an explicitly configured anchor; intermediates must say CA.
  const isBareAnchor = position === anchorPosition && !issuer.basicConstraints && !issuer.keyUsage;
  if (isBareAnchor) return findings;
  if (!issuer.basicConstraints?.ca)
    findings.push(usage(`CA #${position} is not marked as a CA (basicConstraints)`));
  if (issuer.keyUsage && !issuer.keyUsage.has(KEY_USAGE.keyCertSign)) {
    findings.push(usage(`CA #${position} may not sign certificates (keyUsage keyCertSign)`));
  }
  // pathLenConstraint counts the intermediate CAs below this one (RFC 5280 4.2.1.9).
  const pathLength = issuer.basicConstraints?.pathLength;
  if (pathLength !== undefined && position - 1 > pathLength) {
    findings.push(usage(`CA #${position} path length constraint exceeded`));
  }
  return findings;
}

function checkLeafUsage(leaf: KnownCertificate, purpose: CertificatePurpose): Finding[] {
  if (purpose === 'timestamping') {
    const ok = leaf.extendedKeyUsage?.includes(ALGORITHM_OID.kpTimeStamping) ?? false;
    return ok ? [] : [usage('TSA certificate lacks extendedKeyUsage timeStamping (RFC 3161 2.3)')];
  }
  const { keyUsage } = leaf;
  const ok = !keyUsage || keyUsage.has(KEY_USAGE.digitalSignature) || keyUsage.has(KEY_USAGE.nonRepudiation);
  return ok ? [] : [usage('signer certificate keyUsage allows neither digitalSignature nor nonRepudiation')];
}

const usage = (detail: string): Finding =>
  finding('CERTIFICATE_USAGE_INVALID', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE', detail);
