import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../cms/bytes.js';
import { ensureCryptoEngine } from '../cms/engine.js';
import { OID } from '../cms/oids.js';
import { readSignedData } from '../cms/signed-data-reader.js';

/** The fields of an RFC 3161 TSTInfo that callers need (timestamp checks, N2 / F8). */
export interface TimestampTokenInfo {
  genTime: Date;
  policy: string;
  serialNumber: bigint;
  hashAlgorithm: string;
  hashedMessage: Uint8Array;
  nonce: bigint | undefined;
  /** Accuracy in milliseconds, when the TSA states one. */
  accuracyMs: number | undefined;
  /** DER TSTInfo (the content the TSA signed). */
  tstInfo: Uint8Array;
}

/** Reads the TSTInfo of a timestamp token (a CMS ContentInfo with eContentType id-ct-TSTInfo). */
export function readTimestampToken(token: Uint8Array): TimestampTokenInfo {
  ensureCryptoEngine();
  const signedData = readSignedData(token);
  if (signedData.eContentType !== OID.tstInfo || !signedData.eContent) {
    throw new Error('Not an RFC 3161 timestamp token (eContentType is not id-ct-TSTInfo)');
  }
  const info = pkijs.TSTInfo.fromBER(toArrayBuffer(signedData.eContent));
  const accuracy = info.accuracy;
  return {
    genTime: info.genTime,
    policy: info.policy,
    serialNumber: info.serialNumber.toBigInt(),
    hashAlgorithm: info.messageImprint.hashAlgorithm.algorithmId,
    hashedMessage: new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonce: info.nonce?.toBigInt(),
    accuracyMs: accuracy
      ? (accuracy.seconds ?? 0) * 1000 + (accuracy.millis ?? 0) + (accuracy.micros ?? 0) / 1000
      : undefined,
    tstInfo: signedData.eContent,
  };
}
