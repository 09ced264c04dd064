import { bytesEqual } from '../../cms/bytes.js';
import { type ParsedCrl, parseCrl } from '../asn1/crl.js';
import { verifySignature } from '../crypto/verify-crypto.js';
import { type Finding, finding, type NoteCode } from '../report.js';
import type { KnownCertificate } from './known-certificate.js';

/**
 * Result of an OCSP lookup done by the caller's hook. The hook owns transport and OCSP response validation
 * (responder signature, freshness); 'unavailable' means the responder could not be reached yet.
 */
export interface OcspStatus {
  status: 'good' | 'revoked' | 'unknown' | 'unavailable';
  revokedAt?: Date;
}

export type OcspHook = (request: {
  certificate: Uint8Array;
  issuer: Uint8Array;
}) => Promise<OcspStatus | undefined>;

export interface RevocationOptions {
  /** DER CRLs; each is used only if its signature verifies with the issuing CA's key. */
  crls?: readonly Uint8Array[];
  ocsp?: OcspHook;
  /** Without revocation data the result is INDETERMINATE/TRY_LATER instead of a note. */
  requireRevocation?: boolean;
}

const parsedCrls = new WeakMap<Uint8Array, ParsedCrl | undefined>();

function parsedCrl(der: Uint8Array): ParsedCrl | undefined {
  if (!parsedCrls.has(der)) {
    let crl: ParsedCrl | undefined;
    try {
      crl = parseCrl(der);
    } catch {
      crl = undefined; // a malformed CRL is simply not usable revocation data
    }
    parsedCrls.set(der, crl);
  }
  return parsedCrls.get(der);
}

const verifiedCrls = new WeakMap<ParsedCrl, Map<string, Promise<boolean>>>();

function crlSignedBy(crl: ParsedCrl, issuer: KnownCertificate): Promise<boolean> {
  let byIssuer = verifiedCrls.get(crl);
  if (!byIssuer) {
    byIssuer = new Map();
    verifiedCrls.set(crl, byIssuer);
  }
  let verified = byIssuer.get(issuer.sha256);
  if (!verified) {
    verified = verifySignature({
      spki: issuer.spki,
      curveOid: issuer.namedCurve,
      algorithm: crl.signatureAlgorithm,
      signature: crl.signature,
      data: crl.tbs,
    }).catch(() => false);
    byIssuer.set(issuer.sha256, verified);
  }
  return verified;
}

type CertificateStatus =
  | { status: 'good' }
  | { status: 'revoked'; revokedAt: Date }
  | { status: 'unknown' | 'pending' };

async function statusFromCrls(
  certificate: KnownCertificate,
  issuer: KnownCertificate,
  crls: readonly Uint8Array[],
  provenTime: Date,
  requireFresh: boolean,
): Promise<CertificateStatus> {
  for (const der of crls) {
    const crl = parsedCrl(der);
    if (!crl || !bytesEqual(crl.issuer, certificate.issuer) || !(await crlSignedBy(crl, issuer))) continue;
    const revokedAt = crl.revoked.get(certificate.serialNumberHex);
    if (revokedAt) return { status: 'revoked', revokedAt };
    // A CRL issued before the signing time cannot prove the certificate was not revoked at that time.
    if (!requireFresh || crl.thisUpdate >= provenTime) return { status: 'good' };
  }
  return { status: 'unknown' };
}

async function statusFromOcsp(
  certificate: KnownCertificate,
  issuer: KnownCertificate,
  hook: OcspHook,
): Promise<CertificateStatus> {
  const answer = await hook({ certificate: certificate.der, issuer: issuer.der });
  if (!answer) return { status: 'unknown' };
  if (answer.status === 'revoked') return { status: 'revoked', revokedAt: answer.revokedAt ?? new Date(0) };
  if (answer.status === 'unavailable') return { status: 'pending' };
  return { status: answer.status };
}

/**
 * Revocation of every non-anchor certificate in the path. Revoked at or before the proven time fails;
 * revoked after a timestamp-proven signing time is only noted (the signature predates the revocation).
 */
export async function checkRevocation(
  path: readonly KnownCertificate[],
  provenTime: Date,
  timeIsProven: boolean,
  options: RevocationOptions,
): Promise<{ findings: Finding[]; notes: NoteCode[] }> {
  const findings: Finding[] = [];
  const notes = new Set<NoteCode>();
  for (let position = 0; position < path.length - 1; position++) {
    const certificate = path[position]!;
    const issuer = path[position + 1]!;
    const role = position === 0 ? 'end-entity' : `CA #${position}`;
    let status = await statusFromCrls(
      certificate,
      issuer,
      options.crls ?? [],
      provenTime,
      options.requireRevocation ?? false,
    );
    if (status.status === 'unknown' && options.ocsp)
      status = await statusFromOcsp(certificate, issuer, options.ocsp);
    if (status.status === 'revoked') {
      if (!timeIsProven || status.revokedAt <= provenTime) {
        findings.push(
          finding('CERTIFICATE_REVOKED', 'TOTAL_FAILED', 'REVOKED', `${role} certificate is revoked`),
        );
      } else notes.add('REVOKED_AFTER_SIGNING');
    } else if (status.status !== 'good') {
      if (options.requireRevocation) {
        findings.push(
          finding(
            'REVOCATION_UNAVAILABLE',
            'INDETERMINATE',
            'TRY_LATER',
            `no current revocation data for the ${role} certificate`,
          ),
        );
      } else notes.add('REVOCATION_NOT_CHECKED');
    }
  }
  return { findings, notes: [...notes] };
}
