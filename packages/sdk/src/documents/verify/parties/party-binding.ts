import type { ContractMainData } from '@hdld/spec';
import {
  decisiveFinding,
  type Finding,
  finding,
  outcomeOf,
  type PdfVerificationReport,
  type SignatureReport,
} from '../report.js';
import { requiredPartyIdentifier, type SigningParty } from './party-identifiers.js';

/** A party signature whose certificate does not carry the party's identifier (F8, N2). */
export interface PartyMismatch {
  /** Zero-based, in signing order. */
  signatureIndex: number;
  party: SigningParty;
  /** The UID the certificate should carry (masked for personal IDs). */
  expected: string;
  /** `CN=…, UID=…` of the signing certificate, personal ID numbers masked (never logged in full). */
  subject: string;
}

/**
 * The SDK signs the employer's field (`EmployerSignature`) first, then the employee's (`EmployeeSignature`),
 * and the parties sign in that order on every provider's eContract: the n-th signature in revision order
 * is the n-th party. Further signatures (seals, witnesses) belong to no party.
 */
const SIGNING_ORDER: readonly SigningParty[] = ['EMPLOYER', 'EMPLOYEE'];

const PERSONAL_ID = /^(CCCD|CMND|HC):(.*)$/;

/** Personal identity numbers keep their prefix and last 3 characters (non-negotiable 4); tax codes are public. */
function maskIdentifier(uid: string): string {
  const personal = PERSONAL_ID.exec(uid);
  if (!personal) return uid;
  const number = personal[2]!;
  return `${personal[1]}:${'*'.repeat(Math.max(0, number.length - 3))}${number.slice(-3)}`;
}

function describeSubject(signature: SignatureReport): string {
  const cn = signature.signer?.subjectCommonName;
  const uids = (signature.signer?.subjectUserIds ?? []).map((u) => `UID=${maskIdentifier(u)}`);
  return [...(cn === undefined ? [] : [`CN=${cn}`]), ...uids].join(', ') || '(empty subject)';
}

/**
 * Signer-to-party binding (F8, N2; Decree Art. 7.2.b, 8): marks which party each signature belongs to and
 * checks that its certificate identifies that party from the contract's main data: the employer by UID
 * `MST:<tax code>` (an organisation certificate, or its representative's personal one that carries the
 * employer's MST too), the employee by `CCCD:`/`CMND:`/`HC:` and the identity number. A mismatch, or a
 * certificate without the identifier, is a SIGNATURE_PARTY_MISMATCH finding on that signature.
 */
export function bindSignaturesToParties(
  report: PdfVerificationReport,
  mainData: ContractMainData,
): { report: PdfVerificationReport; mismatches: PartyMismatch[] } {
  const mismatches: PartyMismatch[] = [];
  const signatures = report.signatures.map((signature, position): SignatureReport => {
    const party = SIGNING_ORDER[position];
    if (!party) return signature;
    const required = requiredPartyIdentifier(mainData, party);
    if (!required || !signature.signer || signature.signer.subjectUserIds?.includes(required))
      return { ...signature, party };
    const mismatch = {
      signatureIndex: signature.index,
      party,
      expected: maskIdentifier(required),
      subject: describeSubject(signature),
    };
    mismatches.push(mismatch);
    const findings = [
      ...signature.findings,
      finding(
        'SIGNATURE_PARTY_MISMATCH',
        'TOTAL_FAILED',
        'SIG_CONSTRAINTS_FAILURE',
        `${party.toLowerCase()} signature: certificate ${mismatch.subject} does not carry UID ${mismatch.expected}`,
      ),
    ];
    return { ...signature, party, findings, ...outcomeOf(findings) };
  });
  const all = [...report.findings, ...signatures.flatMap((s) => s.findings)];
  return { report: { ...report, ...outcomeOf(all), signatures }, mismatches };
}

const PARTY_NAMES: Record<SigningParty, { en: string; vi: string }> = {
  EMPLOYER: { en: "employer's", vi: 'người sử dụng lao động' },
  EMPLOYEE: { en: "employee's", vi: 'người lao động' },
};

/** The mismatch in both languages, naming the signature and the certificate subject (F8). */
export function describePartyMismatch(
  mismatch: PartyMismatch,
  documentName: string,
): { en: string; vi: string } {
  const n = mismatch.signatureIndex + 1;
  return {
    en: `${documentName}, signature ${n} (the ${PARTY_NAMES[mismatch.party].en}): the certificate ${mismatch.subject} does not identify that party; expected UID ${mismatch.expected} from the main data.`,
    vi: `${documentName}, chữ ký ${n} (của ${PARTY_NAMES[mismatch.party].vi}): chứng thư ${mismatch.subject} không xác định đúng bên ký; cần UID ${mismatch.expected} theo dữ liệu chính.`,
  };
}

/**
 * The decisive finding of a signature other than a party mismatch: callers report mismatches with their own
 * bilingual text (describePartyMismatch) and must still show what else failed.
 */
export function decisiveVerifierFinding(signature: SignatureReport): Finding | undefined {
  return decisiveFinding(signature.findings.filter((f) => f.code !== 'SIGNATURE_PARTY_MISMATCH'));
}
