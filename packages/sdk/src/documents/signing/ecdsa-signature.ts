import { integerFromUnsigned, sequence } from '../cms/der.js';

/** WebCrypto returns ECDSA signatures as r||s (IEEE P1363); CMS wants DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.byteLength === 0 || raw.byteLength % 2 !== 0) throw new Error('Invalid raw ECDSA signature');
  const half = raw.byteLength / 2;
  return sequence(integerFromUnsigned(raw.subarray(0, half)), integerFromUnsigned(raw.subarray(half)));
}
