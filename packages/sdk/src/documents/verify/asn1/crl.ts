import { type AlgorithmIdentifier, readAlgorithmIdentifier } from './certificate.js';
import {
  children,
  DerError,
  encodingOf,
  expectTag,
  readIntegerHex,
  readOctetAlignedBitString,
  readRoot,
  readTime,
  TAG,
} from './der-reader.js';

/** The fields of an X.509 CRL (RFC 5280 5.1) needed to decide revocation. */
export interface ParsedCrl {
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  issuer: Uint8Array;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Revoked serial numbers (hex, as ParsedCertificate.serialNumberHex) -> revocation date. */
  revoked: ReadonlyMap<string, Date>;
}

export function parseCrl(der: Uint8Array): ParsedCrl {
  try {
    const [tbs, algorithm, signature] = children(expectTag(readRoot(der), TAG.sequence, 'CRL'));
    const fields = children(expectTag(tbs, TAG.sequence, 'tbsCertList'));
    let i = fields[0]?.tag === TAG.integer ? 1 : 0;
    i++; // inner signature algorithm
    const issuer = expectTag(fields[i++], TAG.sequence, 'CRL issuer');
    const thisUpdate = readTime(fields[i++]!);
    const crl: ParsedCrl = {
      tbs: encodingOf(tbs!),
      signatureAlgorithm: readAlgorithmIdentifier(algorithm!),
      signature: readOctetAlignedBitString(expectTag(signature, TAG.bitString, 'CRL signature')),
      issuer: encodingOf(issuer),
      thisUpdate,
      revoked: new Map(),
    };
    const next = fields[i];
    if (next && (next.tag === TAG.utcTime || next.tag === TAG.generalizedTime)) {
      crl.nextUpdate = readTime(next);
      i++;
    }
    const list = fields[i];
    if (list?.tag === TAG.sequence) {
      crl.revoked = new Map(
        children(list).map((entry) => {
          const [serial, date] = children(entry);
          return [readIntegerHex(serial!), readTime(date!)] as const;
        }),
      );
    }
    return crl;
  } catch (error) {
    if (error instanceof DerError) throw new DerError(`Malformed CRL: ${error.message}`);
    throw error;
  }
}
