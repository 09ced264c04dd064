import { ALGORITHM_OID } from './algorithm-oids.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from './certificate.js';
import {
  children,
  DerError,
  expectTag,
  readIntegerHex,
  readOctetString,
  readOid,
  readRoot,
  readTime,
  TAG,
} from './der-reader.js';
import { parseSignedData, type SignedData } from './signed-data.js';

/** RFC 3161 TSTInfo fields the verifier uses. */
export interface TstInfo {
  policy: string;
  imprintAlgorithm: AlgorithmIdentifier;
  imprint: Uint8Array;
  serialNumberHex: string;
  genTime: Date;
}

export interface TimestampToken {
  signedData: SignedData;
  /** The DER TSTInfo the token's signer signed (its messageDigest covers these bytes). */
  tstInfoDer: Uint8Array;
  tstInfo: TstInfo;
}

export function parseTimestampToken(der: Uint8Array): TimestampToken {
  const signedData = parseSignedData(der);
  if (signedData.contentType !== ALGORITHM_OID.tstInfo || !signedData.content) {
    throw new DerError('Timestamp token does not encapsulate a TSTInfo');
  }
  const fields = children(expectTag(readRoot(signedData.content), TAG.sequence, 'TSTInfo'));
  const [imprintAlgorithm, imprint] = children(expectTag(fields[2], TAG.sequence, 'MessageImprint'));
  return {
    signedData,
    tstInfoDer: signedData.content,
    tstInfo: {
      policy: readOid(fields[1]!),
      imprintAlgorithm: readAlgorithmIdentifier(imprintAlgorithm!),
      imprint: readOctetString(imprint!),
      serialNumberHex: readIntegerHex(fields[3]!),
      genTime: readTime(expectTag(fields[4], TAG.generalizedTime, 'genTime')),
    },
  };
}
